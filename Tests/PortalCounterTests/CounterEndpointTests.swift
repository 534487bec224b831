import Foundation
import Hummingbird
import Testing

@testable import PortalCounter

/// The endpoint without a server: a store that cannot keep a view makes a 503, never a count.
@Suite struct CounterEndpointTests {
    /// A store whose disk is full.
    struct FullDisk: CounterStore {
        struct Failure: Error {}
        func add(day: String, month: String) async throws -> ViewTotals { throw Failure() }
    }

    func request(_ target: String, headers: HTTPFields = [:]) -> Request {
        Request(
            head: HTTPRequest(
                method: .get, scheme: "http", authority: "127.0.0.1", path: target, headerFields: headers),
            body: .init(buffer: ByteBuffer()))
    }

    @Test func aViewThatCannotBeKeptIsA503AndNotCounted() async {
        let endpoint = CounterEndpoint(
            counter: VisitorCounter(store: FullDisk(), timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
        let response = await endpoint.respond(to: request("/api/counter?path=/"), client: "10.0.0.1")
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
    }

    @Test func theReadersAddressIsTakenFromALocalProxyOnly() {
        let headers: HTTPFields = [.init("X-Real-IP")!: "203.0.113.7"]
        #expect(CounterEndpoint.clientAddress(connection: "127.0.0.1", headers: headers) == "203.0.113.7")
        #expect(CounterEndpoint.clientAddress(connection: "198.51.100.2", headers: headers) == "198.51.100.2")
        let forwarded: HTTPFields = [.init("X-Forwarded-For")!: "203.0.113.9, 10.0.0.1"]
        #expect(CounterEndpoint.clientAddress(connection: "::1", headers: forwarded) == "203.0.113.9")
    }
}
