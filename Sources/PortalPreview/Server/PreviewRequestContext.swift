import Hummingbird

/// The request context of the preview: Hummingbird's basics plus the client's address, which
/// with the User-Agent tells visitors apart for the counter (its script sends no cookies).
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }
}
