/// A repo-relative path pattern: `*` and `?` within one path segment, `**` across segments,
/// and `[abc]` character classes.
///
/// Matching is the two-pointer wildcard algorithm (resume after the last star), at both levels:
/// O(pattern × path) in the worst case, never exponential (`docs/*a*a*a*a*a*a*b` against a long
/// name used to take minutes).
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let segments: [Segment]

    enum Token: Sendable, Hashable {
        case star
        case any
        case literal(Unicode.Scalar)
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)

        func matches(_ c: Unicode.Scalar) -> Bool {
            switch self {
            case .star, .any: return true
            case .literal(let l): return l == c
            case .set(let ranges, let negated): return ranges.contains { $0.contains(c.value) } != negated
            }
        }
    }

    enum Segment: Sendable, Hashable {
        case globstar
        case tokens([Token])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part == "**" ? .globstar : .tokens(Glob.compile(Array(part.unicodeScalars)))
        }
    }

    /// Whether a string uses glob syntax at all.
    public static func isPattern(_ s: String) -> Bool {
        // Bytes, not Foundation's substring search: this runs once per closed-set entry.
        s.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
        return Glob.wildcard(
            count: segments.count, subjectCount: parts.count,
            isStar: { segments[$0] == .globstar },
            matchOne: { p, s in
                if case .tokens(let tokens) = segments[p] { return Glob.matchSegment(tokens, parts[s]) }
                return true
            })
    }

    static func matchSegment(_ tokens: [Token], _ s: [Unicode.Scalar]) -> Bool {
        wildcard(count: tokens.count, subjectCount: s.count, isStar: { tokens[$0] == .star }, matchOne: { tokens[$0].matches(s[$1]) })
    }

    /// Greedy matching with one resume point: a star that matched too little is widened by one
    /// element at a time. Correct for stars that match any sequence; each pair (p, s) is tried
    /// a bounded number of times.
    static func wildcard(count m: Int, subjectCount n: Int, isStar: (Int) -> Bool, matchOne: (Int, Int) -> Bool) -> Bool {
        var p = 0
        var s = 0
        var starP = -1
        var starS = 0
        while s < n {
            if p < m, isStar(p) {
                starP = p
                starS = s
                p += 1
            } else if p < m, matchOne(p, s) {
                p += 1
                s += 1
            } else if starP >= 0 {
                starS += 1
                s = starS
                p = starP + 1
            } else {
                return false
            }
        }
        while p < m, isStar(p) { p += 1 }
        return p == m
    }

    /// `*`, `?`, `[a-z]`/`[!x]`/`[^x]` and literals; a `[` without a closing `]` is a literal.
    static func compile(_ p: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < p.count {
            let c = p[i]
            switch c {
            case "*":
                if tokens.last != .star { tokens.append(.star) }  // `**` inside a segment is one star
                i += 1
            case "?":
                tokens.append(.any)
                i += 1
            case "[":
                guard let close = p[(i + 1)...].firstIndex(of: "]") else {
                    tokens.append(.literal(c))
                    i += 1
                    continue
                }
                var set = Array(p[(i + 1)..<close])
                let negated = set.first == "!" || set.first == "^"
                if negated { set.removeFirst() }
                var ranges: [ClosedRange<UInt32>] = []
                var j = 0
                while j < set.count {
                    if j + 2 < set.count, set[j + 1] == "-" {
                        let (lo, hi) = (set[j].value, set[j + 2].value)
                        if lo <= hi { ranges.append(lo...hi) }
                        j += 3
                    } else {
                        ranges.append(set[j].value...set[j].value)
                        j += 1
                    }
                }
                tokens.append(.set(ranges: ranges, negated: negated))
                i = close + 1
            default:
                tokens.append(.literal(c))
                i += 1
            }
        }
        return tokens
    }
}
