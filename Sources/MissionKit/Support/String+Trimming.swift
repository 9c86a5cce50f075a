import MissionSystem

extension StringProtocol {
    /// Trims characters of `set` (by default blanks and line breaks) from both ends: Foundation's
    /// `trimmingCharacters(in:)` without Foundation. ASCII sets compare bytes, which is much faster.
    public func trimming(_ set: String = " \t\n\r") -> String {
        var s = Substring(self)
        // An ASCII set is a bit mask: the set's bytes were copied into an array on every call,
        // and `check` trims every field of every block.
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        var ascii = true
        for b in set.utf8 {
            if b >= 0x80 { ascii = false } else if b < 64 { mask.low |= 1 << b } else { mask.high |= 1 << (b - 64) }
        }
        if ascii {
            func trimmed(_ b: UInt8) -> Bool { b < 64 ? mask.low & (1 << b) != 0 : b < 128 && mask.high & (1 << (b - 64)) != 0 }
            let view = s.utf8
            var start = view.startIndex
            var end = view.endIndex
            while start < end, trimmed(view[start]) { start = view.index(after: start) }
            while end > start, trimmed(view[view.index(before: end)]) { end = view.index(before: end) }
            return String(s[start..<end])
        }
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
