/// The model stage's output: everything the renderer needs, already checked and sorted.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var urls: SiteURLs
    /// Newest first (date, then title, then file path for a stable order).
    public var articles: [Article]
    /// Standalone pages from `content/pages/`.
    public var pages: [Article]
    public var categories: CategoryTree
    /// How link and image targets written in content resolve (documents' URLs, copied files).
    public var paths: ContentPaths
    public var blocs: Taxonomy
    public var units: Taxonomy
    public var tags: Taxonomy
    /// "Dòng sự kiện" (`topic:`).
    public var topics: Taxonomy
    public var related: RelatedNews
    /// Old URLs that redirect to an article or page.
    public var aliases: [Alias]
    public var contentAssets: [SourceFileRef]
    public var staticAssets: [SourceFileRef]
    /// Dates of articles left out because they are dated in the future, earliest first.
    public var scheduled: [Timestamp] = []
    /// Every URL each article has had, written into the output for the next build.
    public var publishedURLs = PublishedURLs()
    /// The listed articles by year and month.
    public var archive = DateArchive()
    /// Articles whose `expires:` has passed: each keeps its page, in no list.
    public var archived: [Article] = []
    /// When listed articles expire, earliest first: the output is out of date then.
    public var expiring: [Timestamp] = []
    /// The documents (văn bản) among `articles`, and their filters.
    public var documents = DocumentRegister()
    /// Days after the build on which a document's status changes, earliest first: the output
    /// is out of date then.
    public var documentChanges: [Timestamp] = []
}

extension SiteModel {
    /// The listed articles that are news, not documents: what the summary line counts as articles.
    public var newsCount: Int { articles.count - documents.documents.count }

    /// Empties every article's Markdown text, once the bodies are rendered.
    mutating func forgetMarkdown() { setMarkdown { _ in StoredText("") } }

    /// Each article's Markdown taken from `documents` (by source file), for a kept model.
    mutating func takeMarkdown(from documents: [SourceDocument]) {
        let markdown = Dictionary(documents.map { ($0.file.sourcePath, $0.markdown) }) { first, _ in first }
        setMarkdown { markdown[$0] ?? StoredText("") }
    }

    /// The Markdown of every article, page and expired article, by source file.
    private mutating func setMarkdown(_ text: (String) -> StoredText) {
        for i in articles.indices { articles[i].markdown = text(articles[i].file.sourcePath) }
        for i in pages.indices { pages[i].markdown = text(pages[i].file.sourcePath) }
        for i in archived.indices { archived[i].markdown = text(archived[i].file.sourcePath) }
    }

    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        switch kind {
        case .bloc: return blocs
        case .units: return units
        case .tags: return tags
        case .topic: return topics
        }
    }
}

/// A redirect page from an old URL to the article's URL.
public struct Alias: Sendable, Equatable {
    /// Output path, e.g. "tin-tuc/100012.html" or "old/path/index.html".
    public var outputPath: String
    public var targetURL: String
}
