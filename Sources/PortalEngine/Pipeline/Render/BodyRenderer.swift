/// An article body after Markdown: the HTML and the summary lists will show.
public struct RenderedBody: Sendable {
    var storedHTML: StoredText
    public var summary: String
    var storedPlainText: StoredText
    /// The photos the body shows.
    public var photos: [PhotoUse] = []

    public init(html: String, summary: String, plainText: String = "", photos: [PhotoUse] = []) {
        self.init(
            storedHTML: StoredText(html), summary: summary, storedPlainText: StoredText(plainText), photos: photos)
    }

    init(storedHTML: StoredText, summary: String, storedPlainText: StoredText, photos: [PhotoUse]) {
        (self.storedHTML, self.summary, self.storedPlainText, self.photos) = (
            storedHTML, summary, storedPlainText, photos
        )
    }

    public var html: String { storedHTML.string }
    /// Words of the body without markup, for the search index.
    public var plainText: String { storedPlainText.string }
}

/// Renders every body once, in parallel, resolving links and images against content/.
public enum BodyRenderer {
    /// Every article's and standalone page's body, with what rendering found.
    public struct SiteBodies: Sendable {
        public var articles: [RenderedBody]
        public var pages: [RenderedBody]
        public var diagnostics: [Diagnostic]
        /// Of `SiteModel.archived`.
        public var archived: [RenderedBody] = []
        /// The key each article's body is kept under in the `DocumentMemory` (none without one):
        /// the next build's search patch finds an edited article's previous text by it.
        var articleKeys: [UInt64] = []
    }

    /// With `memory`, a body whose text is unchanged since the previous build, and whose links
    /// and images resolve as they did, is taken from it. `sameLinksAsLastBuild`: the model is
    /// the one the last build used (`ModelMemory`), so what it checked holds; the bodies of
    /// `unchanged` files (paths from the source folder) are then taken as that build used them.
    public static func renderSite(
        _ model: SiteModel, unsafeHTML: Bool, memory: DocumentMemory? = nil, sameLinksAsLastBuild: Bool = false,
        unchanged: Set<String>? = nil
    ) -> SiteBodies {
        let render = { (articles: [Article]) in
            renderKeyed(
                articles, paths: model.paths, unsafeHTML: unsafeHTML, memory: memory,
                sameLinksAsLastBuild: sameLinksAsLastBuild, unchanged: sameLinksAsLastBuild ? unchanged : nil)
        }
        memory?.waitForPrefetchedBodies()
        let articles = render(model.articles)
        let pages = render(model.pages)
        let archived = render(model.archived)
        memory?.releaseStorePages()
        return SiteBodies(
            articles: articles.bodies, pages: pages.bodies,
            diagnostics: articles.problems + pages.problems + archived.problems, archived: archived.bodies,
            articleKeys: articles.keys)
    }

    public static func renderAll(
        _ articles: [Article], paths: ContentPaths, unsafeHTML: Bool, memory: DocumentMemory? = nil,
        sameLinksAsLastBuild: Bool = false
    ) -> ([RenderedBody], [Diagnostic]) {
        let made = renderKeyed(
            articles, paths: paths, unsafeHTML: unsafeHTML, memory: memory, sameLinksAsLastBuild: sameLinksAsLastBuild)
        return (made.bodies, made.problems)
    }

    /// The bodies, what rendering found, and the memory key of each body (none without `memory`).
    static func renderKeyed(
        _ articles: [Article], paths: ContentPaths, unsafeHTML: Bool, memory: DocumentMemory?,
        sameLinksAsLastBuild: Bool, unchanged: Set<String>? = nil
    ) -> (bodies: [RenderedBody], problems: [Diagnostic], keys: [UInt64]) {
        let renderer = MarkdownRenderer(unsafeHTML: unsafeHTML)
        let kept = unchanged.flatMap { unchanged in
            memory?.lastBodies(
                ofUnchanged: articles.map { unchanged.contains($0.file.sourcePath) ? $0.file.sourcePath : nil })
        }
        let resolver = { @Sendable (article: Article) in LinkResolver(article, paths: paths, unsafeHTML: unsafeHTML) }
        guard let memory else {
            let made = parallelMap(articles) { render($0, renderer: renderer, resolver: resolver($0)) }
            return (made.map(\.body), made.flatMap(\.problems), [])
        }
        let keys = articles.indices.map { i in
            kept?[i]?.key
                ?? bodyKey(
                    articles[i].file, bodyFirstLine: articles[i].bodyFirstLine, summary: articles[i].summary,
                    markdown: articles[i].markdown, unsafeHTML: unsafeHTML)
        }
        let asked = articles.indices.filter { kept?[$0] == nil }
        let made = memory.render(
            asked.map { (keys[$0], articles[$0].file.sourcePath) }, sameLinksAsLastBuild: sameLinksAsLastBuild
        ) { n, kept in
            resolver(articles[asked[n]]).outcome(of: kept.links.references) == kept.links.outcome
        } make: { n in
            let article = articles[asked[n]]
            guard article.markdown.isIntact else {
                return DocumentMemory.Rendered(
                    body: RenderedBody(html: "", summary: ""),
                    problems: [.error(article.file.sourcePath, nil, Message(.cachedTextDamaged))])
            }
            return render(article, renderer: renderer, resolver: resolver(article))
        }
        var all = articles.indices.map { kept?[$0]?.rendered }
        for (n, i) in asked.enumerated() { all[i] = made[n] }
        let done = all.map { $0! }
        return (done.map(\.body), done.flatMap(\.problems), keys)
    }

    /// What the memory knows a body by: everything its HTML is made of but the links' targets.
    static func bodyKey(
        _ file: SourceFileRef, bodyFirstLine: Int, summary: String?, markdown: StoredText, unsafeHTML: Bool
    ) -> UInt64 {
        var key = StableHasher()
        key.add(unsafeHTML ? 1 : 0)
        key.add(file.sourcePath)
        key.add(file.relativePath)
        key.add(UInt64(bodyFirstLine))
        key.add(summary ?? "\u{0}")
        key.add(markdown.stableHash)
        return key.value
    }

    /// The keys the bodies of these loaded files will have, for `DocumentMemory.prefetchBodies`.
    static func bodyKeys(of documents: [SourceDocument], unsafeHTML: Bool) -> [UInt64] {
        // By index: a document handed to `map`'s closure was a copy of it, every counted field.
        documents.indices.map { i in
            bodyKey(
                documents[i].file, bodyFirstLine: documents[i].bodyFirstLine,
                summary: ModelBuilder.summary(of: documents, at: i),
                markdown: documents[i].markdown, unsafeHTML: unsafeHTML)
        }
    }

    /// The body's HTML, with the links it was made with and what each resolved to: it stays
    /// valid while they resolve the same (another article renamed, a photo replaced).
    static func render(_ article: Article, renderer: MarkdownRenderer, resolver: LinkResolver)
        -> DocumentMemory.Rendered
    {
        var problems: [Diagnostic] = []
        var photos: [PhotoUse] = []
        var references: [MarkdownRenderer.Reference] = []
        var outcome = StableHasher()
        let output = renderer.render(article.body) { reference in
            references.append(reference)
            return resolver.rewrite(reference, problems: &problems, photos: &photos, outcome: &outcome)
        }
        for dropped in output.droppedHTML {
            let at = SourcePosition(
                line: article.bodyFirstLine + dropped.position.line - 1, column: dropped.position.column)
            problems.append(.warning(article.file.sourcePath, at, RawHTMLAdvice.message(for: dropped.tags)))
        }
        let summary = Summary.make(explicit: article.summary, firstParagraph: output.firstParagraph)
        return DocumentMemory.Rendered(
            body: RenderedBody(
                storedHTML: StoredText(output.html), summary: summary,
                storedPlainText: StoredText(bytes: output.plainTextBytes), photos: photos),
            problems: problems, links: BodyLinks(references: references, outcome: outcome.value))
    }
}

/// The links and images of a body, and a hash of what each resolved to.
public struct BodyLinks: Sendable {
    var references: [MarkdownRenderer.Reference] = []
    var outcome: UInt64 = 0
}

/// Resolves one body's links and images against content/: a site URL, a photo's markup, or a
/// problem at the reference's place in the file.
struct LinkResolver {
    let paths: ContentPaths
    let file: String
    let directory: String
    let bodyFirstLine: Int
    let unsafeHTML: Bool

    init(_ article: Article, paths: ContentPaths, unsafeHTML: Bool) {
        self.paths = paths
        file = article.file.sourcePath
        directory = article.file.folder
        bodyFirstLine = article.bodyFirstLine
        self.unsafeHTML = unsafeHTML
    }

    /// The hash `rewrite` adds up for these references, resolved now.
    func outcome(of references: [MarkdownRenderer.Reference]) -> UInt64 {
        var problems: [Diagnostic] = []
        var photos: [PhotoUse] = []
        var outcome = StableHasher()
        for reference in references { _ = rewrite(reference, problems: &problems, photos: &photos, outcome: &outcome) }
        return outcome.value
    }

    /// What to write for `reference`; adds to `outcome` the result and the problems found.
    func rewrite(
        _ reference: MarkdownRenderer.Reference, problems: inout [Diagnostic], photos: inout [PhotoUse],
        outcome: inout StableHasher
    ) -> MarkdownRenderer.Rewrite {
        let before = problems.count
        let result = resolve(reference, problems: &problems, photos: &photos)
        switch result {
        case .keep: outcome.add(0)
        case .replace(let url):
            outcome.add(1)
            outcome.add(url)
        case .replaceWithHTML(let html):
            outcome.add(2)
            outcome.add(html)
        }
        for problem in problems[before...] { outcome.add(problem.description) }
        return result
    }

    private func resolve(
        _ reference: MarkdownRenderer.Reference, problems: inout [Diagnostic], photos: inout [PhotoUse]
    ) -> MarkdownRenderer.Rewrite {
        let at = SourcePosition(line: bodyFirstLine + reference.line - 1, column: reference.column)
        switch paths.resolve(reference.url, fromDirectory: directory, isImage: reference.isImage) {
        case .unchanged:
            return .keep
        case .site(let url):
            guard reference.isImage,
                let (path, probe) = paths.photo(ofImage: reference.url, fromDirectory: directory)
            else { return .replace(url) }
            guard case .photo(let photo) = probe else {
                problems.append(.error(file, at, PhotoProblem.message(probe, path: path)))
                return .replace(url)
            }
            photos.append(PhotoUse(path: path, file: file, position: at))
            let plan = PhotoVariantPlan(photo: photo, path: path, settings: paths.photoSettings)
            return .replaceWithHTML(
                PhotoMarkup.picture(plan, urls: paths.urls, alt: reference.alt, title: reference.title, lazy: true))
        case .missing(let url, let contentPath):
            let suggestions = paths.suggestions(forReference: reference.url, fromDirectory: directory)
            problems.append(
                .error(
                    file, at,
                    ContentPaths.missingMessage(
                        isImage: reference.isImage, contentPath: contentPath, suggestions: suggestions)))
            return .replace(url)
        case .unpublished(let contentPath, let reason):
            problems.append(.warning(file, at, Message(.linkToUnpublished, "\(contentPath)", .message(reason))))
            return .replace("")
        case .rejected(let reason):
            if unsafeHTML { return .keep }
            problems.append(.warning(file, at, Message(.linkRemoved, .message(reason))))
            return .replace("")
        }
    }
}
