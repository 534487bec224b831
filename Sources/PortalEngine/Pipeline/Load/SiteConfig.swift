import Foundation

/// The portal's settings from `site/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    /// Always ends with "/".
    public var baseURL: String
    public var language: String
    public var timeZone: TimeZone
    public var perPage: Int
    public var relatedCount: Int
    public var categories: [CategoryConfig]
    /// Empty: the visitor counter shows placeholders.
    public var counterEndpoint: String
    /// Keep raw HTML and every link scheme in Markdown bodies (off by default).
    public var unsafeHTML: Bool
    /// File types published from content/ beyond `PublishableFiles.defaultTypes` (lowercased,
    /// no dot), from `publish_file_types:`.
    public var publishFileTypes: Set<String> = []
    /// The first URL segments of category, bloc, unit, tag, search and pagination pages.
    public var urlSegments = URLSegments()
    /// Which web server settings files go into the output (`deploy_files:`).
    public var deployFiles = DeployFiles()
    /// How photos are published (`images:`).
    public var photos = PhotoSettings()
    /// The documents list's title and the types it accepts (`documents:`).
    public var documents = DocumentSettings()
    /// Links relative to each page, so the output works opened from disk (`relative_urls:`).
    public var relativeURLs = false
    /// Keys the contract does not name, kept for templates.
    public var extra: [String: YAMLValue]
    /// A hash of the text the settings were read from (`PageInputs` compares it between builds).
    public var textStamp: UInt64 = 0

    public init(
        title: String, baseURL: String, language: String = "vi",
        timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!,
        perPage: Int = 20, relatedCount: Int = 5, categories: [CategoryConfig] = [],
        counterEndpoint: String = "", unsafeHTML: Bool = false, extra: [String: YAMLValue] = [:]
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.timeZone = timeZone
        self.perPage = perPage
        self.relatedCount = relatedCount
        self.categories = categories
        self.counterEndpoint = counterEndpoint
        self.unsafeHTML = unsafeHTML
        self.extra = extra
    }

    /// The path part of `baseURL` ("/" or "/portal/"): every internal link starts with it.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}

/// One category of the menu tree, as written in site.yaml.
public struct CategoryConfig: Sendable {
    public var key: String
    public var title: String
    public var children: [CategoryConfig]
    public var position: SourcePosition?

    public init(key: String, title: String, children: [CategoryConfig] = [], position: SourcePosition? = nil) {
        self.key = key
        self.title = title
        self.children = children
        self.position = position
    }
}

/// The web server settings written with the site; each can be turned off in site.yaml.
public struct DeployFiles: Sendable, Equatable {
    /// `.htaccess` for Apache.
    public var htaccess = true
    /// `web.config` for IIS, which many government hosts run.
    public var webConfig = true

    public init() {}
}

/// `documents:` in site.yaml: what the documents (văn bản) list is called and which `loai` it
/// accepts.
public struct DocumentSettings: Sendable, Equatable {
    /// The list's title, in the menu and on the home page.
    public var title = "Văn bản"
    /// When not empty, a document's `loai` must be one of these (compared without tones or case).
    public var types: [String] = []

    public init() {}
}
