/// The paths a commit changed, searchable by a claimed path without scanning them all: a
/// handoff's prose may name thousands of paths, and each was compared with every changed path
/// (8,000 named paths took 26 s).
public struct ChangedPaths: Sendable {
    /// In the commit's order, which results keep.
    public let paths: [String]
    private let set: Set<String>
    /// Indexes into `paths`, sorted by the paths' bytes: every path under a folder is one range.
    private let sorted: [Int]

    public init(_ paths: [String]) {
        self.paths = paths
        set = Set(paths)
        sorted = paths.indices.sorted { paths[$0].utf8.lexicographicallyPrecedes(paths[$1].utf8) }
    }

    public var isEmpty: Bool { paths.isEmpty }

    /// The changed paths matching a claimed path: itself, a folder it names (`dir`, `dir/`,
    /// `dir/...`, whatever its last segment looks like), or a glob; in the commit's order.
    public func matches(_ claimed: String) -> [String] {
        var pattern = HandoffContext.normalized(claimed)
        if pattern.hasSuffix("/...") { pattern.removeLast(3) }
        if Glob.isPattern(pattern) {
            let glob = Glob(pattern)
            return under(Self.literalFolder(of: pattern)).filter { glob.matches($0) }
        }
        if pattern.hasSuffix("/") { pattern.removeLast() }
        if set.contains(pattern) { return [pattern] }
        return under(pattern + "/")
    }

    /// Whether any changed path matches `claimed`.
    public func contains(_ claimed: String) -> Bool { !matches(claimed).isEmpty }

    /// The paths starting with `prefix` (all of them for ""), in the commit's order.
    private func under(_ prefix: String) -> [String] {
        if prefix.isEmpty { return paths }
        let key = Array(prefix.utf8)
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if paths[sorted[mid]].utf8.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        var hits: [Int] = []
        while low < sorted.count, paths[sorted[low]].utf8.starts(with: key) {
            hits.append(sorted[low])
            low += 1
        }
        return hits.sorted().map { paths[$0] }
    }

    /// The whole segments of a glob before its first wildcard, with a trailing `/`: every path
    /// it can match starts with them (`src/*/x.swift` → `src/`).
    static func literalFolder(of pattern: String) -> String {
        var folder = ""
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: true).dropLast() {
            if Glob.isPattern(String(segment)) || segment == "**" { break }
            folder += segment + "/"
        }
        return folder
    }
}
