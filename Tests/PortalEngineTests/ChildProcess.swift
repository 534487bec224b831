import Foundation

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid.
///
/// Foundation's `Process` sometimes missed the exit of a child killed right after it started
/// (`waitUntilExit` then waited forever on a zombie), which hung the kill tests.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private var status: Int32?

    /// Starts `executable`; standard error goes to `stderrPath` when given.
    init(_ executable: URL, _ arguments: [String], stderrPath: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
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
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, seconds: Double) {
        let started = Date()
        let status = try ChildProcess(executable, arguments).wait()
        return (status, Date().timeIntervalSince(started))
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// The exit status, or 128 + the signal that ended it.
    @discardableResult func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        return record(raw)
    }

    var isRunning: Bool {
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
