/// A claimed test case whose name appears nowhere in the lines the commit added to its file.
public struct ClaimedTestCaseNotFoundRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "claimed-test-case-not-found", severity: .error,
        summary: "A claimed test case name appears nowhere in the lines the commit added to that file.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        var out: [Finding] = []
        for added in context.handoff.tests {
            guard context.isWritten(added.file) else { continue }  // reported as a missing file
            guard !added.cases.isEmpty else { continue }
            let lines = context.addedLines(for: added.file)
            let index = TestNameMatcher.Index(lines)
            var declared: [String]?
            for testCase in added.cases where !index.contains(testCase.name) {
                let tests = declared ?? TestNameMatcher.declaredTests(in: lines)
                declared = tests
                let list = tests.isEmpty ? "none recognised" : tests.prefix(5).joined(separator: ", ") + (tests.count > 5 ? " and \(tests.count - 5) more" : "")
                out.append(
                    Self.descriptor.finding(
                        context.file, context.location(testCase.path + ".name"),
                        message: "test case \"\(testCase.name)\" is not among the lines the commit added to `\(added.file)`; tests it added: \(list)",
                        hint: "Name the case as written in the test (or as its function name), or commit the test."))
            }
        }
        return out
    }
}

extension ClaimedTestCaseNotFoundRule {
    public static var examples: [RuleExample] {
        [
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "x_test.go", "cases": [{"name": "TestMissing"}]}"#), commit: ["x_test.go": "func TestX(t *testing.T) {}\n"],
                reports: true),
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "x_test.go", "cases": [{"name": "TestX"}]}"#), commit: ["x_test.go": "func TestX(t *testing.T) {}\n"],
                reports: false),
        ]
    }
}
