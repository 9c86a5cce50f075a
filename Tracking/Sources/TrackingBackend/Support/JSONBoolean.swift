import Foundation

extension NSNumber {
    /// Whether `JSONSerialization` produced this number from `true`/`false` (it uses NSNumber for
    /// both, and `1 as? Bool` would succeed too, so the type must be asked).
    var isJSONBoolean: Bool {
        #if canImport(Darwin)
        return CFGetTypeID(self) == CFBooleanGetTypeID()
        #else
        return self === NSNumber(value: true) || self === NSNumber(value: false) || String(cString: objCType) == "c"
        #endif
    }
}
