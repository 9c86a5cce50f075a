import Hummingbird

/// The per-request context: Hummingbird's core storage, with the 1 MB body limit.
public struct TrackingRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies over 1 MB are answered 413.
    public var maxUploadSize: Int { TrackingRequestContext.bodyLimit }
    public static let bodyLimit = 1024 * 1024
}
