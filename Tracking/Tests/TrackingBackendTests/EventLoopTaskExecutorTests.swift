import NIOPosix
import Testing

@testable import TrackingBackend

/// Work handed to the executor runs on its event loop's thread, awaits included.
@Suite struct EventLoopTaskExecutorTests {
    @Test func jobsRunOnTheEventLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let executor = EventLoopTaskExecutor(loop)
        let (before, after) = await withTaskExecutorPreference(executor) {
            let before = loop.inEventLoop
            await Task.yield()
            return (before, loop.inEventLoop)
        }
        #expect(before && after)
        #expect(!loop.inEventLoop)  // back on the caller's executor
        try await group.shutdownGracefully()
    }
}
