import Foundation

/// JSON `null` as Foundation decodes it.
typealias NSNullLike = NSNull

/// JSON numbers and booleans as Foundation decodes them.
typealias NSNumberLike = NSNumber

extension NSNumber {
    /// Whether JSONSerialization produced this number from `true`/`false`.
    var isBoolean: Bool {
        #if canImport(Darwin)
        return CFGetTypeID(self) == CFBooleanGetTypeID()
        #else
        return self === NSNumber(value: true) || self === NSNumber(value: false) || String(cString: objCType) == "c"
        #endif
    }
}
