import Foundation
import Hummingbird

/// `GET /api/counter?path=…`: counts one view and answers the counts as JSON, with
/// `Cache-Control: no-store`, CORS for the allowed origins only, and a short JSON error for
/// anything else. The same code answers in `counter-server` and in the preview.
public struct CounterEndpoint: Sendable {
    public static let path = "/api/counter"

    let counter: VisitorCounter
    /// Origins whose pages may call the endpoint from another host; "*" allows any. A request
    /// without an Origin header (same origin, or not a browser) is always counted.
    let allowedOrigins: Set<String>

    public init(counter: VisitorCounter, allowedOrigins: Set<String> = []) {
        self.counter = counter
        self.allowedOrigins = Set(allowedOrigins.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }

    public func respond(to request: Request, client: String) async -> Response {
        guard request.uri.path == Self.path else { return Self.error(.notFound, "not found") }
        let origin = request.headers[.origin]
        let allowed = origin.map { allowedOrigins.contains("*") || allowedOrigins.contains($0) } ?? true
        if request.method == .options {
            var response = Response(status: .noContent)
            if allowed, let origin { Self.allow(origin, in: &response.headers, preflight: true) }
            return response
        }
        // Only GET counts: a monitor's HEAD must not add views.
        guard request.method == .get else {
            var response = Self.error(.methodNotAllowed, "only GET is answered")
            response.headers[.allow] = "GET, OPTIONS"
            return response
        }
        guard allowed else { return Self.error(.forbidden, "this origin may not use the counter") }
        guard let path = request.uri.queryParameters.get("path"), path.hasPrefix("/"), path.utf8.count <= 2048 else {
            return Self.error(.badRequest, "path must be the page's path, e.g. ?path=/tin-tuc/")
        }
        let address = Self.clientAddress(connection: client, headers: request.headers)
        let reading: CounterReading
        do {
            reading = try await counter.recordView(client: address, userAgent: request.headers[.userAgent] ?? "")
        } catch {
            return Self.error(.serviceUnavailable, "the counter cannot keep views now")
        }
        var response = Self.json(.ok, reading.json)
        if let origin { Self.allow(origin, in: &response.headers, preflight: false) }
        return response
    }

    /// Behind a reverse proxy on the same machine (nginx), the reader's address is the one the
    /// proxy passes on; from anywhere else those headers are not trusted.
    static func clientAddress(connection: String, headers: HTTPFields) -> String {
        guard ["127.0.0.1", "::1", "::ffff:127.0.0.1"].contains(connection) else { return connection }
        func header(_ name: String) -> String? { headers.first { $0.name.canonicalName == name }?.value }
        if let real = header("x-real-ip"), !real.isEmpty { return real }
        if let forwarded = header("x-forwarded-for")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return connection
    }

    static func allow(_ origin: String, in headers: inout HTTPFields, preflight: Bool) {
        headers[.accessControlAllowOrigin] = origin
        headers[.vary] = "Origin"
        if preflight {
            headers[.accessControlAllowMethods] = "GET, OPTIONS"
            headers[.accessControlMaxAge] = "86400"
        }
    }

    static func error(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        json(status, "{\"error\":\"\(reason)\"}")
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
