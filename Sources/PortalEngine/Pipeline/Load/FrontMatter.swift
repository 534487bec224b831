/// The front matter fields of the content contract, already typed, with where each one was written.
public struct FrontMatter: Sendable {
    public var title: String?
    public var date: Timestamp?
    /// False for a date written without a time of day.
    public var dateHasTime = true
    public var lastmod: Timestamp?
    /// NukeViet's "hết hạn": after it the article leaves lists, feeds and search; its page stays.
    public var expires: Timestamp?
    public var category: String?
    public var bloc: String?
    public var units: [String] = []
    public var meeting: String?
    public var tags: [String] = []
    /// "Dòng sự kiện": the event this article follows.
    public var topic: String?
    public var author: String?
    public var source: String?
    public var summary: String?
    public var image: String?
    public var imageCaption: String?
    public var featured = false
    public var slug: String?
    public var aliases: [String] = []
    /// `files:`: attachments, each a path (or URL) with an optional title.
    public var files: [FileReference] = []
    public var draft = false
    /// Fields the contract does not name, kept for templates.
    public var extra: [String: YAMLValue] = [:]
    /// Where each field's value was written, by field name.
    public var positions: [String: SourcePosition] = [:]

    public init() {}
}

/// One item of `files:`: a file under content/ (or an absolute URL), its title, and where it was
/// written.
public struct FileReference: Sendable, Equatable {
    public var reference: String
    public var title: String?
    public var position: SourcePosition?
}
