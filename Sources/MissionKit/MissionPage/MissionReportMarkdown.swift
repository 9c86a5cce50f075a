import MissionSystem

/// Renders a `MissionReport` as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` and pull-request
/// comments: the page's content in tables (no chart: the per-milestone counts stand in for it).
public struct MissionReportMarkdown: Sendable {
    /// Put before repo-relative paths in links (e.g. `https://github.com/o/r/blob/<sha>/`); empty
    /// means paths are shown as code, not linked.
    public var linkBase: String

    public init(linkBase: String = "") {
        self.linkBase = linkBase
    }

    public func render(_ report: MissionReport) -> String {
        TextOutput.collect { write(report, to: $0) }
    }

    /// Writes the page to `out` in chunks (it can be several times the size of the mission files).
    public func write(_ report: MissionReport, to out: TextOutput) {
        let counts = report.findingCount
        let assertions = report.missions.reduce(0) { $0 + $1.assertions.count }
        let passed = report.missions.reduce(0) { $0 + $1.count(.passed) }
        out += "# Mission report: \(MarkdownText.cell(report.repositoryName))\n\n"
        out += "\(report.missions.count) mission(s) · \(assertions) assertion(s), \(passed) passed · findings: \(counts.errors) error(s), \(counts.warnings) warning(s)\n"
        if report.missions.isEmpty {
            out += report.validation.isEmpty ? "\nNo mission found in this repository.\n" : "\nNo mission files in this repository: its validator outputs follow.\n"
        }
        if !report.validation.isEmpty {
            out += "\n## Validation by milestone\n\n| Milestone | Latest verdict | Passed | Failed | Blocked | Syntheses | Latest | Findings |\n|---|---|---|---|---|---|---|---|\n"
            for row in report.validation {
                let latest = row.latest.map { link($0.synthesis, "\($0.validator) r\($0.round)") }.joined(separator: ", ")
                out += "| \(MarkdownText.cell(row.milestone)) | \(MarkdownText.cell(row.verdict)) | \(row.passed) | \(row.failed) | \(row.blocked) | \(row.synthesisCount) | \(latest) | "
                findings(row.findings, into: out)
            }
        }
        for mission in report.missions { section(mission, into: out) }
        if !report.repositoryFindings.isEmpty {
            out += "\n## Repository files\n\n"
            for f in report.repositoryFindings { out += "- " + finding(f) + "\n" }
        }
    }

    func section(_ m: MissionReport.MissionSection, into out: TextOutput) {
        let features = m.features
        out += "\n## \(MarkdownText.cell(m.title ?? "Mission")) (`\(MarkdownText.code(m.path))`)\n\n"
        out += "Features: \(features.count { $0.isCompleted })/\(features.count) completed · Assertions: "
        out += m.summaryStates.map { "\($0.count) \($0.state.rawValue)" }.joined(separator: ", ")
        let counts = m.findingCounts
        out += " · Findings: \(counts.errors) error(s), \(counts.warnings) warning(s)\n"
        if !m.notes.isEmpty {
            out += "\n<details><summary>\(MissionReport.notesSummary(m.notes.count))</summary>\n\n"
            for note in m.notes { out += "- \(MarkdownText.cell(note))\n" }
            out += "\n</details>\n"
        }

        if !m.milestones.isEmpty {
            out += "\n### Milestones\n\n| Milestone | Features completed | Assertions | " + MissionReport.State.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
            out += "|---|---|---|" + String(repeating: "---|", count: MissionReport.State.allCases.count) + "\n"
            for row in m.milestones {
                out += "| \(MarkdownText.cell(row.name ?? "(no milestone)")) | \(row.completedFeatures)/\(row.features.count) | \(row.assertionCount) | "
                out += MissionReport.State.allCases.map { "\(row.states[$0] ?? 0)" }.joined(separator: " | ") + " |\n"
            }
            if !features.isEmpty {
                out += "\n| Feature | Milestone | Status | Assertions | Handoffs | Findings |\n|---|---|---|---|---|---|\n"
                for f in features {
                    out += "| \(link(.init(file: f.link.file, line: f.link.line), f.id)) | \(MarkdownText.cell(f.milestone ?? "")) | \(MarkdownText.cell(f.status ?? "—")) | "
                    out += "\(MarkdownText.cell(f.assertions.joined(separator: ", "))) | \(handoffs(f.handoffs)) | "
                    findings(f.findings, into: out)
                }
            }
        }

        out += "\n### Traceability\n\n"
        if m.assertions.isEmpty {
            out += "No assertion is known: the mission has no validation-contract.md headings, features.json claims or validation-state.json entries.\n"
        } else {
            out += "| Assertion | Milestone | Feature(s) | State | Latest verdict | Handoffs | Tests | Findings |\n|---|---|---|---|---|---|---|---|\n"
            for a in m.assertions {
                var id = a.contract.map { link($0, a.id) } ?? "`\(MarkdownText.code(a.id))` (not in contract)"
                if let title = a.title { id += "<br>" + MarkdownText.cell(title) }
                let state = a.state == .untracked ? "no entry" : MarkdownText.cell(a.stateValue ?? a.state.rawValue)
                let verdict = a.verdict.map { "\($0.status) (round \($0.round))" } ?? ""
                out += "| \(id) | \(MarkdownText.cell(a.milestone ?? "")) | \(a.features.isEmpty ? "unclaimed" : MarkdownText.cell(a.features.joined(separator: ", "))) | "
                out += "\(state) | \(verdict) | \(handoffs(a.handoffs)) | \(a.tests.map(MarkdownText.cell).joined(separator: "<br>")) | "
                findings(a.findings, into: out)
            }
        }

        if !m.docs.isEmpty {
            out += "\n### Source docs\n\n| Doc | Mission status | Findings |\n|---|---|---|\n"
            for d in m.docs {
                out += "| \(d.isMissing ? "`\(MarkdownText.code(d.path))`" : link(.init(file: d.path), d.path)) | "
                if d.isMissing {
                    out += "listed, but no such file"
                } else if let error = d.readError {
                    out += "unreadable: " + MarkdownText.cell(error)
                } else if d.blocks.isEmpty {
                    out += "no block"
                } else {
                    for (i, b) in d.blocks.enumerated() {
                        out += i > 0 ? "<br>" : ""
                        for (j, field) in b.fields.enumerated() {
                            out += (j > 0 ? " · " : "") + "**\(MarkdownText.cell(field.label))** \(MarkdownText.cell(field.value))"
                        }
                    }
                }
                out += " | "
                findings(d.findings, into: out)
            }
        }
        if !m.otherFindings.isEmpty {
            out += "\n### Other findings\n\n"
            for f in m.otherFindings { out += "- " + finding(f) + "\n" }
        }
    }

    func handoffs(_ refs: [MissionReport.HandoffRef]) -> String {
        refs.map { link(.init(file: $0.file), $0.commit.map { "commit \($0)" } ?? "handoff") }.joined(separator: "<br>")
    }

    /// A table's last cell, the findings one under another, and the row's end: written finding
    /// by finding (a doc of 40,000 bad blocks has a cell of 160,000).
    func findings(_ list: [Finding], into out: TextOutput) {
        for (i, f) in list.enumerated() { out += (i > 0 ? "<br>" : "") + finding(f) }
        out += " |\n"
    }

    func finding(_ f: Finding) -> String {
        "**\(f.severity.rawValue)** `\(f.rule)` \(link(.init(file: f.file, line: f.line), "\(f.file):\(f.line):\(f.column)")): \(MarkdownText.cell(f.message))"
    }

    func link(_ target: MissionReport.Link, _ text: String) -> String {
        guard !linkBase.isEmpty, !target.file.hasPrefix("/"), !target.file.hasPrefix("~/") else { return "`\(MarkdownText.code(text))`" }
        let anchor = target.line.map { "#L\($0)" } ?? ""
        return "[`\(MarkdownText.code(text))`](\(linkBase)\(FileName.uriPath(target.file))\(anchor))"
    }
}
