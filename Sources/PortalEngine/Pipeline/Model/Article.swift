/// An article or standalone page, validated, with its URL; the body is still Markdown.
public struct Article: Sendable {
    public var kind: SourceDocument.Kind
    public var file: SourceFileRef
    public var slug: String
    /// Site path with the base path, e.g. "/khoi-thi-dua-tong-ket/".
    public var url: String
    public var title: String
    /// Pages may have no date; articles always do.
    public var date: Timestamp?
    /// False when `date` was written without a time ("2019-07-09"): pages show the day only.
    public var dateHasTime: Bool
    public var lastmod: Timestamp?
    public var categoryKey: String?
    public var bloc: String?
    public var units: [String]
    public var meeting: String?
    public var tags: [String]
    public var author: String?
    public var source: String?
    public var summary: String?
    /// Lead image URL (site path or absolute URL), resolved against content/.
    public var imageURL: String?
    public var imageCaption: String?
    public var featured: Bool
    public var aliases: [String]
    /// Where `aliases:` was written, for messages about them.
    public var positionOfAliases: SourcePosition?
    public var extra: [String: YAMLValue]
    /// The body's Markdown.
    public var markdown: StoredText
    public var bodyFirstLine: Int
    /// Where `slug:` (or else `title:`) was written: what decides the URL.
    public var positionOfSlugOrTitle: SourcePosition? = nil
    /// The lead image when it is a photo under content/ (content-relative), and where it was named.
    public var imagePhoto: String? = nil
    /// When it leaves lists, feeds and search (`expires:`).
    public var expires: Timestamp? = nil
    /// "Dòng sự kiện" (`topic:`).
    public var topic: String? = nil
    /// `files:`, resolved.
    public var attachments: [Attachment] = []
    public var positionOfImage: SourcePosition? = nil
    /// A document's fields (văn bản); nil for news and pages.
    public var document: LegalDocument? = nil
}

extension Article {
    public var body: String { markdown.string }
}
