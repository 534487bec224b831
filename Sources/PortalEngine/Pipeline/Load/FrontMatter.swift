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
    /// `type: van-ban` makes an article a document wherever its file is.
    public var type: String?
    /// A document's own fields (văn bản); empty for news.
    public var document = DocumentFrontMatter()
    /// Fields the contract does not name, kept for templates.
    public var extra: [String: YAMLValue] = [:]
    /// Where each field's value was written, by field name.
    public var positions = FieldPositions()

    public init() {}
}

/// One item of `files:`: a file under content/ (or an absolute URL), its title, and where it was
/// written.
public struct FileReference: Sendable, Equatable {
    public var reference: String
    public var title: String?
    public var position: SourcePosition?
}

/// The fields of a legal or guiding document (văn bản), as NukeViet's `laws` module names them.
public struct DocumentFrontMatter: Sendable {
    /// `so_ky_hieu`: "15/QĐ-UBND".
    public var number: String?
    /// `loai`: "Quyết định", "Kế hoạch"…
    public var type: String?
    /// `co_quan`: the issuing body.
    public var issuer: String?
    /// `nguoi_ky`.
    public var signer: String?
    /// `ngay_ban_hanh`, `ngay_hieu_luc`, `ngay_het_hieu_luc`.
    public var issued: Timestamp?
    public var effective: Timestamp?
    public var ends: Timestamp?
    /// `linh_vuc`: one or more fields.
    public var fields: [String] = []
    /// `trich_yeu`: what the document is about.
    public var abstract: String?
    /// `thay_the`, `lien_quan`: other documents by số ký hiệu, with where each was written.
    public var replaces: [(number: String, position: SourcePosition?)] = []
    public var related: [(number: String, position: SourcePosition?)] = []

    /// The front matter keys of documents.
    public static let keys: Set = [
        "so_ky_hieu", "loai", "co_quan", "nguoi_ky", "ngay_ban_hanh", "ngay_hieu_luc", "ngay_het_hieu_luc",
        "linh_vuc", "trich_yeu", "thay_the", "lien_quan",
    ]
}
