/// Text from docs and handoffs made safe to print: control characters (ESC, BEL, CR, line
/// breaks), line and paragraph separators, and bidirectional overrides ("Trojan source") become
/// visible escapes such as `\u{1B}`, so no input can move the cursor, recolour the terminal or
/// start a new line that a CI log parser reads as a command.
public enum DisplayText {
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\t" {
                out += " "
            } else if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, U+2028/2029, the bidirectional embedding, override and isolate
    /// controls, and the noncharacters U+FFFE/U+FFFF (which XML forbids).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
