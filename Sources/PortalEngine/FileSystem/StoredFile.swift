import Foundation

/// A file open for reading while the texts read from it live (`StoredText`): the document store
/// a build is writing. Reads are `pread`s, so threads share it; the store is never changed in
/// place (appended to, or replaced by a rename), so what was written at an offset stays there.
final class StoredFile: Sendable {
    private let fd: Int32

    /// Nil when the file cannot be opened.
    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    /// Whether `other` is open on the same file: a path can be renamed over between two opens.
    func isSameFile(as other: Int32) -> Bool {
        var mine = stat()
        var theirs = stat()
        return fstat(fd, &mine) == 0 && fstat(other, &theirs) == 0 && mine.st_dev == theirs.st_dev
            && mine.st_ino == theirs.st_ino
    }

    /// Calls `body` with the `count` bytes at `offset`; fewer if the file cannot give them (a
    /// failing disk), which a text's hash then tells.
    func withBytes<Result>(at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 1)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        return body(UnsafeRawBufferPointer(rebasing: buffer[..<done]))
    }
}
