/// What `report --link-base` accepts: an `http(s)://` URL or a relative path. Any other scheme
/// (`javascript:`, `data:`, `file:`) would make every file link in the page run or load it.
public enum ReportLinkBase {
    /// Why `base` is refused, or nil when it is an http(s) URL or a relative path.
    public static func refusal(_ base: String) -> String? {
        // Browsers drop leading spaces and control characters of an href: judge what they see.
        let lower = String(base.lowercased().unicodeScalars.drop { $0.value <= 0x20 })
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return nil }
        // A scheme is letters, digits, `+`, `-` or `.` after a letter, then a colon, before any `/`, `?` or `#`.
        let beforeSeparator = lower.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let colon = beforeSeparator.firstIndex(of: ":") {
            let scheme = beforeSeparator[..<colon]
            if let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
                return "--link-base: `\(scheme):` links are refused; give an http(s):// URL (https://github.com/OWNER/REPO/blob/SHA/) or a relative path"
            }
        }
        if base.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "--link-base: control characters are refused; give an http(s):// URL or a relative path"
        }
        return nil
    }
}
