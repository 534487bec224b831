import Hummingbird

/// The request context of the preview: Hummingbird's basics plus the connection, whose client
/// address, with the User-Agent, tells visitors apart for the counter (its script sends no
/// cookies). The address is read only by the counter, not on every request.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    private let readClientAddress: @Sendable () -> String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        readClientAddress = { channel.remoteAddress?.ipAddress ?? "" }
    }

    var clientAddress: String { readClientAddress() }
}
