/// Text order with digit runs compared as numbers: `VAL-A-2` before `VAL-A-10` (Foundation's
/// `.numeric` comparison, by Unicode scalar otherwise).
public enum NaturalOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        var i = 0
        var j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let (m, nextI) = digitRun(x, i)
                let (n, nextJ) = digitRun(y, j)
                if m.count != n.count { return m.count < n.count }
                if m != n { return m.lexicographicallyPrecedes(n) }
                (i, j) = (nextI, nextJ)
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1
                j += 1
            }
        }
        if x.count - i != y.count - j { return x.count - i < y.count - j }
        return a < b  // equal as numbers (`2`, `002`): a fixed order all the same
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// The digits from `start` without leading zeros, and where the run ends.
    static func digitRun(_ s: [Unicode.Scalar], _ start: Int) -> ([UInt32], Int) {
        var end = start
        while end < s.count, isDigit(s[end]) { end += 1 }
        var first = start
        while first < end - 1, s[first] == "0" { first += 1 }
        return (s[first..<end].map(\.value), end)
    }
}
