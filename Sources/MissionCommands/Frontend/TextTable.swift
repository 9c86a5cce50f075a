import Foundation
import MissionKit

/// A plain-text table for terminals: columns padded to their widest cell, the last one not.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { i in rows.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            cells.indices.map { i in i == cells.count - 1 ? cells[i] : cells[i].padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// `s` with control characters made visible, cut to `n` characters with an ellipsis.
    static func clip(_ s: String, _ n: Int) -> String {
        let safe = DisplayText.sanitize(s)
        return safe.count > n ? String(safe.prefix(n - 1)) + "…" : safe
    }
}
