import Foundation

/// A minimal HTTP/1.1 client over a blocking socket: it sends the request target exactly as
/// given (`..` and odd encodings included), which URLSession would normalise away.
public struct RawHTTP {
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Runs blocking socket work on its own thread, never on the concurrency pool the server's
    /// watch loop shares.
    public static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    public static func connect(port: Int, timeoutSeconds: Int = 10) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    public static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    public static func request(
        port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]
    ) async -> Reply? {
        await offPool { blockingRequest(port: port, target, method: method, headers: headers) }
    }

    /// The same on the calling thread, for tests that drive load from threads of their own.
    public static func blockingRequest(
        port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:], timeoutSeconds: Int = 10
    ) -> Reply? {
        guard let fd = connect(port: port, timeoutSeconds: timeoutSeconds) else { return nil }
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        send(fd, head + "\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[..<n]
        }
        return parse(data, method: method)
    }

    public static func parse(_ data: [UInt8], method: String) -> Reply? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<$0 + 4]) == separator })
        else { return nil }
        let headText = String(decoding: data[..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        if method == "HEAD" { body = [] }
        return Reply(status: status, headers: headers, body: body)
    }

    public static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            var j = i
            while j + 1 < data.count, !(data[j] == 13 && data[j + 1] == 10) { j += 1 }
            let sizeText = String(decoding: data[i..<j], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = j + 2
            guard start + size <= data.count else { break }
            out += data[start..<start + size]
            i = start + size + 2
        }
        return out
    }
}

/// An open `text/event-stream` response, read as text as it arrives.
public final class EventStreamReader: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var received = ""
    private var consumed: String.Index

    public init?(port: Int) {
        guard let fd = RawHTTP.connect(port: port, timeoutSeconds: 1) else { return nil }
        self.fd = fd
        consumed = received.startIndex
        RawHTTP.send(
            fd, "GET /__preview/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(fd) }

    /// Reads until a complete message of type `event` arrives after the ones already returned;
    /// returns its `data:` line, or nil after `seconds`.
    public func next(_ event: String, within seconds: Double = 30) async -> String? {
        await RawHTTP.offPool { self.blockingNext(event, seconds: seconds) }
    }

    private func blockingNext(_ event: String, seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 16384)
        while Date() < deadline {
            if let found = lock.withLock({ scan(for: event) }) { return found }
            let n = read(fd, &buffer, buffer.count)
            if n == 0 { return lock.withLock { scan(for: event) } }
            if n > 0 { lock.withLock { received += String(decoding: buffer[..<n], as: UTF8.self) } }
        }
        return nil
    }

    private func scan(for event: String) -> String? {
        let marker = "event: \(event)\ndata: "
        while let range = received.range(of: marker, range: consumed..<received.endIndex) {
            guard let lineEnd = received[range.upperBound...].firstIndex(of: "\n") else { return nil }
            consumed = lineEnd
            return String(received[range.upperBound..<lineEnd])
        }
        return nil
    }

    public var headerText: String { lock.withLock { received } }
}
