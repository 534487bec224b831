import Foundation
import PortalPreview
import TestSupport

/// A preview server on a free loopback port over a copy of the sample site.
final class RunningPreview: @unchecked Sendable {
    let site: URL
    let port: Int
    let output: URL
    private let server: PreviewServer
    private let task: Task<Void, any Error>

    private init(site: URL, port: Int, server: PreviewServer, task: Task<Void, any Error>) {
        self.site = site
        self.port = port
        self.output = server.options.output
        self.server = server
        self.task = task
    }

    /// The test portal (Tests/Fixtures/portal), copied so the tests can edit it.
    static func copySampleSite() throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for folder in ["content", "site"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("Tests/Fixtures/portal").appendingPathComponent(folder),
                to: site.appendingPathComponent(folder))
        }
        return site
    }

    static func start(site: URL, future: Bool = false) async throws -> RunningPreview {
        var options = PreviewOptions(sourceRoot: site, port: 0, pollInterval: .milliseconds(100))
        options.includeFuture = future
        let (addresses, announce) = AsyncStream<URL>.makeStream()
        let server = PreviewServer(options) { _ in }
        let task = Task { try await server.run(handleSignals: false, onReady: { announce.yield($0) }) }
        for await url in addresses {
            if let port = url.port { return RunningPreview(site: site, port: port, server: server, task: task) }
        }
        task.cancel()
        throw CancellationError()
    }

    /// Runs `body` against a fresh server and stops it afterwards, whether `body` threw or not.
    static func with(
        site: URL? = nil, future: Bool = false, _ body: (RunningPreview) async throws -> Void
    ) async throws {
        let preview = try await start(site: try site ?? copySampleSite(), future: future)
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async -> RawHTTP.Reply? {
        await RawHTTP.request(port: port, target, method: method, headers: headers)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = site.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A graceful stop, as Ctrl+C; it must finish even with event streams open.
    func stop() async {
        await server.stop()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: site)
    }
}
