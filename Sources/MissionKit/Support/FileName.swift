/// File names are bytes; Swift strings are Unicode. A name that is not UTF-8 (`caf\xE9.md`, written
/// on a Latin-1 system) is carried in a `String` losslessly: each byte that is not part of valid
/// UTF-8 becomes the scalar U+10FF00 + byte, and `cString` turns it back into that byte, so the file
/// is opened by its real name. Valid names pass unchanged, except that a name holding those
/// scalars itself has their bytes escaped the same way, so decoding stays one-to-one.
///
/// Only bytes 0x80–0xFF are ever escaped: an escaped name can never spell `/` or `.`.
public enum FileName {
    static let escapeBase: UInt32 = 0x10FF00
    static let escaped: ClosedRange<UInt32> = 0x10FF80...0x10FFFF

    /// The name `bytes` (no NUL) as a string; invalid UTF-8 bytes are escaped.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // The lead byte of U+10FF80…U+10FFFF is 0xF4; a name without it and valid is kept as is.
        if !bytes.contains(0xF4), let valid = String(validating: bytes, as: UTF8.self) { return valid }
        let raw = Array(bytes)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < raw.count {
            let lead = raw[i]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            // One scalar at a time, validated by the standard library (no overlong forms, no surrogates).
            if length > 0, i + length <= raw.count, let one = String(validating: raw[i..<(i + length)], as: UTF8.self),
                let scalar = one.unicodeScalars.first
            {
                if escaped.contains(scalar.value) {
                    for byte in raw[i..<(i + length)] { out.append(Unicode.Scalar(escapeBase + UInt32(byte))!) }
                } else {
                    out.append(scalar)
                }
                i += length
            } else {
                out.append(Unicode.Scalar(escapeBase + UInt32(lead))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The bytes of `path` for a system call, NUL-terminated: escaped scalars become their byte.
    public static func cString(_ path: String) -> [CChar] {
        guard path.utf8.contains(0xF4) else { return Array(path.utf8CString) }
        var bytes: [CChar] = []
        bytes.reserveCapacity(path.utf8.count + 1)
        for scalar in path.unicodeScalars {
            if escaped.contains(scalar.value) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value - escapeBase)))
            } else {
                for unit in UTF8.encode(scalar)! { bytes.append(CChar(bitPattern: unit)) }
            }
        }
        bytes.append(0)
        return bytes
    }

    /// The raw byte a scalar stands for, when it is an escaped byte of a non-UTF-8 name.
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        escaped.contains(scalar.value) ? UInt8(scalar.value - escapeBase) : nil
    }

    /// `path` as the path of a URI (a SARIF location, a report link): its own bytes, with every
    /// byte but ASCII letters, digits and `/-._~` percent-encoded (`caf%E9.md` for a Latin-1 name).
    public static func uriPath(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for c in cString(path).dropLast() {
            let byte = UInt8(bitPattern: c)
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
