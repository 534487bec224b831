/// An article body after Markdown: the HTML and the summary lists will show.
public struct RenderedBody: Sendable {
    public var html: String
    public var summary: String
    /// Words of the body without markup, for the search index.
    public var plainText: String = ""
    /// The photos the body shows.
    public var photos: [PhotoUse] = []
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
    }

    /// With `memory`, a body whose text and links' targets are unchanged since the process's
    /// previous build is taken from it.
    public static func renderSite(_ model: SiteModel, unsafeHTML: Bool, memory: DocumentMemory? = nil) -> SiteBodies {
        let (articles, articleProblems) = renderAll(
            model.articles, paths: model.paths, unsafeHTML: unsafeHTML, memory: memory)
        let (pages, pageProblems) = renderAll(model.pages, paths: model.paths, unsafeHTML: unsafeHTML, memory: memory)
        let (archived, archivedProblems) = renderAll(
            model.archived, paths: model.paths, unsafeHTML: unsafeHTML, memory: memory)
        return SiteBodies(
            articles: articles, pages: pages, diagnostics: articleProblems + pageProblems + archivedProblems,
            archived: archived)
    }

    public static func renderAll(
        _ articles: [Article], paths: ContentPaths, unsafeHTML: Bool, memory: DocumentMemory? = nil
    ) -> ([RenderedBody], [Diagnostic]) {
        let renderer = MarkdownRenderer(unsafeHTML: unsafeHTML)
        let links = memory.map { _ in paths.fingerprint }
        let results = parallelMap(articles) { article in
            guard let memory, let links else { return render(article, renderer: renderer, paths: paths) }
            var key = StableHasher()
            key.add(links)
            key.add(unsafeHTML ? 1 : 0)
            key.add(article.file.sourcePath)
            key.add(article.file.relativePath)
            key.add(UInt64(article.bodyFirstLine))
            key.add(article.summary ?? "\u{0}")
            key.add(article.body)
            let made = memory.render(key.value) {
                let (body, problems) = render(article, renderer: renderer, paths: paths)
                return DocumentMemory.Rendered(body: body, problems: problems)
            }
            return (made.body, made.problems)
        }
        return (results.map(\.0), results.flatMap(\.1))
    }

    public static func render(_ article: Article, renderer: MarkdownRenderer, paths: ContentPaths) -> (
        RenderedBody, [Diagnostic]
    ) {
        var problems: [Diagnostic] = []
        var photos: [PhotoUse] = []
        let file = article.file.sourcePath
        let directory = article.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        let output = renderer.render(article.body) { reference in
            let at = SourcePosition(line: article.bodyFirstLine + reference.line - 1, column: reference.column)
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
                problems.append(
                    .warning(
                        file, at,
                        Message(.linkToUnpublished, "\(contentPath)", .message(reason))
                    ))
                return .replace("")
            case .rejected(let reason):
                if renderer.unsafeHTML { return .keep }
                problems.append(.warning(file, at, Message(.linkRemoved, .message(reason))))
                return .replace("")
            }
        }
        for dropped in output.droppedHTML {
            let at = SourcePosition(
                line: article.bodyFirstLine + dropped.position.line - 1, column: dropped.position.column)
            problems.append(.warning(file, at, RawHTMLAdvice.message(for: dropped.tags)))
        }
        let summary = Summary.make(explicit: article.summary, firstParagraph: output.firstParagraph)
        return (
            RenderedBody(html: output.html, summary: summary, plainText: output.plainText, photos: photos), problems
        )
    }
}
