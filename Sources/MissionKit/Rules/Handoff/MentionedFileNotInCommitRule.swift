/// A path named in prose (neither claimed as changed nor as verified) that exists neither at the
/// commit nor at its parent: a dangling reference. Naming a file the commit rightly left alone
/// ("follows `docs/style.md`") is normal and no finding.
public struct MentionedFileNotInCommitRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "mentioned-file-not-in-commit", severity: .warning,
        summary: "A path named in the handoff prose exists neither at the commit nor at its parent (a dangling reference).")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        var reported: Set<String> = []
        return context.proseClaims.compactMap { claim, path in
            guard claim.kind == .mentioned, !Glob.isPattern(claim.path), !claim.path.hasSuffix("/..."), reported.insert(claim.path).inserted,
                !context.isTouched(claim.path), !context.exists(claim.path)
            else { return nil }
            return Self.descriptor.finding(
                context.file, context.location(path),
                message: "`\(claim.path)` exists neither at commit \(context.commit.prefix(7)) nor at its parent: \"\(claim.sentence.shortened(120))\"",
                hint: "Correct the path, or commit the file it names.")
        }
    }
}

extension MentionedFileNotInCommitRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(implemented: "Added `src/x.go`; see `docs/gone.md`."), commit: ["src/x.go": "package x\n"], reports: true),
            .handoff(RuleExample.handoffJSON(implemented: "Added `src/x.go`; see `README.md`."), commit: ["src/x.go": "package x\n"], files: ["README.md": "# r\n"], reports: false),
        ]
    }
}
