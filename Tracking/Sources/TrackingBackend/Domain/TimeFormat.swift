import Foundation

/// RFC 3339 times in UTC, whole seconds, as Toggl writes them (`2026-01-02T10:00:00+00:00`).
public enum TimeFormat {
    public static func format(_ unix: Int64) -> String {
        var t = time_t(unix)
        var tm = tm()
        gmtime_r(&t, &tm)
        // Digits by hand: String(format:) went through NSString and cost 5% of a `current` request.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        func digits(_ value: Int32, _ width: Int) {
            var v = Int(value), divisor = 1
            for _ in 1..<width { divisor *= 10 }
            if v < 0 || v >= divisor * 10 { bytes.append(contentsOf: String(v).utf8); return }  // years outside 0...9999
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        digits(tm.tm_year + 1900, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(tm.tm_mon + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(tm.tm_mday, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(tm.tm_hour, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(tm.tm_min, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(tm.tm_sec, 2)
        bytes.append(contentsOf: "+00:00".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses RFC 3339 (`Z` or a numeric offset, optional fraction, which is dropped) or a date
    /// (`2026-01-02`, midnight UTC). Returns nil for anything else.
    /// The years a time may be written with: 1970 to 2199. Outside them clients' date parsing
    /// breaks (year 1, year 10000), so such times are refused; the OpenAPI spec's pattern says the same.
    public static let years = 1970...2199
    /// A computed stop (start + duration) must stay before 2200-01-01T00:00:00Z.
    public static let latest: Int64 = 7_258_118_400

    /// `text` parsed already: its year (the first four digits) must be in `years`.
    static func checkRange(_ text: String, _ key: String) throws {
        guard let year = Int(text.prefix(4)), years.contains(year) else {
            throw TrackingError.bad("\(key) must be a time in the years 1970 to 2199")
        }
    }

    public static func parse(_ text: String) -> Int64? {
        let s = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for b in s[from..<(from + count)] {
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let year = num(0, 4), s.count >= 10, s[4] == 45, let month = num(5, 2), s[7] == 45, let day = num(8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if s.count > 10 {
            guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == 32, let h = num(11, 2), s.count > 13,
                s[13] == 58, let m = num(14, 2), s.count > 16, s[16] == 58, let sec = num(17, 2), h < 24, m < 60, sec < 61
            else { return nil }
            hour = h
            minute = m
            second = min(sec, 59)
            var i = 19
            if i < s.count, s[i] == UInt8(ascii: ".") {
                i += 1
                while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 }
            }
            guard i < s.count else { return nil }  // a time needs a zone
            if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
                guard i + 1 == s.count else { return nil }
            } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                guard let oh = num(i + 1, 2), i + 3 < s.count, s[i + 3] == 58, let om = num(i + 4, 2), i + 6 == s.count else {
                    return nil
                }
                offset = (oh * 3600 + om * 60) * (s[i] == UInt8(ascii: "+") ? 1 : -1)
            } else {
                return nil
            }
        }
        var tm = tm()
        tm.tm_year = Int32(year - 1900)
        tm.tm_mon = Int32(month - 1)
        tm.tm_mday = Int32(day)
        tm.tm_hour = Int32(hour)
        tm.tm_min = Int32(minute)
        tm.tm_sec = Int32(second)
        let utc = timegm(&tm)
        guard tm.tm_mday == Int32(day) else { return nil }  // 2026-02-31 normalises to March: reject
        return Int64(utc) - Int64(offset)
    }
}
