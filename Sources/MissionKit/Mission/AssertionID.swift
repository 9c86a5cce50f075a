/// Assertion ids (`VAL-AREA-003`, `VAL-A1-001`) as they occur in free text.
public enum AssertionID {
    /// Every `VAL-…-NNN` token in `text`, in order, without repeats: `VAL-AREA-003 (stub until …)`
    /// gives one id, `VAL-AREA-001, VAL-AREA-002` two, `scaffold-smoke` none.
    public static func tokens(in text: String) -> [String] {
        var ids: [String] = []
        let chars = Array(text.utf8)
        var i = 0
        func isIDByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
        while i + 4 <= chars.count {
            let startsWord = i == 0 || !isIDByte(chars[i - 1])
            guard startsWord, chars[i] == UInt8(ascii: "V"), chars[i + 1] == UInt8(ascii: "A"), chars[i + 2] == UInt8(ascii: "L"),
                chars[i + 3] == UInt8(ascii: "-")
            else {
                i += 1
                continue
            }
            var end = i + 4
            while end < chars.count, isIDByte(chars[end]) { end += 1 }
            var token = chars[i..<end]
            while let last = token.last, last == UInt8(ascii: "-") || last == UInt8(ascii: "_") { token = token.dropLast() }
            // VAL-<area…>-<number>: at least one segment between the prefix and a numeric last one.
            let parts = token.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            if parts.count >= 3, let number = parts.last, !number.isEmpty, number.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                parts.dropFirst().dropLast().allSatisfy({ !$0.isEmpty })
            {
                let id = String(decoding: token, as: UTF8.self)
                if !ids.contains(id) { ids.append(id) }
            }
            i = end
        }
        return ids
    }
}
