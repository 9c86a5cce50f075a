extension Double {
    /// The value with `digits` decimals, rounded half away from zero (`2.25.fixed(1)` is
    /// "2.3"): `String(format: "%.1f")` without Foundation's formatting stack.
    public func fixed(_ digits: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(self) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return String(self) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let sign = self < 0 && units > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(units % UInt64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
