import Foundation

/// JSON `null` as Foundation decodes it.
typealias NSNullLike = NSNull

/// JSON numbers and booleans as Foundation decodes them.
typealias NSNumberLike = NSNumber
