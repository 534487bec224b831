/// Where each kind of page lives; the one place URL shapes are decided.
public struct SiteURLs: Sendable {
    /// "/" or "/portal/".
    public let basePath: String
    public let segments: URLSegments

    /// First URL segments the generator itself uses; an article slug may not take them.
    public var reservedSegments: Set<String> {
        [
            segments.category, segments.page, segments.bloc, segments.units, segments.tags, segments.topic,
            segments.search, segments.documents,
            "404.html", Self.searchIndexFolder,
        ]
    }

    public init(basePath: String, segments: URLSegments = URLSegments()) {
        self.basePath = basePath
        self.segments = segments
    }

    public var home: String { basePath }
    public func article(slug: String) -> String { basePath + slug + "/" }
    public func category(key: String) -> String { basePath + segments.category + "/" + key + "/" }
    public var search: String { basePath + segments.search + "/" }
    /// The index page of a taxonomy; its terms are below it.
    public func taxonomy(_ kind: TaxonomyKind) -> String { basePath + segments.segment(for: kind) + "/" }
    /// A bloc, unit or tag: below its taxonomy's index.
    public func term(_ kind: TaxonomyKind, slug: String) -> String { taxonomy(kind) + slug + "/" }
    /// The list of documents (văn bản), and one document below it.
    public var documents: String { basePath + segments.documents + "/" }
    public func document(slug: String) -> String { documents + slug + "/" }
    /// What the documents list's filters read: every document's fields.
    public var documentsData: String { documents + "du-lieu.json" }
    /// `/2019/` and `/2019/07/`: the date archive.
    public func archive(year: Int) -> String { basePath + String(year) + "/" }
    public func archive(year: Int, month: Int) -> String {
        archive(year: year) + (month < 10 ? "0" : "") + String(month) + "/"
    }
    public func asset(_ relativePath: String) -> String { basePath + relativePath }
    /// The site's RSS feed.
    public var feed: String { basePath + "index.xml" }
    /// The feed of a list (a category), beside its first page.
    public func feed(ofList listURL: String) -> String { listURL + "index.xml" }
    public var notFound: String { basePath + "404.html" }
    public var sitemap: String { basePath + "sitemap.xml" }
    public var robots: String { basePath + "robots.txt" }
    /// The search index's files, fetched by the search page's script.
    public var searchIndex: String { basePath + Self.searchIndexFolder + "/" }
    /// The search index's folder in the output.
    public static let searchIndexFolder = "search"

    /// Page `number` (1-based) of a paginated list whose first page is `listURL`.
    public func paginated(_ listURL: String, page number: Int) -> String {
        number <= 1 ? listURL : listURL + segments.page + "/\(number)/"
    }

    /// Output file for a site path: "/x/" → "x/index.html", "/" → "index.html".
    public func outputPath(forURL url: String) -> String {
        var path = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : String(url.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}

/// The first URL segments of the generator's own pages, set in site.yaml's `urls:`; Vietnamese
/// by default, as readers of a Vietnamese portal read its addresses.
public struct URLSegments: Sendable, Equatable {
    public var category = "chuyen-muc"
    public var bloc = "khoi-thi-dua"
    public var units = "don-vi"
    public var tags = "tu-khoa"
    public var topic = "dong-su-kien"
    public var search = "tim-kiem"
    public var documents = "van-ban"
    public var page = "trang"

    public init() {}

    /// site.yaml's names for them under `urls:`.
    public static let keys = ["category", "bloc", "units", "tags", "topic", "search", "documents", "page"]

    public func segment(for kind: TaxonomyKind) -> String {
        switch kind {
        case .bloc: return bloc
        case .units: return units
        case .tags: return tags
        case .topic: return topic
        }
    }

    subscript(key: String) -> String {
        get {
            switch key {
            case "category": return category
            case "bloc": return bloc
            case "units": return units
            case "tags": return tags
            case "topic": return topic
            case "search": return search
            case "documents": return documents
            default: return page
            }
        }
        set {
            switch key {
            case "category": category = newValue
            case "bloc": bloc = newValue
            case "units": units = newValue
            case "tags": tags = newValue
            case "topic": topic = newValue
            case "search": search = newValue
            case "documents": documents = newValue
            default: page = newValue
            }
        }
    }
}
