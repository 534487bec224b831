import Foundation

/// A file found under `content/` or `site/static/`.
public struct SourceFileRef: Sendable, Hashable {
    /// Path relative to the site's source folder, e.g. `content/images/a.jpg`.
    public var sourcePath: String
    /// Path relative to the walked root, e.g. `images/a.jpg`; also the output path for assets.
    public var relativePath: String
}

/// Lists files below a folder: hidden names and editors' leftovers skipped, symlinked folders
/// not followed (no loops).
public enum ContentWalker {
    public struct Listing: Sendable {
        public var markdown: [SourceFileRef] = []
        public var assets: [SourceFileRef] = []
        /// Files whose type is not on the publish list (content/ only): not copied.
        public var unlisted: [SourceFileRef] = []
        /// Backups, lock files and system files skipped (`PublishableFiles.isLeftover`).
        public var leftovers = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// How a walked folder's files are sorted out.
    public enum Rules: Sendable {
        /// content/: Markdown is read, listed types are published, others are reported.
        case content(extraTypes: Set<String>)
        /// Theme and static folders: every file but leftovers is a file to use.
        case anyFile
    }

    /// `prefix` is the walked folder relative to the source root, e.g. `content`.
    public static func walk(root: URL, prefix: String, rules: Rules) -> Listing {
        var listing = Listing()
        let fm = FileManager.default
        var stack: [String] = [""]
        while let dir = stack.popLast() {
            let dirPath = dir.isEmpty ? root.path : root.path + "/" + dir
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: dirPath).sorted()
            } catch {
                listing.diagnostics.append(
                    .error(prefix + "/" + dir, nil, Message(.folderUnreadable, "\(error.localizedDescription)")))
                continue
            }
            for name in names {
                if PublishableFiles.isLeftover(name) {
                    listing.leftovers += 1
                    continue
                }
                if name.hasPrefix(".") { continue }
                let rel = dir.isEmpty ? name : dir + "/" + name
                let ref = SourceFileRef(sourcePath: prefix + "/" + rel, relativePath: rel)
                var info = stat()
                guard lstat(dirPath + "/" + name, &info) == 0 else {
                    listing.diagnostics.append(
                        .error(ref.sourcePath, nil, Message(.entryUnreadable, "\(String(cString: strerror(errno)))")))
                    continue
                }
                var mode = info.st_mode & S_IFMT
                if mode == S_IFLNK {
                    var target = stat()
                    guard stat(dirPath + "/" + name, &target) == 0 else {
                        listing.diagnostics.append(.warning(ref.sourcePath, nil, Message(.brokenSymlink)))
                        continue
                    }
                    if target.st_mode & S_IFMT == S_IFDIR {
                        listing.diagnostics.append(
                            .warning(ref.sourcePath, nil, Message(.symlinkFolder)))
                        continue
                    }
                    mode = target.st_mode & S_IFMT
                }
                if mode == S_IFDIR {
                    stack.append(rel)
                } else if mode == S_IFREG {
                    switch rules {
                    case .anyFile: listing.assets.append(ref)
                    case .content(let extraTypes):
                        switch PublishableFiles.kind(of: name, extraTypes: extraTypes) {
                        case .markdown: listing.markdown.append(ref)
                        case .asset: listing.assets.append(ref)
                        case .unlisted: listing.unlisted.append(ref)
                        }
                    }
                }
            }
        }
        listing.markdown.sort { $0.sourcePath < $1.sourcePath }
        listing.assets.sort { $0.sourcePath < $1.sourcePath }
        return listing
    }
}
