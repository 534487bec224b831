import Foundation
import Hummingbird
import PortalCounter
import PortalEngine

/// Answers every request of the preview: the site's files, the build events, the reload script
/// and the counter endpoint.
struct PreviewResponder: HTTPResponder {
    typealias Context = ClientRequestContext

    let files: StaticFileResolver
    let session: PreviewSession
    /// The counter contract, answered by the same code as `counter-server`, counting in memory.
    let counter: CounterEndpoint

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        switch path {
        case LiveReloadScript.path:
            return Self.bytes(.ok, Array(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8")
        case LiveReloadScript.eventsPath:
            return eventStream()
        case CounterEndpoint.path:
            return await counter.respond(to: request, client: context.clientAddress)
        default:
            await session.firstBuild.wait()
            return serveFile(path, head: request.method == .head)
        }
    }

    private func serveFile(_ path: String, head: Bool) -> Response {
        switch files.resolve(path) {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(head: head) }
            return fileResponse(.ok, Array(data), type: ContentTypes.forPath(file), head: head)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "Moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .forbidden:
            return Self.text(.forbidden, "Forbidden: this path leaves the site folder.\n")
        case .notFound:
            return notFound(head: head)
        }
    }

    /// The site's own 404 page with status 404; a plain one when the site has none (or no build
    /// has succeeded yet, when the reload script still shows the errors).
    private func notFound(head: Bool) -> Response {
        if case .file(let page) = files.resolve("/404.html"), let data = FileManager.default.contents(atPath: page) {
            return fileResponse(.notFound, Array(data), type: "text/html; charset=utf-8", head: head)
        }
        let page =
            "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>404</title><body><h1>404</h1></body></html>"
        return fileResponse(.notFound, Array(page.utf8), type: "text/html; charset=utf-8", head: head)
    }

    private func fileResponse(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String, head: Bool) -> Response {
        let body =
            ContentTypes.isHTML(type)
            ? LiveReloadScript.inject(into: bytes, version: session.events.current.servedVersion) : bytes
        var response = Self.bytes(status, head ? [] : body, type: type)
        if head { response.headers[.contentLength] = String(body.count) }
        return response
    }

    /// Server-Sent Events: the current build status at once, then one message per build, and a
    /// ping every 15 s so a page that went away is noticed and dropped.
    private func eventStream() -> Response {
        let stream = session.events.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            })
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var response = bytes(status, Array(text.utf8), type: "text/plain; charset=utf-8")
        response.headers.append(contentsOf: extra)
        return response
    }

    /// Every preview response says `no-cache`: a reload after an edit must fetch the new files.
    static func bytes(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
