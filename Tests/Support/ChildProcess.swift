import Foundation

/// The tests' one way to start a process: `posix_spawn`, reaped with `waitpid` on its own pid.
///
/// Foundation's `Process` sometimes missed the exit of a child killed right after it started
/// (`waitUntilExit` then waited forever on a zombie), which hung the kill tests.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private var status: Int32?

    /// Starts `executable`; standard output and error go to the given files (appended), or are
    /// inherited.
    public init(_ executable: URL, _ arguments: [String], stdoutPath: String? = nil, stderrPath: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, path) in [(Int32(1), stdoutPath), (2, stderrPath)] {
            if let path {
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            }
        }
        let argv = ([executable.path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer {
            posix_spawn(&pid, executable.path, &actions, nil, UnsafeMutablePointer(mutating: $0.baseAddress!), environ)
        }
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        self.pid = pid
    }

    /// Runs to the end and returns the exit status and the seconds it took.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, seconds: Double) {
        let started = Date()
        let status = try ChildProcess(executable, arguments).wait()
        return (status, Date().timeIntervalSince(started))
    }

    /// Runs to the end and returns the exit status with what it printed. The output goes through
    /// files, not pipes: a child filling a pipe nobody reads yet would never end.
    public static func capture(_ executable: URL, _ arguments: [String]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, err) = (folder.appendingPathComponent("out"), folder.appendingPathComponent("err"))
        let status = try ChildProcess(executable, arguments, stdoutPath: out.path, stderrPath: err.path).wait()
        func text(_ url: URL) -> String { String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return (status, text(out), text(err))
    }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// The exit status, or 128 + the signal that ended it.
    @discardableResult public func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        return record(raw)
    }

    public var isRunning: Bool {
        if status != nil { return false }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
        record(raw)
        return false
    }

    @discardableResult private func record(_ raw: Int32) -> Int32 {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let value = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        status = value
        return value
    }
}
