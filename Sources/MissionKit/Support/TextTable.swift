import MissionSystem

/// A plain-text table for terminals: columns padded to their widest cell, the last one not.
public enum TextTable {
    public static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { i in rows.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            cells.indices.map { i in i == cells.count - 1 ? cells[i] : pad(cells[i], widths[i]) }
                .joined(separator: "  ").trimming(" ")
        }.joined(separator: "\n") + "\n"
    }

    /// `s` followed by blanks up to `width` characters.
    public static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }

    /// `s` with control characters made visible, cut to `n` characters with an ellipsis.
    public static func clip(_ s: String, _ n: Int) -> String {
        let safe = DisplayText.sanitize(s)
        return safe.count > n ? String(safe.prefix(n - 1)) + "…" : safe
    }
}
