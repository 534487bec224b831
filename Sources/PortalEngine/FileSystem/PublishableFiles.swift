/// Which files under `content/` are articles, which are published as they are, and which are
/// left behind: the backups and lock files editors' tools leave next to what they edit.
public enum PublishableFiles {
    /// What a file that is not a leftover (`isLeftover`, checked first) is to the build.
    public enum Kind: Equatable, Sendable {
        case markdown
        /// Published as it is.
        case asset
        /// A type not on the list: not published, with a warning naming the site.yaml setting.
        case unlisted
    }

    /// Types published without any setting: images, PDF, office documents, archives, audio,
    /// video. `publish_file_types:` in site.yaml adds more.
    public static let defaultTypes: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "ico", "tif", "tiff",
        "pdf",
        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv",
        "zip", "rar", "7z", "gz", "tgz",
        "mp3", "m4a", "wav", "ogg", "oga", "aac", "flac",
        "mp4", "m4v", "webm", "ogv", "mov",
    ]

    /// `extraTypes` are site.yaml's additions, lowercased without a dot.
    public static func kind(of name: String, extraTypes: Set<String> = []) -> Kind {
        let type = fileType(of: name)
        if type == "md" || type == "markdown" { return .markdown }
        return defaultTypes.contains(type) || extraTypes.contains(type) ? .asset : .unlisted
    }

    /// `*~`, `*.bak`, `*.tmp`, `*.swp`, Word's `~$*`, Emacs' `.#*`, LibreOffice's `.~lock.*#`,
    /// `Thumbs.db`, `desktop.ini`, `.DS_Store`; any case.
    public static func isLeftover(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix("~") || lower.hasPrefix("~$") || lower.hasPrefix(".#") || lower.hasPrefix(".~lock.") {
            return true
        }
        if ["thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"].contains(lower) { return true }
        return ["bak", "tmp", "swp", "swo", "temp", "old", "orig"].contains(fileType(of: lower))
    }

    /// The lowercased extension without its dot; "" when the name has none.
    public static func fileType(of name: String) -> String {
        // By bytes: a "." never ends a Character that goes on, and walking Characters cost more.
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
    }
}
