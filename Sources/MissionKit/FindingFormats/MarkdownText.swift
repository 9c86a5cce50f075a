/// Repository text made literal in GitHub-flavoured Markdown, so that no status value, message or
/// file name becomes markup (an image, a link, a closed code span, a new table cell) in a job
/// summary or a report that GitHub renders.
public enum MarkdownText {
    /// Text for a table cell or a line: no line breaks, `|` escaped, HTML and Markdown specials
    /// made literal.
    public static func cell(_ s: String) -> String {
        replacing(s) { c in
            switch c {
            case "|": "\\|"
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "*", "_", "[", "]", "`", "\\": "\\" + String(c)
            default: nil
            }
        }
    }

    /// Text inside a code span: backticks cannot be escaped there, so they become `'`; `|` still
    /// breaks a table row, so it is escaped (GitHub removes the backslash inside code in tables).
    public static func code(_ s: String) -> String {
        replacing(s) { c in
            switch c {
            case "`": "'"
            case "|": "\\|"
            default: nil
            }
        }
    }

    /// `s` made printable (`DisplayText`) and on one line, each character `replacement` names
    /// replaced.
    static func replacing(_ s: String, _ replacement: (Character) -> String?) -> String {
        var out = ""
        for c in DisplayText.sanitize(s) {
            if c == "\n" || c == "\r" {
                out += " "
            } else if let r = replacement(c) {
                out += r
            } else {
                out.append(c)
            }
        }
        return out
    }
}
