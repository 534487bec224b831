import Foundation
import PortalEngine

/// Where the preview's builds stand, as the pages' reload script sees it.
public enum BuildStatus: Sendable, Equatable {
    /// The first build has not finished.
    case starting
    /// The site served is build `version`.
    case built(version: String)
    /// The newest build failed; `version` is the last good site still served ("" if none).
    case failed(version: String, diagnostics: [Diagnostic], language: Language = .vi)

    /// The version of the site being served, "" before any build succeeded.
    public var servedVersion: String {
        switch self {
        case .starting: ""
        case .built(let version), .failed(let version, _, _): version
        }
    }
}

/// One build status as a Server-Sent Events message (`build` or `failure`, data in JSON).
public enum BuildEventMessage {
    struct Report: Encodable {
        struct Problem: Encodable {
            var file: String
            var line: Int?
            var column: Int?
            var severity: String
            /// The severity in the site's language ("lỗi", "cảnh báo").
            var label: String
            var message: String
        }
        var version: String
        var diagnostics: [Problem]?
    }

    public static func encode(_ status: BuildStatus) -> String? {
        let name: String
        let report: Report
        switch status {
        case .starting:
            return nil
        case .built(let version):
            name = "build"
            report = Report(version: version)
        case .failed(let version, let diagnostics, let language):
            name = "failure"
            report = Report(
                version: version,
                diagnostics: diagnostics.sortedForDisplay().map {
                    .init(
                        file: $0.file, line: $0.position?.line, column: $0.position?.column,
                        severity: $0.severity.rawValue,
                        label: Message($0.severity == .error ? .severityError : .severityWarning).text(language),
                        message: $0.text.text(language))
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let json = String(data: data, encoding: .utf8) else {
            return nil
        }
        // JSON has no raw newlines, so the data fits on one `data:` line.
        return "event: \(name)\ndata: \(json)\n\n"
    }
}

/// Hands every build status to the open pages' event streams; a new stream starts with the
/// current status, so a page opened while the build is broken shows the errors at once.
public final class BuildEventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var status: BuildStatus = .starting
    private var streams: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    public var current: BuildStatus { lock.withLock { status } }

    public var subscriberCount: Int { lock.withLock { streams.count } }

    public func publish(_ newStatus: BuildStatus) {
        let message = BuildEventMessage.encode(newStatus)
        lock.withLock {
            status = newStatus
            if let message { for stream in streams.values { stream.yield(message) } }
        }
    }

    /// A comment line to every stream: writing it is how a closed connection is noticed.
    public func ping() {
        lock.withLock { for stream in streams.values { stream.yield(": ping\n\n") } }
    }

    /// The messages for one open page, starting with the retry delay and the current status.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        lock.withLock {
            let id = nextID
            nextID += 1
            streams[id] = continuation
            continuation.yield("retry: 1000\n\n")
            if let message = BuildEventMessage.encode(status) { continuation.yield(message) }
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        }
        return stream
    }

    /// Ends every stream, e.g. when the server stops.
    public func finishAll() {
        let open = lock.withLock {
            defer { streams.removeAll() }
            return Array(streams.values)
        }
        for stream in open { stream.finish() }
    }

    private func remove(_ id: Int) {
        lock.withLock { _ = streams.removeValue(forKey: id) }
    }
}
