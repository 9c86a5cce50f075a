import Hummingbird

/// The per-request context: Hummingbird's core storage, with the 1 MB body limit.
public struct TrackingRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// The client's IP address (failed password logins are counted per address).
    public let remoteAddress: String?

    /// The caller, once `AuthenticationMiddleware` has checked the credentials.
    public internal(set) var user: User?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies over 1 MB are answered 413.
    public var maxUploadSize: Int { TrackingRequestContext.bodyLimit }
    public static let bodyLimit = 1024 * 1024
}
