/// Known names indexed once for many "did you mean" questions, so that asking for each of N
/// missing names among N known ones costs N log N, not N². Small sets are searched whole, exactly
/// as `NameSuggestion.closest` does. In a large set a misspelling is looked for among the
/// neighbours of the name in two orders, by the name and by the name reversed: a typo leaves either
/// the start or the end of a name intact, and names that share a start or an end sort together.
public struct NameIndex: Sendable {
    /// Sets up to this size are searched whole.
    static let exhaustiveLimit = 64
    /// Neighbours examined on each side in each order.
    static let window = 12

    let names: [String]
    let folded: [[Character]]
    /// Folded name → its first name in sorted order (equal but for case, `_`, `-`, spaces).
    let byFolded: [String: String]
    /// `folded` reversed, for the second order (large sets only).
    let reversedFolded: [[Character]]
    let forward: [Int]
    let backward: [Int]
    let nameSet: Set<String>

    public init(_ known: some Collection<String>) {
        names = known.sorted()
        nameSet = Set(names)
        folded = names.map(NameSuggestion.fold)
        var byFolded: [String: String] = [:]
        for (name, key) in zip(names, folded) where byFolded[String(key)] == nil { byFolded[String(key)] = name }
        self.byFolded = byFolded
        // A small set is searched whole: it needs no orders.
        let folded = names.count > Self.exhaustiveLimit ? self.folded : []
        let reversedFolded = folded.map { Array($0.reversed()) }
        self.reversedFolded = reversedFolded
        forward = folded.indices.sorted { folded[$0].lexicographicallyPrecedes(folded[$1]) }
        backward = reversedFolded.indices.sorted { reversedFolded[$0].lexicographicallyPrecedes(reversedFolded[$1]) }
    }

    /// The best match for `name`, with `NameSuggestion.closest`'s rules.
    public func closest(to name: String, maxDistance: Int? = nil) -> String? {
        guard !nameSet.contains(name) else { return nil }
        let key = NameSuggestion.fold(name)
        if let same = byFolded[String(key)] { return same }
        let limit = min(max(1, name.count / 3), maxDistance ?? Int.max)
        let candidates: [Int]
        if names.count <= Self.exhaustiveLimit {
            candidates = Array(names.indices)
        } else {
            candidates = Array(Set(neighbours(of: key, in: forward, reversed: false) + neighbours(of: key, in: backward, reversed: true))).sorted()
        }
        var best: (Int, Int)?
        for i in candidates {
            let d = NameSuggestion.distance(key, folded[i], limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (i, d) }
        }
        return best.map { names[$0.0] }
    }

    /// The indexes around where `key` would sort in `order`.
    private func neighbours(of key: [Character], in order: [Int], reversed: Bool) -> [Int] {
        let probe = reversed ? Array(key.reversed()) : key
        var low = 0
        var high = order.count
        while low < high {
            let mid = (low + high) / 2
            let value = reversed ? reversedFolded[order[mid]] : folded[order[mid]]
            if value.lexicographicallyPrecedes(probe) { low = mid + 1 } else { high = mid }
        }
        return Array(order[max(0, low - Self.window)..<min(order.count, low + Self.window)])
    }
}
