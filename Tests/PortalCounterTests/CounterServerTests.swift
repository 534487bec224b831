import Foundation
import TestSupport
import Testing

@testable import PortalCounter

/// The real `counter-server` binary on a free loopback port: the contract, its headers, CORS,
/// bad requests, and no answered view lost when the server is killed under load.
@Suite(.serialized) struct CounterServerTests {
    static var binary: URL {
        // Tests run from .build/<config>/; the executable is built beside them.
        var url = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("counter-server").path),
            url.path != "/"
        {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("counter-server")
    }

    /// A running server on a database in a temporary folder.
    final class Running {
        let folder: URL
        let database: String
        var process: ChildProcess?
        var port = 0

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("counter-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = folder.appendingPathComponent("counter.sqlite").path
        }

        deinit {
            process?.signal(SIGKILL)
            process?.wait()
            try? FileManager.default.removeItem(at: folder)
        }

        /// Starts the server and waits until it answers; the port comes from its first line.
        func start(_ extra: [String] = []) throws {
            let log = folder.appendingPathComponent("out-\(UUID().uuidString).log")
            process = try ChildProcess(
                CounterServerTests.binary, ["--database", database, "--port", "0"] + extra, stdoutPath: log.path)
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last!)!
                    return
                }
                guard process?.isRunning == true else { break }
                usleep(20_000)
            }
            throw CocoaError(.fileReadUnknown)
        }

        func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async -> RawHTTP.Reply? {
            await RawHTTP.request(port: port, target, method: method, headers: headers)
        }
    }

    func reading(_ reply: RawHTTP.Reply?) throws -> CounterReading {
        try JSONDecoder().decode(CounterReading.self, from: Data(try #require(reply).body))
    }

    @Test func answersTheContractWithItsHeaders() async throws {
        let server = try Running()
        try server.start()
        let browser = ["User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"]
        let first = try #require(await server.get("/api/counter?path=%2F", headers: browser))
        #expect(first.status == 200)
        #expect(first.headers["content-type"] == "application/json; charset=utf-8")
        #expect(first.headers["cache-control"] == "no-store")
        #expect(first.headers["access-control-allow-origin"] == nil)
        #expect(try reading(first) == CounterReading(online: 1, visitors: 1, bots: 0, today: 1, month: 1, total: 1))
        let robot = await server.get("/api/counter?path=%2Ftin%2F", headers: ["User-Agent": "Googlebot/2.1"])
        #expect(try reading(robot) == CounterReading(online: 2, visitors: 1, bots: 1, today: 2, month: 2, total: 2))
    }

    @Test func setTotalStartsFromTheOldPortalsNumber() async throws {
        let server = try Running()
        let (status, _) = try ChildProcess.run(Self.binary, ["--database", server.database, "--set-total", "8390768"])
        #expect(status == 0)
        try server.start()
        #expect(try reading(await server.get("/api/counter?path=%2F")).total == 8_390_769)
    }

    @Test func crossOriginCallsOnlyFromTheAllowedOrigins() async throws {
        let server = try Running()
        try server.start(["--allowed-origin", "https://thidua.example.gov.vn"])
        let allowed = try #require(
            await server.get("/api/counter?path=%2F", headers: ["Origin": "https://thidua.example.gov.vn"]))
        #expect(allowed.status == 200)
        #expect(allowed.headers["access-control-allow-origin"] == "https://thidua.example.gov.vn")
        #expect(allowed.headers["vary"] == "Origin")
        let preflight = try #require(
            await server.get(
                "/api/counter?path=%2F", method: "OPTIONS", headers: ["Origin": "https://thidua.example.gov.vn"]))
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-methods"] == "GET, OPTIONS")
        let other = try #require(
            await server.get("/api/counter?path=%2F", headers: ["Origin": "https://other.example"]))
        #expect(other.status == 403)
        #expect(other.headers["access-control-allow-origin"] == nil)
        // The refused call was not counted.
        #expect(try reading(await server.get("/api/counter?path=%2F")).total == 2)
    }

    @Test func badRequestsGetShortJSONErrors() async throws {
        let server = try Running()
        try server.start()
        for (target, method, status) in [
            ("/api/counter", "GET", 400), ("/api/counter?path=khong-co-dau-gach", "GET", 400),
            ("/api/counter?path=%2F", "POST", 405), ("/api/counter?path=%2F", "DELETE", 405), ("/", "GET", 404),
            ("/api/counter?path=%2F", "HEAD", 405),
            ("/api/other", "GET", 404),
        ] {
            let reply = try #require(await server.get(target, method: method), "\(method) \(target)")
            #expect(reply.status == status, "\(method) \(target)")
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8", "\(method) \(target)")
            if method != "HEAD" { #expect(reply.text.hasPrefix("{\"error\":\""), "\(method) \(target)") }
        }
        #expect(try reading(await server.get("/api/counter?path=%2F")).total == 1)
    }

    @Test func aDamagedDatabaseStopsTheServerWithAMessage() throws {
        let server = try Running()
        try Data(String(repeating: "hỏng\n", count: 500).utf8).write(to: URL(fileURLWithPath: server.database))
        let (status, _, errors) = try ChildProcess.capture(Self.binary, ["--database", server.database])
        #expect(status == 1)
        #expect(errors.contains("counter-server: error: cannot use the database"))
    }

    /// Views are sent from several threads while the server is killed with SIGKILL; every view
    /// it answered is found in the database after a restart.
    @Test func aKilledServerLosesNoAnsweredView() async throws {
        let server = try Running()
        try server.start()
        let answered = AnsweredViews()
        let port = server.port
        for _ in 0..<8 {
            Thread.detachNewThread {
                while !answered.stopped {
                    let reply = RawHTTP.blockingRequest(port: port, "/api/counter?path=%2F", timeoutSeconds: 2)
                    if reply?.status == 200 { answered.add() }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(1500))
        server.process?.signal(SIGKILL)
        server.process?.wait()
        answered.stop()
        try await Task.sleep(for: .milliseconds(300))
        let count = answered.count
        #expect(count > 50)
        let store = try SQLiteCounterStore(path: server.database)
        let stored = try store.read(day: "", month: "").total
        #expect(stored >= count, "answered \(count), stored \(stored)")
    }
}

/// Views the load threads saw answered 200.
final class AnsweredViews: @unchecked Sendable {
    private let lock = NSLock()
    private var answered = 0
    private var stopping = false

    func add() { lock.withLock { answered += 1 } }
    func stop() { lock.withLock { stopping = true } }
    var stopped: Bool { lock.withLock { stopping } }
    var count: Int { lock.withLock { answered } }
}
