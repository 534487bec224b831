/// A Markdown file after loading: typed front matter and the body text, not yet rendered.
public struct SourceDocument: Sendable {
    /// Articles appear in lists; pages (under `content/pages/`) stand alone.
    public enum Kind: String, Sendable {
        case article
        case page
        /// A legal or guiding document (văn bản): under `content/van-ban/` or `type: van-ban`.
        case document

        /// The content folder of documents, and the `type:` that makes any file one.
        public static let documentFolder = "van-ban"
    }

    public var file: SourceFileRef
    public var kind: Kind
    public var frontMatter: FrontMatter
    /// The body's Markdown.
    public var markdown: StoredText
    /// File line where the body starts, to place body diagnostics.
    public var bodyFirstLine: Int
    /// A hash of the front matter's text: everything the model takes from the file but the
    /// body (`PageInputs` compares it between builds).
    public var frontMatterStamp: UInt64 = 0
}

extension SourceDocument {
    public var body: String { markdown.string }
}

extension SourceDocument.Kind {
    /// By the file's first folder under content/, or by `type:`.
    init(path relativePath: String, type: String?) {
        let path = relativePath.lowercased()
        if type.map({ Slug.make(from: $0) }) == Self.documentFolder || path.hasPrefix(Self.documentFolder + "/") {
            self = .document
        } else {
            self = path.hasPrefix("pages/") ? .page : .article
        }
    }
}
