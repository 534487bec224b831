import Foundation

/// One build at a time per output folder: an exclusive `flock` on `.public.lock` beside it.
///
/// The kernel drops the lock when the process ends, however it ends (SIGKILL included), so a
/// killed build never leaves a stale lock behind.
public final class BuildLock: @unchecked Sendable {
    private let fd: Int32
    public let path: String

    /// Takes the lock, waiting for another build when it holds it; `waiting` is called once then.
    public init(output: URL, waiting: () -> Void = {}) throws {
        let parent = output.standardizedFileURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        path = parent.appendingPathComponent(".\(output.standardizedFileURL.lastPathComponent).lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw OutputError(
                path: path, code: code, detail: "cannot create the build lock (\(String(cString: strerror(code))))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(fd)
                throw OutputError(
                    path: path, code: code, detail: "cannot take the build lock (\(String(cString: strerror(code))))")
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(fd)
                    throw OutputError(
                        path: path, code: code,
                        detail: "cannot take the build lock (\(String(cString: strerror(code))))")
                }
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
