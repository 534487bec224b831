import Foundation
import Hummingbird
import Logging
import PortalCounter
import PortalEngine
import ServiceLifecycle

/// The preview: an HTTP server on loopback over a site that rebuilds itself as files change.
public final class PreviewServer: @unchecked Sendable {
    public let options: PreviewOptions
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopRequested = false

    public init(_ options: PreviewOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Serves until `stop()`, cancellation or, with `handleSignals`, SIGINT or SIGTERM. `onReady`
    /// gets the address once the port is bound (the first build may still be running).
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        let options = self.options
        let session = PreviewSession(options: options, log: log)
        let (config, _) = SiteConfigLoader.load(from: options.sourceRoot)
        let counter = CounterEndpoint(
            counter: VisitorCounter(
                store: MemoryCounterStore(), timeZone: config?.timeZone ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
        try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
        let responder = PreviewResponder(
            files: StaticFileResolver(root: options.output), session: session, counter: counter)
        let watcher = WatchService(session: session)
        var logger = Logger(label: "preview-site")
        logger.logLevel = .warning
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let base = options.baseURL(port: port)
                watcher.start(baseURL: base)
                if let url = URL(string: base) { onReady(url) }
            },
            logger: logger
        )
        // The watcher is listed after the server, so it is shut down first: its event streams
        // must end before the server's graceful shutdown waits for open responses.
        let group = ServiceGroup(
            configuration: .init(
                services: [app, watcher], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        let stopAtOnce = lock.withLock {
            self.group = group
            return stopRequested
        }
        if stopAtOnce { await group.triggerGracefulShutdown() }
        try await group.run()
    }

    /// True when `error` from `run` means the port is taken by another program.
    public static func isAddressInUse(_ error: any Error) -> Bool {
        let text = "\(error)"
        return text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98")
    }

    /// Shuts down as Ctrl+C does: open event streams end, then the server stops.
    public func stop() async {
        let group = lock.withLock {
            stopRequested = true
            return self.group
        }
        await group?.triggerGracefulShutdown()
    }
}

/// Runs the session's watch loop beside the server, and on shutdown ends the event streams,
/// which would otherwise keep the server's graceful shutdown waiting forever.
final class WatchService: Service, @unchecked Sendable {
    private let session: PreviewSession
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    init(session: PreviewSession) { self.session = session }

    func start(baseURL: String) {
        let session = self.session
        lock.withLock { task = Task { await session.watch(baseURL: baseURL) } }
    }

    func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .milliseconds(100))
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } onCancel: {
            self.stop()
        }
        stop()
    }

    private func stop() {
        lock.withLock { task }?.cancel()
        session.events.finishAll()
        session.waitUntilMemorySaved()  // the next start builds from it
    }
}
