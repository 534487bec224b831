import Hummingbird

/// Hummingbird's request context plus the connection, whose client address, with the
/// User-Agent, tells visitors apart for the counter (its script sends no cookies). The address
/// is read only by the counter, not on every request.
public struct ClientRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    private let readClientAddress: @Sendable () -> String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        readClientAddress = { channel.remoteAddress?.ipAddress ?? "" }
    }

    public var clientAddress: String { readClientAddress() }
}
