/// A Markdown file after loading: typed front matter and the body text, not yet rendered.
public struct SourceDocument: Sendable {
    /// Articles appear in lists; pages (under `content/pages/`) stand alone.
    public enum Kind: String, Sendable {
        case article
        case page
    }

    public var file: SourceFileRef
    public var kind: Kind
    public var frontMatter: FrontMatter
    public var body: String
    /// File line where the body starts, to place body diagnostics.
    public var bodyFirstLine: Int
}
