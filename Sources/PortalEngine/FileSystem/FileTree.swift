import Foundation

/// The one walker of file trees (content, theme, output, the preview's watch), each caller
/// saying its rules: what is skipped, whether links are followed, whether order matters.
public enum FileTree {
    public struct Rules: Sendable {
        /// Names starting with "." are neither listed nor entered.
        public var skipHidden: Bool
        /// Editors' backups, lock files and system files (`PublishableFiles.isLeftover`) are
        /// reported as `.leftover`, never listed nor entered.
        public var skipLeftovers: Bool
        /// A symbolic link to a file is listed with its target's details; one to a folder is
        /// reported and never entered (no loops). Without this, links are left out.
        public var followFileLinks: Bool
        /// Each folder's names in code-point order, so that the walk is the same on every machine.
        public var sorted: Bool
        /// A regular file's details (size, times) are read; without this, a file the folder
        /// listing says is regular is reported with empty details, and not stat'ed.
        public var readsDetails = true

        public init(skipHidden: Bool, skipLeftovers: Bool, followFileLinks: Bool, sorted: Bool) {
            self.skipHidden = skipHidden
            self.skipLeftovers = skipLeftovers
            self.followFileLinks = followFileLinks
            self.sorted = sorted
        }

        /// What an editor's folders are read with: the build, its up-to-date stamp, the preview.
        public static let source = Rules(skipHidden: true, skipLeftovers: true, followFileLinks: true, sorted: true)
        /// Every regular file, as written: the output folder.
        public static let everyFile = Rules(
            skipHidden: false, skipLeftovers: false, followFileLinks: false, sorted: false)
    }

    /// What the walk meets, by path relative to the root ("" for the root itself).
    public enum Entry: Sendable {
        case file(String, stat)
        case leftover(String)
        case linkToFolder(String)
        case brokenLink(String)
        case unreadableFolder(String, reason: String)
        case unreadableEntry(String, reason: String)
    }

    /// Calls `visit` for every entry below `root`, depth first.
    public static func walk(_ root: String, rules: Rules, _ visit: (Entry) -> Void) {
        var stack = [""]
        while let folder = stack.popLast() {
            let folderPath = folder.isEmpty ? root : root + "/" + folder
            guard var names = names(in: folderPath) else {
                visit(.unreadableFolder(folder, reason: String(cString: strerror(errno))))
                continue
            }
            if rules.sorted { names.sort { $0.name < $1.name } }
            for (name, type) in names {
                let relative = folder.isEmpty ? name : folder + "/" + name
                if rules.skipLeftovers, PublishableFiles.isLeftover(name) {
                    visit(.leftover(relative))
                    continue
                }
                if rules.skipHidden, name.hasPrefix(".") { continue }
                if !rules.readsDetails, type == UInt8(DT_REG) {
                    visit(.file(relative, stat()))
                    continue
                }
                let path = folderPath + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    visit(.unreadableEntry(relative, reason: String(cString: strerror(errno))))
                    continue
                }
                if info.st_mode & S_IFMT == S_IFLNK {
                    guard rules.followFileLinks else { continue }
                    guard stat(path, &info) == 0 else {
                        visit(.brokenLink(relative))
                        continue
                    }
                    if info.st_mode & S_IFMT == S_IFDIR {
                        visit(.linkToFolder(relative))
                        continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: stack.append(relative)
                case S_IFREG: visit(.file(relative, info))
                default: break
                }
            }
        }
    }

    /// The names in one folder, without "." and "..": readdir, because Foundation's listing
    /// costs several times more on the preview's polling path.
    /// Each with its type as the folder listing gives it (`DT_UNKNOWN` on some file systems).
    private static func names(in folder: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [(name: String, type: UInt8)] = []
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        // The name is read in place: `entry.pointee` would copy a whole `dirent`, and readdir's
        // records are only as long as their name, so the copy could read past the end of the
        // directory buffer (a crash seen at 10,000 files in one folder).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            let type = (UnsafeRawPointer(entry) + typeOffset).load(as: UInt8.self)
            if name != "." && name != ".." { names.append((name, type)) }
        }
        return names
    }
}
