/// `Status` or `Fully implemented` outside their allowed values.
public struct InvalidStatusValueRule: BlockContentRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-status-value", severity: .error,
        summary: "`Status` is not one of not-started, in-progress, partial, complete; or `Fully implemented` is not yes or no.")
    public init() {}

    public static func findings(for block: StatusBlock, file: String, into out: inout CappedFindings) {
        let allowed = WorkStatus.allCases.map(\.rawValue)
        if let status = block.field(.status), !status.value.isEmpty, WorkStatus(rawValue: status.normalizedValue) == nil {
            let meant = status.correctedValue(for: .status)
            out.append(
                descriptor.finding(
                    file, status.location, message: "`Status: \(status.value)` is not a valid status\(meant.map { " (did you mean `\($0)`?)" } ?? "")",
                    hint: "Use one of: \(allowed.joined(separator: ", "))." + (meant.map { " `missionctl check --fix` writes `\($0)`." } ?? "")))
        }
        if let fully = block.field(.fullyImplemented), !fully.value.isEmpty, !["yes", "no"].contains(fully.normalizedValue) {
            out.append(
                descriptor.finding(
                    file, fully.location,
                    message: "`Fully implemented: \(fully.value)` is neither `yes` nor `no`\(fully.correctedValue(for: .fullyImplemented).map { " (did you mean `\($0)`?)" } ?? "")",
                    hint: "Write `yes` only when Status is complete and Todo is none; otherwise `no`."))
        }
    }
}

extension InvalidStatusValueRule {
    public static var examples: [RuleExample] {
        [.doc(RuleExample.block(status: "done"), reports: true), .doc(RuleExample.block(status: "in-progress", todo: "wire it", done: "no"), reports: false)]
    }
}
