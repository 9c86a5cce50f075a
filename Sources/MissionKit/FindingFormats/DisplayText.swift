/// Text from docs and handoffs made safe to print: control characters (ESC, BEL, CR, line
/// breaks), line and paragraph separators, and bidirectional overrides ("Trojan source") become
/// visible escapes such as `\u{1B}`, so no input can move the cursor, recolour the terminal or
/// start a new line that a CI log parser reads as a command. A byte of a file name that is not
/// UTF-8 is shown as `\xE9`, and a literal backslash as `\\`, so that what is shown reads back
/// one way. Every format shows text through `escape(_:)`.
public enum DisplayText {
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\t" {
                out += " "
            } else if let escaped = escape(scalar) {
                out += escaped
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The visible form of a scalar that cannot be shown as itself, or nil when it can.
    public static func escape(_ scalar: Unicode.Scalar) -> String? {
        if scalar == "\\" { return "\\\\" }
        if let byte = FileName.escapedByte(scalar) { return "\\x" + String(byte, radix: 16, uppercase: true) }
        if isUnsafe(scalar) { return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" }
        return nil
    }

    /// Whether `sanitize` changes the scalar.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" || isUnsafe(scalar) || FileName.escapedByte(scalar) != nil
    }

    /// Whether `s` shows as itself: nothing in it needs an escape.
    public static func isPlain(_ s: String) -> Bool {
        !s.unicodeScalars.contains(where: needsEscape)
    }

    /// C0 and C1 controls, DEL, U+2028/2029, the bidirectional embedding, override and isolate
    /// controls, and the noncharacters U+FFFE/U+FFFF (which XML forbids).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
