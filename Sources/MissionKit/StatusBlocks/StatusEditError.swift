/// Why a status edit was refused. The file is untouched in every case.
public enum StatusEditError: Error, Sendable, CustomStringConvertible {
    /// Several blocks and no `--merge-duplicates`: their header lines.
    case multipleBlocks([Int])
    /// The edited block would break `check`'s rules.
    case invalidResult([Finding])
    case multilineValue(StatusFieldLabel)
    case emptyValue(StatusFieldLabel)
    case controlCharacter(StatusFieldLabel)
    /// A line that reads "Mission status" with look-alike characters: which block is meant is unclear.
    case lookalikeHeader(LookalikeHeader)
    /// The doc is UTF-16 or UTF-32: writing UTF-8 into it would corrupt it.
    case unsupportedEncoding(String)

    public var description: String {
        switch self {
        case .multipleBlocks(let lines):
            "the doc has \(lines.count) Mission status blocks (lines \(lines.map(String.init).joined(separator: ", "))); "
                + "pass --merge-duplicates to keep one (the last block's values, at the first block's place)"
        case .invalidResult(let findings):
            "refused, the block would be invalid:\n"
                + findings.map { "  \($0.file):\($0.line):\($0.column): \($0.message) [\($0.rule)]\n    hint: \($0.hint)" }.joined(separator: "\n")
        case .multilineValue(let label):
            "`\(label.rawValue)` must be a single line (block values cannot contain line breaks)"
        case .emptyValue(let label):
            "`\(label.rawValue)` cannot be empty"
        case .controlCharacter(let label):
            "`\(label.rawValue)` contains a control character (escape, bell, bidirectional override…); write plain text"
        case .lookalikeHeader(let l):
            "line \(l.line) reads \"Mission status\" but is not the header (`\(l.shown)`: look-alike or invisible characters); "
                + "replace it with `> Mission status` or delete that block, then run status set again"
        case .unsupportedEncoding(let name):
            "the doc is \(name); missionctl reads and writes UTF-8 only, and writing would corrupt it: convert it to UTF-8 first"
        }
    }
}
