/// A path named in prose that says neither "changed" nor "verified", and that the commit did not touch.
public struct MentionedFileNotInCommitRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "mentioned-file-not-in-commit", severity: .warning,
        summary: "A path named in the handoff prose (neither claimed as changed nor as verified) is not in the commit.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        var reported: Set<String> = []
        return context.proseClaims.compactMap { claim, path in
            guard claim.kind == .mentioned, reported.insert(claim.path).inserted,
                !context.isTouched(claim.path)
            else { return nil }
            return Self.descriptor.finding(
                context.file, context.location(path),
                message: "`\(claim.path)` is named but not in the commit: \"\(claim.sentence.shortened(120))\"",
                hint: "Say whether the file was changed (and commit it) or only read (\"verified\", \"read\").")
        }
    }
}
