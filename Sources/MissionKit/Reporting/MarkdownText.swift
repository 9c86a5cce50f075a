/// Repository text made literal in GitHub-flavoured Markdown, so that no status value, message or
/// file name becomes markup (an image, a link, a closed code span, a new table cell) in a job
/// summary or a report that GitHub renders.
public enum MarkdownText {
    /// Text for a table cell or a line: no line breaks, `|` escaped, HTML and Markdown specials
    /// made literal.
    public static func cell(_ s: String) -> String {
        var out = ""
        for c in DisplayText.sanitize(s) {
            switch c {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "[", "]", "`", "\\": out += "\\" + String(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Text inside a code span: backticks cannot be escaped there, so they become `'`; `|` still
    /// breaks a table row, so it is escaped (GitHub removes the backslash inside code in tables).
    public static func code(_ s: String) -> String {
        var out = ""
        for c in DisplayText.sanitize(s) {
            switch c {
            case "`": out += "'"
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
