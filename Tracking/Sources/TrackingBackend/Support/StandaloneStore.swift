import Logging
import ServiceLifecycle

/// A store used outside a server (`backend user`, the in-process regression server, tests): its
/// services (`TrackingStore.services`) run in a service group of their own from `init` until
/// `close()`. A server runs them in its application's service group instead.
public final class StandaloneStore: Sendable {
    public let store: any TrackingStore
    private let running: (group: ServiceGroup, task: Task<Void, Never>)?

    /// Starts the store's services (queries wait for them; nothing runs for SQLite).
    public init(_ store: any TrackingStore, logger: Logger) {
        self.store = store
        let services = store.services
        guard !services.isEmpty else {
            running = nil
            return
        }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        running = (group, Task { try? await group.run() })
    }

    /// Ends the services, then closes the store.
    public func close() async throws {
        if let running {
            await running.group.triggerGracefulShutdown()
            await running.task.value
        }
        try await store.close()
    }
}
