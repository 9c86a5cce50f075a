/// A closed-set doc named as updated whose Mission status block the commit left alone or broke.
public struct ClaimedDocBlockNotUpdatedRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "claimed-doc-block-not-updated", severity: .error,
        summary: "A closed-set doc the handoff names as updated: the commit did not touch its status block, or the block fails check.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard !context.closedSet.isEmpty else { return [] }
        var out: [Finding] = []
        var seen: Set<String> = []
        for (claim, path) in context.proseClaims where claim.kind == .changed && context.closedSet.contains(claim.path) {
            guard seen.insert(claim.path).inserted, context.isWritten(claim.path) else { continue }
            let bytes = (try? context.repo.show(context.commit, path: claim.path)) ?? nil
            let blocks = bytes.map { StatusBlockScanner.scan(SourceText(bytes: $0)) } ?? []
            let location = context.location(path)
            guard blocks.count == 1, let block = blocks.first else {
                out.append(
                    Self.descriptor.finding(
                        context.file, location,
                        message: "`\(claim.path)` has \(blocks.count) Mission status blocks at this commit; it must have exactly one",
                        hint: "`missionctl status set \(claim.path) …` updates the one block; commit that."))
                continue
            }
            let problems = StatusBlockEditor.problems(block, file: claim.path)
            if let first = problems.first {
                out.append(
                    Self.descriptor.finding(
                        context.file, location,
                        message: "the Mission status block of `\(claim.path)` fails check at this commit: \(first.message) [\(first.rule)]",
                        hint: first.hint))
                continue
            }
            let touched = (context.addedLines[claim.path] ?? []).contains { $0.line >= block.headerLine && $0.line <= block.lastLine }
            if !touched {
                out.append(
                    Self.descriptor.finding(
                        context.file, location,
                        message: "the handoff updates `\(claim.path)`, but the commit does not touch its Mission status block (lines \(block.headerLine)–\(block.lastLine))",
                        hint: "Refresh the block: `missionctl status set \(claim.path) --agent … --status …`, and commit it with the doc."))
            }
        }
        return out
    }
}

extension ClaimedDocBlockNotUpdatedRule {
    public static var examples: [RuleExample] {
        [
            .handoff(
                RuleExample.handoffJSON(implemented: "Updated `docs/a.md`."), commit: ["docs/a.md": RuleExample.block() + "\nMore text.\n"],
                files: RuleExample.closedSet.merging(["docs/a.md": RuleExample.block()]) { $1 }, reports: true),
            .handoff(
                RuleExample.handoffJSON(implemented: "Updated `docs/a.md`."), commit: ["docs/a.md": RuleExample.block(status: "partial", todo: "wire it", done: "no")],
                files: RuleExample.closedSet.merging(["docs/a.md": RuleExample.block()]) { $1 }, reports: false),
        ]
    }
}
