import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `counter-server`: the counter endpoint alone over HTTP, for a portal to run beside its web
/// server.
public enum CounterServer {
    struct Responder: HTTPResponder {
        typealias Context = ClientRequestContext
        let endpoint: CounterEndpoint

        func respond(to request: Request, context: Context) async throws -> Response {
            await endpoint.respond(to: request, client: context.clientAddress)
        }
    }

    /// Serves until SIGINT or SIGTERM (with `handleSignals`) or cancellation; `onReady` gets
    /// the bound port.
    public static func run(
        endpoint: CounterEndpoint, host: String, port: Int, handleSignals: Bool = true,
        onReady: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "counter-server")
        logger.logLevel = .warning
        let app = Application(
            responder: Responder(endpoint: endpoint),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger))
        try await group.run()
    }
}
