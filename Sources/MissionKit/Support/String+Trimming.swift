import MissionSystem

extension StringProtocol {
    /// Trims characters of `set` (by default blanks and line breaks) from both ends: Foundation's
    /// `trimmingCharacters(in:)` without Foundation. ASCII sets compare bytes, which is much faster.
    public func trimming(_ set: String = " \t\n\r") -> String {
        var s = Substring(self)
        if set.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(set.utf8)
            let view = s.utf8
            var start = view.startIndex
            var end = view.endIndex
            while start < end, bytes.contains(view[start]) { start = view.index(after: start) }
            while end > start, bytes.contains(view[view.index(before: end)]) { end = view.index(before: end) }
            return String(s[start..<end])
        }
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
