import CAtomicSwap
import Foundation

/// A folder beside the output where a build writes everything; `commit` swaps it in atomically.
///
/// Until `commit`, the previous output is untouched, so a failed or killed build leaves it as it was.
///
/// That folder is the output's spare when there is one (`keepSpare`): the site as it was before
/// the last build, which the last swap put beside the output instead of deleting it. Most of
/// its files are still the output's own (hard links), so bringing it up to date touches only
/// the files of the last two builds' changes, where a new folder needs a link for every file
/// (0.75–1.2 s at 10,000 articles on ext4). It is swapped in whole as a new folder would be,
/// and the output it replaces becomes the next spare.
///
/// `inPlace` writes into the output itself instead, each changed file replaced whole by a
/// rename and unchanged files left alone; `commit` then deletes what the build did not write.
/// A reader can meet a mix of old and new pages during the build: only for a folder no one
/// else publishes (the preview's).
public final class OutputStaging: @unchecked Sendable {
    /// Where the build's files go before `commit`.
    public enum Mode: Sendable, Equatable {
        /// A new folder, unchanged files hard-linked from the output.
        case newFolder
        /// The output's spare, brought up to date file by file.
        case spare
        /// The output itself.
        case inPlace
    }

    public let output: URL
    public let staging: URL
    public let mode: Mode
    /// `output.path` and `staging.path`, made once: a URL makes its path anew on every call,
    /// which cost a tenth of keeping 15,000 unchanged pages.
    private let outputPath: String
    private let stagingPath: String
    /// Whether the replaced output stays as the next build's spare (else it is deleted).
    private let keepSpare: Bool
    /// Every path this build wrote or kept, with its size: what the output holds after `commit`.
    private var written: [String: Int] = [:]
    /// In place: what the last build left there, when known (else the folder is walked).
    private let folderMemory: InPlaceFolderMemory?
    private let lastFiles: Set<String>?
    /// Whether `commit` walked the folder to find what to delete (for the tests).
    private(set) var walkedFolder = false
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    private var committed = false
    /// The output as it was before this build, when there is one: unchanged files come from it.
    private let previous: String?
    private var counts = (written: 0, kept: 0)

    /// Files written anew, and files whose bytes had not changed (linked from the previous output).
    public var writeCounts: (written: Int, kept: Int) { lock.withLock { counts } }

    /// What the output holds once committed: every file by path, with its size.
    public var files: [String: Int] { lock.withLock { written } }

    /// The output's spare: `.public.spare` beside `public`.
    public static func spare(of output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare")
    }

    /// A staging folder beside `output`: its spare when `keepSpare` and it has one, else a new
    /// `.public.staging-<pid>-<random>`. Without `keepSpare`, a spare there is deleted.
    public init(
        output: URL, inPlace: Bool = false, keepSpare: Bool = false, folderMemory: InPlaceFolderMemory? = nil
    ) throws {
        self.output = output.standardizedFileURL
        outputPath = self.output.path
        self.keepSpare = keepSpare && !inPlace
        self.folderMemory = inPlace ? folderMemory : nil
        lastFiles = self.folderMemory?.take()
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeAbandonedStagingFolders(beside: self.output)
        createdFolders.insert("")
        if inPlace {
            try FileManager.default.createDirectory(at: self.output, withIntermediateDirectories: true)
            (mode, staging, stagingPath, previous) = (.inPlace, self.output, outputPath, nil)
            return
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: outputPath, isDirectory: &isFolder)
        let previous = exists && isFolder.boolValue ? outputPath : nil
        let spare = Self.spare(of: self.output)
        if self.keepSpare, Self.isFolder(spare.path) {
            (mode, staging, stagingPath, self.previous) = (.spare, spare, spare.path, previous)
            return
        }
        Self.remove(spare.path)
        let name = ".\(self.output.lastPathComponent).staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appendingPathComponent(name)
        stagingPath = staging.path
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        (mode, self.previous) = (.newFolder, previous)
    }

    /// True when `path` is a folder itself, not a link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Deletes whatever is at `path`, if anything.
    private static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` at `relativePath` inside the staging folder. Safe from many threads at once.
    ///
    /// When the previous output has the same bytes at that path, its file is hard-linked instead:
    /// it keeps its modification time, so `rsync` and caches see it unchanged.
    public func write(_ bytes: some Collection<UInt8>, to relativePath: String) throws {
        try ensureFolder(of: relativePath)
        switch mode {
        case .inPlace:
            try replace(relativePath, size: bytes.count, same: { Self.holds($0, bytes) }) {
                try self.writeFile(bytes, to: $0, relativePath)
            }
        case .spare:
            let old = previous.map { $0 + "/" + relativePath }
            if let old, Self.holds(old, bytes) {
                return try replace(
                    relativePath, size: bytes.count, keptWhenMade: true, same: { Self.sameFile($0, old) }
                ) {
                    try self.link(old, $0, relativePath)
                }
            }
            try replace(relativePath, size: bytes.count, same: nil) { try self.writeFile(bytes, to: $0, relativePath) }
        case .newFolder:
            let path = stagingPath + "/" + relativePath
            if let previous, keepIfUnchanged(previous + "/" + relativePath, as: path, bytes: bytes) {
                return record(relativePath, size: bytes.count, kept: true)
            }
            record(relativePath, size: bytes.count, kept: false)
            // A path already linked from the previous output must not be written through: that would
            // change the published site in place. Unlink first; the new file gets its own inode.
            // Without a previous output nothing was linked (a full build: one call less per file).
            if previous != nil { _ = unlink(path) }
            try writeFile(bytes, to: path, relativePath)
        }
    }

    /// Counts a file and remembers it as part of the output.
    private func record(_ relativePath: String, size: Int, kept: Bool) {
        lock.withLock {
            written[relativePath] = size
            if kept { counts.kept += 1 } else { counts.written += 1 }
        }
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

    /// Hard-links `existing` as `path`.
    private func link(_ existing: String, _ path: String, _ relativePath: String) throws {
        guard Glibc.link(existing, path) == 0 else { throw OutputError(path: relativePath, code: errno) }
    }

    /// In place or in the spare: keeps the folder's file when `same` says it already holds what
    /// belongs there; otherwise `make` creates the new file beside it, which then replaces it in
    /// one rename. The file is never written through: in the spare it may be the output's too.
    /// `keptWhenMade`: what `make` puts there is the previous output's file, unchanged.
    private func replace(
        _ relativePath: String, size: Int, keptWhenMade: Bool = false, same: ((String) -> Bool)?,
        make: (String) throws -> Void
    ) throws {
        let path = stagingPath + "/" + relativePath
        if let same, same(path) { return record(relativePath, size: size, kept: true) }
        record(relativePath, size: size, kept: keptWhenMade)
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

    public func write(_ text: String, to relativePath: String) throws {
        var text = text
        try text.withUTF8 { try write($0, to: relativePath) }
    }

    /// Links the previous output's file at `relativePath` into the staging folder, unread.
    /// For pages the caller knows are unchanged; false when there is no such file to link.
    public func keepPrevious(_ relativePath: String, size: Int) -> Bool {
        if mode == .inPlace {
            guard Self.regularFileSize(outputPath + "/" + relativePath) == size else { return false }
            record(relativePath, size: size, kept: true)
            return true
        }
        guard let previous else { return false }
        let old = previous + "/" + relativePath
        var info = stat()
        guard stat(old, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return false }
        do {
            if mode == .spare {
                // Most often the spare has this very file already: one more stat, no folder made.
                var spare = stat()
                if stat(stagingPath + "/" + relativePath, &spare) == 0, spare.st_ino == info.st_ino,
                    spare.st_dev == info.st_dev
                {
                    record(relativePath, size: size, kept: true)
                    return true
                }
                try ensureFolder(of: relativePath)
                try replace(relativePath, size: size, keptWhenMade: true, same: nil) {
                    try self.link(old, $0, relativePath)
                }
                return true
            }
            try ensureFolder(of: relativePath)
            try link(old, stagingPath + "/" + relativePath, relativePath)
        } catch { return false }
        record(relativePath, size: size, kept: true)
        return true
    }

    /// Copies a file into the staging folder (linking the previous output's copy when identical).
    public func copy(from source: URL, to relativePath: String) throws {
        if mode != .newFolder {
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw OutputError(path: relativePath, code: EIO, detail: "cannot read \(source.path)")
            }
            return try write(data, to: relativePath)
        }
        try ensureFolder(of: relativePath)
        if let previous, let data = FileManager.default.contents(atPath: source.path),
            keepIfUnchanged(previous + "/" + relativePath, as: stagingPath + "/" + relativePath, bytes: data)
        {
            return record(relativePath, size: data.count, kept: true)
        }
        let destination = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            throw OutputError(path: relativePath, code: EIO, detail: error.localizedDescription)
        }
        record(relativePath, size: Self.regularFileSize(destination.path) ?? 0, kept: false)
    }

    /// Hard-links a file that is never written again (a cached photo variant) into the staging
    /// folder; copies it when the cache is on another disk. Counted as kept when the previous
    /// output had this very file there.
    public func linkCached(from source: URL, to relativePath: String) throws {
        try ensureFolder(of: relativePath)
        let size = Self.regularFileSize(source.path) ?? 0
        let same = previous.map { Self.sameFile($0 + "/" + relativePath, source.path) } ?? false
        let linkOrCopy = { (target: String) throws in
            if Glibc.link(source.path, target) == 0 { return }
            do { try FileManager.default.copyItem(atPath: source.path, toPath: target) } catch {
                throw OutputError(path: relativePath, code: EIO, detail: error.localizedDescription)
            }
        }
        if mode != .newFolder {
            return try replace(
                relativePath, size: size, keptWhenMade: same, same: { Self.sameFile($0, source.path) }, make: linkOrCopy
            )
        }
        let target = stagingPath + "/" + relativePath
        record(relativePath, size: size, kept: same)
        _ = unlink(target)
        try linkOrCopy(target)
    }

    /// Puts the staged site in place of the output in one step. The old site then becomes the
    /// spare, or is deleted: by a detached `rm -rf` when `removeOldInBackground` (the site is in
    /// place either way). `spareFiles`: what the spare held before this build, when known (else
    /// it is walked for the files this build did not make).
    public func commit(removeOldInBackground: Bool = false, spareFiles: [String: Int]? = nil) throws {
        if mode == .inPlace { return removeUntouched(lastFiles) }
        if mode == .spare { removeUntouched(spareFiles.map { Set($0.keys) }) }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isFolder) else {
            guard rename(staging.path, output.path) == 0 else { throw OutputError(path: output.path, code: errno) }
            committed = true
            return
        }
        guard isFolder.boolValue else {
            throw OutputError(path: output.path, code: ENOTDIR, detail: "the output path is a file, not a folder")
        }
        // What holds the previous site once this one is in place.
        var old = staging
        if portal_exchange_paths(staging.path, output.path) != 0 {
            // Kernels or file systems without RENAME_EXCHANGE: two renames, a moment without output.
            old = output.deletingLastPathComponent().appendingPathComponent(
                ".\(output.lastPathComponent).staging-\(getpid())-old")
            guard rename(output.path, old.path) == 0 else { throw OutputError(path: output.path, code: errno) }
            guard rename(staging.path, output.path) == 0 else {
                let code = errno
                _ = rename(old.path, output.path)
                throw OutputError(path: output.path, code: code)
            }
        }
        committed = true
        let spare = Self.spare(of: output)
        if keepSpare, old == spare || rename(old.path, spare.path) == 0 { return }
        if !removeOldInBackground || !Self.removeDetached(old) { try? fm.removeItem(at: old) }
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

    /// In place or in the spare: deletes the files this build did not write or keep (of those
    /// the folder held, or of the whole folder when that is not known), then the folders that
    /// leaves empty.
    private func removeUntouched(_ known: Set<String>?) {
        let touched = lock.withLock { written }
        var emptied: Set<String> = []
        func remove(_ relative: String) {
            guard touched[relative] == nil else { return }
            _ = unlink(stagingPath + "/" + relative)
            if let slash = relative.lastIndex(of: "/") { emptied.insert(String(relative[..<slash])) }
        }
        if let known {
            known.forEach(remove)
        } else {
            walkedFolder = true
            FileTree.walk(stagingPath, rules: .everyFile) { entry in
                if case .file(let relative, _) = entry { remove(relative) }
            }
        }
        // Deepest first; rmdir leaves a folder that still holds something.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            var path = Substring(folder)
            while !path.isEmpty, rmdir(stagingPath + "/" + path) == 0 {
                path = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            }
        }
        guard mode == .inPlace else { return }
        committed = true
        folderMemory?.remember(Set(touched.keys))
    }

    /// After a failed build: deletes a new staging folder. The spare stays, as it is: the next
    /// build brings every file it keeps up to date, and walks it for the rest (in place:
    /// nothing to undo).
    public func discard() {
        guard !committed, mode == .newFolder else { return }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Hard-links `old` to `new` when `old` holds exactly `bytes`.
    private func keepIfUnchanged(_ old: String, as new: String, bytes: some Collection<UInt8>) -> Bool {
        Self.holds(old, bytes) && Glibc.link(old, new) == 0
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
                // In place or in the spare, a file an earlier build left where this one needs a
                // folder goes.
                var info = stat()
                if mode != .newFolder, stat(folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
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
