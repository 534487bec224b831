import CAtomicSwap
import Foundation

/// A folder beside the output where a build writes everything; `commit` swaps it in atomically.
///
/// Until `commit`, the previous output is untouched, so a failed or killed build leaves it as it was.
///
/// `inPlace` writes into the output itself instead, each changed file replaced whole by a
/// rename and unchanged files left alone; `commit` then deletes what the build did not write.
/// That saves linking every unchanged file into a new folder (1.2 s at 10,000 articles) and
/// deleting the old one, but a reader can meet a mix of old and new pages during the build:
/// only for a folder no one else publishes (the preview's).
public final class OutputStaging: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    /// `output.path` and `staging.path`, made once: a URL makes its path anew on every call,
    /// which cost a tenth of keeping 15,000 unchanged pages.
    private let outputPath: String
    private let stagingPath: String
    public let inPlace: Bool
    /// In place: every path this build wrote or kept; the rest is deleted at `commit`.
    private var touched: Set<String> = []
    /// In place: what the last build left there, when known (else the folder is walked).
    private let folderMemory: InPlaceFolderMemory?
    private let lastFiles: Set<String>?
    /// In place: whether `commit` walked the folder to find what to delete (for the tests).
    private(set) var walkedFolder = false
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var committed = false
    /// The output as it was before this build, when there is one: unchanged files come from it.
    private let previous: String?
    private var counts = (written: 0, kept: 0)

    /// Files written anew, and files whose bytes had not changed (linked from the previous output).
    public var writeCounts: (written: Int, kept: Int) { lock.withLock { counts } }

    /// A staging folder name beside `output`: `.public.staging-<pid>-<random>`.
    public init(output: URL, inPlace: Bool = false, folderMemory: InPlaceFolderMemory? = nil) throws {
        self.output = output.standardizedFileURL
        outputPath = self.output.path
        self.inPlace = inPlace
        self.folderMemory = inPlace ? folderMemory : nil
        lastFiles = self.folderMemory?.take()
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeAbandonedStagingFolders(beside: self.output)
        if inPlace {
            try FileManager.default.createDirectory(at: self.output, withIntermediateDirectories: true)
            staging = self.output
            stagingPath = outputPath
            previous = nil
            createdFolders.insert("")
            return
        }
        let name = ".\(self.output.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name)
        stagingPath = staging.path
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        createdFolders.insert("")
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: self.output.path, isDirectory: &isFolder)
        previous = exists && isFolder.boolValue ? self.output.path : nil
    }

    /// Writes `bytes` at `relativePath` inside the staging folder. Safe from many threads at once.
    ///
    /// When the previous output has the same bytes at that path, its file is hard-linked instead:
    /// it keeps its modification time, so `rsync` and caches see it unchanged.
    public func write(_ bytes: some Collection<UInt8>, to relativePath: String) throws {
        try ensureFolder(of: relativePath)
        if inPlace { return try replaceInPlace(relativePath, bytes: bytes) }
        let path = stagingPath + "/" + relativePath
        if let previous, keepIfUnchanged(previous + "/" + relativePath, as: path, bytes: bytes) {
            lock.withLock { counts.kept += 1 }
            return
        }
        lock.withLock { counts.written += 1 }
        // A path already linked from the previous output must not be written through: that would
        // change the published site in place. Unlink first; the new file gets its own inode.
        _ = unlink(path)
        try writeFile(bytes, to: path, relativePath)
    }

    /// Creates `path` with `bytes`.
    private func writeFile(_ bytes: some Collection<UInt8>, to path: String, _ relativePath: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: relativePath, code: errno) }
        defer { close(fd) }
        let result: Int? = bytes.withContiguousStorageIfAvailable { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return Int(errno)
                }
                offset += n
            }
            return 0
        }
        if let code = result, code != 0 { throw OutputError(path: relativePath, code: Int32(code)) }
        if result == nil { try writeFile(Array(bytes), to: path, relativePath) }
    }

    /// In place: keeps the output's file when `same` says it already holds what belongs there;
    /// otherwise `make` creates the new file beside it, which then replaces it in one rename.
    private func replaceInPlace(
        _ relativePath: String, same: ((String) -> Bool)? = nil, make: (String) throws -> Void
    ) throws {
        let path = outputPath + "/" + relativePath
        lock.withLock { _ = touched.insert(relativePath) }
        if let same, same(path) {
            lock.withLock { counts.kept += 1 }
            return
        }
        lock.withLock { counts.written += 1 }
        let partial = path + ".partial-\(getpid())"
        _ = unlink(partial)
        do { try make(partial) } catch {
            _ = unlink(partial)
            throw error
        }
        if rename(partial, path) == 0 { return }
        var code = errno
        // A folder the last build left where this one writes a file goes (the folder is the
        // build's own).
        if code == EISDIR || code == ENOTEMPTY || code == EEXIST {
            try? FileManager.default.removeItem(atPath: path)
            if rename(partial, path) == 0 { return }
            code = errno
        }
        _ = unlink(partial)
        throw OutputError(path: relativePath, code: code)
    }

    private func replaceInPlace(_ relativePath: String, bytes: some Collection<UInt8>) throws {
        try replaceInPlace(relativePath, same: { Self.holds($0, bytes) }) {
            try self.writeFile(bytes, to: $0, relativePath)
        }
    }

    public func write(_ text: String, to relativePath: String) throws {
        var text = text
        try text.withUTF8 { try write($0, to: relativePath) }
    }

    /// Links the previous output's file at `relativePath` into the staging folder, unread.
    /// For pages the caller knows are unchanged; false when there is no such file to link.
    public func keepPrevious(_ relativePath: String, size: Int) -> Bool {
        if inPlace {
            guard Self.regularFileSize(outputPath + "/" + relativePath) == size else { return false }
            lock.withLock {
                touched.insert(relativePath)
                counts.kept += 1
            }
            return true
        }
        guard let previous, Self.regularFileSize(previous + "/" + relativePath) == size else { return false }
        do { try ensureFolder(of: relativePath) } catch { return false }
        guard link(previous + "/" + relativePath, stagingPath + "/" + relativePath) == 0 else { return false }
        lock.withLock { counts.kept += 1 }
        return true
    }

    /// Copies a file into the staging folder (linking the previous output's copy when identical).
    public func copy(from source: URL, to relativePath: String) throws {
        try ensureFolder(of: relativePath)
        if inPlace {
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw OutputError(path: relativePath, code: EIO, detail: "cannot read \(source.path)")
            }
            return try replaceInPlace(relativePath, bytes: data)
        }
        if let previous, let data = FileManager.default.contents(atPath: source.path),
            keepIfUnchanged(previous + "/" + relativePath, as: stagingPath + "/" + relativePath, bytes: data)
        {
            lock.withLock { counts.kept += 1 }
            return
        }
        lock.withLock { counts.written += 1 }
        let destination = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            throw OutputError(path: relativePath, code: EIO, detail: error.localizedDescription)
        }
    }

    /// Hard-links a file that is never written again (a cached photo variant) into the staging
    /// folder; copies it when the cache is on another disk. Counted as kept when the previous
    /// output had this very file there.
    public func linkCached(from source: URL, to relativePath: String) throws {
        try ensureFolder(of: relativePath)
        if inPlace {
            return try replaceInPlace(relativePath, same: { Self.sameFile($0, source.path) }) { partial in
                if Glibc.link(source.path, partial) == 0 { return }
                do { try FileManager.default.copyItem(atPath: source.path, toPath: partial) } catch {
                    throw OutputError(path: relativePath, code: EIO, detail: error.localizedDescription)
                }
            }
        }
        let target = stagingPath + "/" + relativePath
        let same = previous.map { Self.sameFile($0 + "/" + relativePath, source.path) } ?? false
        lock.withLock { if same { counts.kept += 1 } else { counts.written += 1 } }
        _ = unlink(target)
        if Glibc.link(source.path, target) == 0 { return }
        do { try FileManager.default.copyItem(atPath: source.path, toPath: target) } catch {
            throw OutputError(path: relativePath, code: EIO, detail: error.localizedDescription)
        }
    }

    /// Puts the staged site in place of the output in one step; the old site is then deleted,
    /// by a detached `rm -rf` when `removeOldInBackground` (the site is in place either way).
    public func commit(removeOldInBackground: Bool = false) throws {
        if inPlace { return removeUntouched() }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw OutputError(path: output.path, code: ENOTDIR, detail: "the output path is a file, not a folder")
            }
            if portal_exchange_paths(staging.path, output.path) != 0 {
                // Kernels or file systems without RENAME_EXCHANGE: two renames, a moment without output.
                let old = output.deletingLastPathComponent().appendingPathComponent(
                    staging.lastPathComponent + "-old")
                guard rename(output.path, old.path) == 0 else { throw OutputError(path: output.path, code: errno) }
                guard rename(staging.path, output.path) == 0 else {
                    let code = errno
                    _ = rename(old.path, output.path)
                    throw OutputError(path: output.path, code: code)
                }
                committed = true
                try? fm.removeItem(at: old)
                return
            }
            committed = true
            // `staging` now holds the previous site.
            if !removeOldInBackground || !Self.removeDetached(staging) { try? fm.removeItem(at: staging) }
        } else {
            guard rename(staging.path, output.path) == 0 else { throw OutputError(path: output.path, code: errno) }
            committed = true
        }
    }

    /// Starts `rm -rf` on `folder` without waiting for it; false when it could not be started.
    private static func removeDetached(_ folder: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", folder.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }

    /// In place: deletes the files this build did not write or keep (of those the last build
    /// left, or of the whole folder when that is not known), then the folders that leaves empty.
    private func removeUntouched() {
        var emptied: Set<String> = []
        func remove(_ relative: String) {
            guard !touched.contains(relative) else { return }
            _ = unlink(outputPath + "/" + relative)
            if let slash = relative.lastIndex(of: "/") { emptied.insert(String(relative[..<slash])) }
        }
        if let lastFiles {
            lastFiles.forEach(remove)
        } else {
            walkedFolder = true
            FileTree.walk(output.path, rules: .everyFile) { entry in
                if case .file(let relative, _) = entry { remove(relative) }
            }
        }
        // Deepest first; rmdir leaves a folder that still holds something.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            var path = Substring(folder)
            while !path.isEmpty, rmdir(outputPath + "/" + path) == 0 {
                path = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            }
        }
        committed = true
        folderMemory?.remember(touched)
    }

    /// Deletes the staging folder after a failed build (in place: nothing to undo).
    public func discard() {
        guard !committed, !inPlace else { return }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Hard-links `old` to `new` when `old` holds exactly `bytes`.
    private func keepIfUnchanged(_ old: String, as new: String, bytes: some Collection<UInt8>) -> Bool {
        Self.holds(old, bytes) && link(old, new) == 0
    }

    /// The size of the regular file at `path`; nil when there is none.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// True when `a` and `b` are one file (one inode on one device).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat()
        var y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_ino == y.st_ino && x.st_dev == y.st_dev
    }

    /// True when the regular file at `path` holds exactly `bytes`.
    private static func holds(_ path: String, _ bytes: some Collection<UInt8>) -> Bool {
        guard regularFileSize(path) == bytes.count else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let total = bytes.count
        var existing = [UInt8](repeating: 0, count: total)
        var offset = 0
        while offset < total {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, total - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return existing.elementsEqual(bytes)
    }

    private func ensureFolder(of relativePath: String) throws {
        guard let slash = relativePath.lastIndex(of: "/") else { return }
        let folder = String(relativePath[..<slash])
        if lock.withLock({ createdFolders.contains(folder) }) { return }
        var partial = ""
        for part in folder.split(separator: "/") {
            partial += partial.isEmpty ? String(part) : "/" + part
            if lock.withLock({ createdFolders.contains(partial) }) { continue }
            let folder = stagingPath + "/" + partial
            if mkdir(folder, 0o755) != 0 {
                guard errno == EEXIST else { throw OutputError(path: partial, code: errno) }
                // In place, a file the last build left where this one needs a folder goes.
                var info = stat()
                if inPlace, stat(folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                    _ = unlink(folder)
                    if mkdir(folder, 0o755) != 0 { throw OutputError(path: partial, code: errno) }
                }
            }
            _ = lock.withLock { createdFolders.insert(partial) }
        }
    }

    /// Staging folders of builds that were killed: their process is gone.
    static func removeAbandonedStagingFolders(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            if let pid = Int32(pidText), pid == getpid() { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// A file system failure while writing the output, with the path it concerns.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var detail: String?

    public init(path: String, code: Int32, detail: String? = nil) {
        self.path = path
        self.code = code
        self.detail = detail
    }

    public var description: String {
        "cannot write \(path): \(detail ?? String(cString: strerror(code)))"
    }
}
