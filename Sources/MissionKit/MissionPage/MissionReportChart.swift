/// The inline SVG chart of a mission report: one stacked bar per milestone, its assertions by state.
enum MissionReportChart {
    static let colors: [MissionReport.State: String] = [
        .passed: "#1a7f37", .failed: "#cf222e", .blocked: "#bf8700", .pending: "#8c959f", .other: "#8250df", .untracked: "#d0d7de",
    ]

    static func svg(_ milestones: [MissionReport.MilestoneRow]) -> String {
        let rows = milestones.filter { $0.assertionCount > 0 }
        guard !rows.isEmpty else { return "<p class=\"empty\">No milestone has assertions yet.</p>\n" }
        let labelWidth = 240, barWidth = 520, rowHeight = 22, top = 28
        let most = rows.map(\.assertionCount).max() ?? 1
        let height = top + rows.count * rowHeight + 8
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" role=\"img\" aria-label=\"Assertion states per milestone\" font-family=\"system-ui,sans-serif\" font-size=\"12\">"
        // Legend.
        var x = 0
        for state in MissionReport.State.allCases {
            out += "<rect x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colors[state] ?? "#999")\"/>"
            out += "<text x=\"\(x + 16)\" y=\"14\">\(state.rawValue)</text>"
            x += 24 + state.rawValue.count * 7
        }
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            let name = row.name ?? "(no milestone)"
            let shown = name.count > 34 ? String(name.prefix(33)) + "…" : name
            out += "<g class=\"bar\" data-milestone=\"\(MissionReportHTML.escape(name))\" data-total=\"\(row.assertionCount)\">"
            out += "<title>\(MissionReportHTML.escape(name)): " + MissionReport.State.allCases.compactMap { s in
                row.states[s].map { "\($0) \(s.rawValue)" }
            }.joined(separator: ", ") + "</title>"
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(MissionReportHTML.escape(shown))</text>"
            var offset = 0.0
            for state in MissionReport.State.allCases {
                guard let n = row.states[state], n > 0 else { continue }
                let width = Double(barWidth) * Double(n) / Double(most)
                out += "<rect class=\"\(state.rawValue)\" data-count=\"\(n)\" x=\"\(Self.format(Double(labelWidth) + offset))\" y=\"\(y + 2)\" width=\"\(Self.format(width))\" height=\"\(rowHeight - 6)\" fill=\"\(colors[state] ?? "#999")\"/>"
                offset += width
            }
            out += "<text x=\"\(Self.format(Double(labelWidth) + offset + 6))\" y=\"\(y + 14)\">\(row.assertionCount)</text></g>"
        }
        return out + "</svg>\n"
    }

    /// One decimal, no locale.
    static func format(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
