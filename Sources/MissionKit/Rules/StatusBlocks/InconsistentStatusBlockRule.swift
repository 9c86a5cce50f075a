/// Values that contradict each other: `yes` with remaining work, `complete` with a todo.
public struct InconsistentStatusBlockRule: BlockContentRule {
    public static let descriptor = RuleDescriptor(
        id: "inconsistent-status-block", severity: .error,
        summary: "`Fully implemented: yes` without `Status: complete` and `Todo: none`, or `complete` with a Todo.")
    public init() {}

    public static func findings(for block: StatusBlock, file: String, into out: inout CappedFindings) {
        let status = block.field(.status)?.normalizedValue
        let todoField = block.field(.todo)
        let todoIsNone = todoField.map { $0.normalizedValue.lowercased() == "none" } ?? false
        let fully = block.field(.fullyImplemented)
        if let fully, fully.normalizedValue == "yes" {
            if status == WorkStatus.notStarted.rawValue {
                out.append(
                    descriptor.finding(
                        file, fully.location, message: "`Fully implemented: yes` on a doc whose `Status` is not-started",
                        hint: "Work that has not started is not implemented: write `Fully implemented: no`."))
            } else if status != WorkStatus.complete.rawValue || !todoIsNone {
                var why: [String] = []
                if status != WorkStatus.complete.rawValue { why.append("`Status` is \(status.map { "`\($0)`" } ?? "absent")") }
                if !todoIsNone { why.append("`Todo` is not `none`") }
                out.append(
                    descriptor.finding(
                        file, fully.location,
                        message: "`Fully implemented: yes` while \(why.joined(separator: " and "))",
                        hint: "`yes` requires `Status: complete` and `Todo: none`; otherwise write `no`."))
            }
        }
        if status == WorkStatus.complete.rawValue, let todoField, !todoField.value.isEmpty, !todoIsNone {
            out.append(
                descriptor.finding(
                    file, todoField.location,
                    message: "`Status: complete` while `Todo` lists work: \(todoField.value.prefix(80))",
                    hint: "Finish the todo and write `Todo: none`, or set `Status: partial`."))
        }
    }
}

extension InconsistentStatusBlockRule {
    public static var examples: [RuleExample] {
        [.doc(RuleExample.block(status: "partial", done: "yes"), reports: true), .doc(RuleExample.block(status: "partial", todo: "wire the CLI", done: "no"), reports: false)]
    }
}
