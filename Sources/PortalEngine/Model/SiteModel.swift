/// The model stage's output: everything the renderer needs, already checked and sorted.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var urls: SiteURLs
    /// Newest first (date, then title, then file path for a stable order).
    public var articles: [Article]
    /// Standalone pages from `content/pages/`.
    public var pages: [Article]
    public var categories: CategoryTree
    public var contentAssets: [SourceFileRef]
    public var staticAssets: [SourceFileRef]
}
