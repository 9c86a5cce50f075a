/// A file the handoff says it added or changed, which the commit did not touch.
public struct ClaimedFileNotInCommitRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "claimed-file-not-in-commit", severity: .error,
        summary: "A tests.added or filesChanged file, or a path the prose says was changed, is not changed by the commit.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        var out: [Finding] = []
        let short = String(context.commit.prefix(7))
        for added in context.handoff.tests where !context.isWritten(added.file) {
            let outside = !HandoffVerifier.staysInside(added.file)
            out.append(
                Self.descriptor.finding(
                    context.file, context.location(added.path + ".file"),
                    message: outside
                        ? "tests.added names `\(added.file)`, which is outside the repository"
                        : "tests.added names `\(added.file)`, but commit \(short) does not add, modify or rename to it",
                    hint: outside ? "Name the test file by its path inside the repository." : "Commit the test file and hand off that commit, or correct the path."))
        }
        var reported: Set<String> = []
        for changed in context.handoff.filesChanged where reported.insert(changed.file).inserted && !context.isTouched(changed.file) {
            out.append(
                Self.descriptor.finding(
                    context.file, context.location(changed.path),
                    message: "filesChanged names `\(changed.file)`, but commit \(short) does not touch it",
                    hint: "Commit the change and hand off that commit, or correct the list."))
        }
        for (claim, path) in context.proseClaims where claim.kind == .changed && reported.insert(claim.path).inserted {
            guard !context.isTouched(claim.path) else { continue }
            out.append(
                Self.descriptor.finding(
                    context.file, context.location(path),
                    message: "the handoff says it changed `\(claim.path)`, but commit \(short) does not touch it: \"\(claim.sentence.shortened(120))\"",
                    hint: "Compare `git show --stat \(short)` with the handoff; commit the change or hand off the commit that has it."))
        }
        return out
    }
}

extension String {
    func shortened(_ n: Int) -> String { count > n ? String(prefix(n - 1)) + "…" : self }
}

extension ClaimedFileNotInCommitRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(implemented: "Updated `src/x.go`."), commit: ["src/y.go": "package y\n"], reports: true),
            .handoff(RuleExample.handoffJSON(implemented: "Updated `src/x.go`; no changes to `src/y.go`."), commit: ["src/x.go": "package x\n"], reports: false),
        ]
    }
}
