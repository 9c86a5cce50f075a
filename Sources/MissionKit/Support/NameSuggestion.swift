/// "Did you mean …": the known name closest to a misspelt one.
public enum NameSuggestion {
    /// The best match for `name` among `known`: equal but for case, `_`, `-` and spaces first, then
    /// the nearest by edit distance (at most a third of the name's length, and at least 1). Nil
    /// when nothing is close or `name` is itself known.
    /// `maxDistance` caps the edit distance further (ids such as `VAL-DOC-001` share most of
    /// their characters, so a third of the name is too loose for them).
    public static func closest(to name: String, in known: some Collection<String>, maxDistance: Int? = nil) -> String? {
        NameIndex(known).closest(to: name, maxDistance: maxDistance)
    }

    /// ` (did you mean `x`?)`, or empty.
    public static func phrase(for name: String, in known: some Collection<String>, maxDistance: Int? = nil) -> String {
        closest(to: name, in: known, maxDistance: maxDistance).map { " (did you mean `\($0)`?)" } ?? ""
    }

    static func fold(_ s: String) -> [Character] {
        Array(s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
