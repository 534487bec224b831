import Foundation

/// A file found under `content/` or `site/static/`.
public struct SourceFileRef: Sendable, Hashable {
    /// Path relative to the site's source folder, e.g. `content/images/a.jpg`.
    public var sourcePath: String
    /// Path relative to the walked root, e.g. `images/a.jpg`; also the output path for assets.
    public var relativePath: String

    /// The folder of `relativePath` (`articles/2019` for `articles/2019/a.md`, empty at the
    /// top), cut at its last slash: splitting and joining the path for every article cost a
    /// tenth of the model stage at 10,000 articles.
    var folder: String {
        relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[..<$0]) } ?? ""
    }
}

/// Sorts out the files below a source folder (`FileTree.Rules.source`): what is read, what
/// is copied, what is not published.
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

    /// `prefix` is the walked folder relative to the source root, e.g. `content`. With `walked`
    /// (what a walk of `root` by `FileTree.Rules.source` met, in its order), the folder is not
    /// walked again.
    public static func walk(root: URL, prefix: String, rules: Rules, walked: [FileTree.Entry]? = nil) -> Listing {
        var listing = Listing()
        // Only names: a file's details are not needed to sort it out (a stat per file was a
        // third of walking content/).
        var names = FileTree.Rules.source
        names.readsDetails = false
        let visit = { (entry: FileTree.Entry) in
            switch entry {
            case .file(let relative, _):
                let ref = SourceFileRef(sourcePath: prefix + "/" + relative, relativePath: relative)
                switch rules {
                case .anyFile: listing.assets.append(ref)
                case .content(let extraTypes):
                    switch PublishableFiles.kind(of: fileName(relative), extraTypes: extraTypes) {
                    case .markdown: listing.markdown.append(ref)
                    case .asset: listing.assets.append(ref)
                    case .unlisted: listing.unlisted.append(ref)
                    }
                }
            case .leftover: listing.leftovers += 1
            case .linkToFolder(let relative):
                listing.diagnostics.append(.warning(prefix + "/" + relative, nil, Message(.symlinkFolder)))
            case .brokenLink(let relative):
                listing.diagnostics.append(.warning(prefix + "/" + relative, nil, Message(.brokenSymlink)))
            case .unreadableFolder(let relative, let reason):
                listing.diagnostics.append(
                    .error(prefix + "/" + relative, nil, Message(.folderUnreadable, "\(reason)")))
            case .unreadableEntry(let relative, let reason):
                listing.diagnostics.append(.error(prefix + "/" + relative, nil, Message(.entryUnreadable, "\(reason)")))
            }
        }
        if let walked { walked.forEach(visit) } else { FileTree.walk(root.path, rules: names, visit) }
        listing.markdown.sort { $0.sourcePath < $1.sourcePath }
        listing.assets.sort { $0.sourcePath < $1.sourcePath }
        return listing
    }

    private static func fileName(_ relativePath: String) -> String {
        relativePath.lastIndex(of: "/").map { String(relativePath[relativePath.index(after: $0)...]) } ?? relativePath
    }
}
