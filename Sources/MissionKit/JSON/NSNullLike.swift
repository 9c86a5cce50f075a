import Foundation

/// JSON `null` as Foundation decodes it.
typealias NSNullLike = NSNull
