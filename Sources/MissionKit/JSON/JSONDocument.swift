import Foundation

/// A JSON file decoded by Foundation, plus the source position of every value by JSON path.
///
/// Foundation reports neither positions for values nor lines for syntax errors, so a small
/// scanner records where each value starts; messages can then say `features.json:14:20`.
public struct JSONDocument: @unchecked Sendable {
    /// The decoded value (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`).
    public let root: Any
    /// Start position of each value, keyed by path: `$`, `$.features[3].fulfills[0]`.
    public let locations: [String: SourceLocation]
    /// Keys that occur twice in one object (JSON parsers silently keep one of them), with the
    /// path and position of the repeat.
    public let duplicateKeys: [(path: String, location: SourceLocation)]

    public struct SyntaxError: Error, Sendable {
        public var message: String
        public var location: SourceLocation
    }

    public init(bytes: [UInt8]) throws(SyntaxError) {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        do {
            root = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            let offset = JSONDocument.characterOffset(in: description)
            let location = offset.map { JSONDocument.location(ofOffset: $0, in: body) } ?? .start
            throw SyntaxError(message: "invalid JSON: \(description)", location: location)
        }
        var scanner = JSONPositionScanner(bytes: body)
        scanner.scanValue(path: "$")
        locations = scanner.locations
        duplicateKeys = scanner.duplicates
    }

    /// The position of `path`, or of its nearest recorded ancestor.
    public func location(_ path: String) -> SourceLocation {
        var p = path
        while true {
            if let loc = locations[p] { return loc }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return .start }
            p = String(p[..<cut])
        }
    }

    static func characterOffset(in description: String) -> Int? {
        guard let range = description.range(of: "character ") else { return nil }
        return Int(description[range.upperBound...].prefix(while: \.isNumber))
    }

    static func location(ofOffset offset: Int, in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var column = 1
        for b in bytes.prefix(offset) {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}

/// Records the start position of every value of an already validated JSON text.
struct JSONPositionScanner {
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var column = 1
    var locations: [String: SourceLocation] = [:]
    var duplicates: [(path: String, location: SourceLocation)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func advance() {
        if bytes[i] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[i] & 0xC0 != 0x80 {
            column += 1
        }
        i += 1
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { advance() }
    }

    mutating func scanValue(path: String) {
        skipSpace()
        guard i < bytes.count else { return }
        locations[path] = SourceLocation(line: line, column: column)
        switch bytes[i] {
        case UInt8(ascii: "{"):
            advance()
            var keys: Set<String> = []
            while true {
                skipSpace()
                guard i < bytes.count else { return }
                if bytes[i] == UInt8(ascii: "}") {
                    advance()
                    return
                }
                if bytes[i] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                let keyLocation = SourceLocation(line: line, column: column)
                let key = scanString()
                if !keys.insert(key).inserted { duplicates.append((path + "." + key, keyLocation)) }
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ":") { advance() }
                scanValue(path: path + "." + key)
            }
        case UInt8(ascii: "["):
            advance()
            var index = 0
            while true {
                skipSpace()
                guard i < bytes.count else { return }
                if bytes[i] == UInt8(ascii: "]") {
                    advance()
                    return
                }
                if bytes[i] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                scanValue(path: "\(path)[\(index)]")
                index += 1
            }
        case UInt8(ascii: "\""):
            _ = scanString()
        default:
            while i < bytes.count, !",]} \t\r\n".utf8.contains(bytes[i]) { advance() }
        }
    }

    /// Scans a string token and returns its raw content (escapes kept; keys rarely have any).
    mutating func scanString() -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return "" }
        advance()
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") { advance() }
            if i < bytes.count { advance() }
        }
        let raw = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self)
        if i < bytes.count { advance() }
        return raw
    }
}
