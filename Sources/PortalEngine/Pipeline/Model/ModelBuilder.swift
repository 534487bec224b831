/// Builds the site model from loaded documents: required fields, categories, URLs, order.
public enum ModelBuilder {
    /// An article dated after `now` waits (Hugo's `buildFuture`) unless `includeFuture`; without
    /// `now` nothing waits.
    /// `published` is the previous output's record of article URLs (redirects for changed ones).
    public static func build(
        _ loaded: LoadedSite, includeDrafts: Bool, now: Timestamp? = nil, includeFuture: Bool = false,
        published: PublishedURLs = PublishedURLs()
    ) -> (SiteModel, [Diagnostic]) {
        let config = loaded.config
        let urls = SiteURLs(basePath: config.basePath, segments: config.urlSegments)
        var diagnostics: [Diagnostic] = []
        var categories = CategoryTree(config.categories, urls: urls)

        var assets = Set(loaded.contentAssets.map(\.relativePath))
        assets.formUnion(loaded.staticAssets.map(\.relativePath))
        let topLevelAssetNames = Set(assets.map { String($0.split(separator: "/", maxSplits: 1)[0]) })

        // First pass: required fields, slugs and URLs, so links can be resolved in the second.
        struct Pending {
            var document: SourceDocument
            var title: String
            var slug: String
            var url: String
        }
        var pending: [Pending] = []
        var urlOwners: [String: String] = [:]
        var scheduled: [Timestamp] = []
        var unpublished: [String: Message] = [:]
        let dates = VietnameseDateFormat(zone: config.timeZone)
        for document in loaded.documents {
            let front = document.frontMatter
            let file = document.file.sourcePath
            if front.draft && !includeDrafts {
                unpublished[document.file.relativePath] = Message(.unpublishedDraft)
                continue
            }
            if let now, !includeFuture, let date = front.date, date > now {
                scheduled.append(date)
                unpublished[document.file.relativePath] = Message(.unpublishedScheduled, "\(dates.shortWithTime(date))")
                continue
            }
            let top = SourcePosition(line: 1, column: 1)
            var ok = true
            func require(_ present: Bool, _ field: String, _ text: MessageID) {
                if !present {
                    ok = false
                    diagnostics.append(.error(file, front.positions[field] ?? top, Message(text)))
                }
            }
            require(front.title != nil, "title", .missingTitle)
            if document.kind == .article {
                require(front.date != nil || front.positions["date"] != nil, "date", .missingDate)
                require(front.category != nil, "category", .missingCategory)
            }
            if let key = front.category, categories.index(ofKey: key) == nil {
                ok = false
                let known = categories.categories.map(\.key).joined(separator: ", ")
                let meant = FrontMatterHints.categoryKey(
                    meaning: key, in: categories.categories.map { ($0.key, $0.title) })
                let text =
                    meant.map { Message(.unknownCategoryMeant, "\(key)", "\($0)") }
                    ?? Message(.unknownCategory, "\(key)", "\(known)")
                diagnostics.append(.error(file, front.positions["category"], text))
            }
            guard let title = front.title else { continue }
            let slug = front.slug ?? Slug.make(from: title)
            if slug.isEmpty {
                diagnostics.append(
                    .error(file, front.positions["title"], Message(.titleMakesNoURL)))
                continue
            }
            if urls.reservedSegments.contains(slug) || topLevelAssetNames.contains(slug) {
                diagnostics.append(
                    .error(
                        file, front.positions["slug"] ?? front.positions["title"],
                        Message(.urlReserved, "\(slug)")))
                continue
            }
            let url = urls.article(slug: slug)
            if let owner = urlOwners[url] {
                diagnostics.append(
                    .error(
                        file, front.positions["slug"] ?? front.positions["title"],
                        Message(.urlTaken, "\(url)", "\(owner)")))
                continue
            }
            urlOwners[url] = file
            if ok { pending.append(Pending(document: document, title: title, slug: slug, url: url)) }
        }

        var documentURLs: [String: String] = [:]
        for p in pending { documentURLs[p.document.file.relativePath] = p.url }
        var paths = ContentPaths(documentURLs: documentURLs, assets: assets, urls: urls)
        paths.unpublished = unpublished

        var articles: [Article] = []
        var pages: [Article] = []
        for p in pending {
            let front = p.document.frontMatter
            let file = p.document.file.sourcePath
            var imageURL: String?
            if let image = front.image {
                // The lead image is written relative to content/ (as the README shows) or, like a
                // body image, relative to the article's folder.
                let folder = p.document.file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
                var resolution = paths.resolve(image, fromDirectory: "", isImage: true)
                if resolution != .unchanged,
                    case .site(let url) = paths.resolve(
                        image, fromDirectory: folder, isImage: true)
                {
                    resolution = .site(url)
                }
                switch resolution {
                case .unchanged: imageURL = image
                case .site(let url): imageURL = url
                case .missing(let url, let contentPath):
                    imageURL = url
                    let suggestions = paths.suggestions(
                        for: String(contentPath.dropFirst("content/".count)), orRootRelative: nil, fromDirectory: folder
                    )
                    diagnostics.append(
                        .error(
                            file, front.positions["image"],
                            ContentPaths.missingMessage(
                                isImage: true, contentPath: contentPath, suggestions: suggestions)))
                case .rejected(let reason):
                    diagnostics.append(
                        .error(file, front.positions["image"], Message(.imageRejected, .message(reason))))
                case .unpublished: break  // a Markdown file as an image: not reachable
                }
            }
            var article = Article(
                kind: p.document.kind, file: p.document.file, slug: p.slug, url: p.url, title: p.title,
                date: front.date, dateHasTime: front.dateHasTime, lastmod: front.lastmod, categoryKey: front.category,
                bloc: front.bloc,
                units: front.units, meeting: front.meeting, tags: front.tags, author: front.author,
                source: front.source, summary: front.summary, imageURL: imageURL, imageCaption: front.imageCaption,
                featured: front.featured, aliases: front.aliases, positionOfAliases: front.positions["aliases"],
                extra: front.extra, body: p.document.body,
                bodyFirstLine: p.document.bodyFirstLine)
            article.positionOfSlugOrTitle = front.positions["slug"] ?? front.positions["title"]
            if article.kind == .article { articles.append(article) } else { pages.append(article) }
        }

        articles.sort(by: newestFirst)
        pages.sort { $0.url < $1.url }
        for (i, article) in articles.enumerated() {
            if let key = article.categoryKey, let c = categories.index(ofKey: key) {
                categories.append(articleIndex: i, toCategory: c)
            }
        }
        let blocs = Taxonomy(kind: .bloc, articles: articles, urls: urls) { $0.bloc.map { [$0] } ?? [] }
        let units = Taxonomy(kind: .units, articles: articles, urls: urls) { $0.units }
        let tags = Taxonomy(kind: .tags, articles: articles, urls: urls) { $0.tags }
        let related = RelatedNews(
            articles: articles, bloc: blocs, units: units, tags: tags, count: config.relatedCount)
        // Lists the generator writes: an alias may sit beside them (old portals used the same
        // folder names), never on one of them or their numbered pages.
        var lists = categories.categories.map(\.url) + [urls.search]
        for taxonomy in [blocs, units, tags] { lists += [taxonomy.url] + taxonomy.terms.map(\.url) }
        var aliases = AliasPlanner.plan(
            articles + pages, taken: Set(urlOwners.keys), lists: lists, urls: urls, diagnostics: &diagnostics)
        let moved = PublishedURLs.plan(
            previous: published, documents: articles + pages,
            existingSources: Set(loaded.documents.map(\.file.sourcePath)), taken: Set(urlOwners.keys),
            aliases: aliases, urls: urls)
        aliases += moved.redirects
        diagnostics += moved.warnings
        let model = SiteModel(
            config: config, urls: urls, articles: articles, pages: pages, categories: categories, paths: paths,
            blocs: blocs,
            units: units, tags: tags, related: related, aliases: aliases,
            contentAssets: loaded.contentAssets, staticAssets: loaded.staticAssets, scheduled: scheduled.sorted(),
            publishedURLs: moved.next)
        return (model, diagnostics)
    }

    /// Date descending; equal dates by title, then file, so every build orders alike.
    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        let da = a.date?.secondsSince1970 ?? Int64.min
        let db = b.date?.secondsSince1970 ?? Int64.min
        if da != db { return da > db }
        if a.title != b.title { return a.title < b.title }
        return a.file.sourcePath < b.file.sourcePath
    }
}
