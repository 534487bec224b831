/// Builds the site model from loaded documents: required fields, categories, URLs, order.
public enum ModelBuilder {
    /// An article dated after `now` waits (Hugo's `buildFuture`) unless `includeFuture`; without
    /// `now` nothing waits.
    /// `published` is the previous output's record of article URLs (redirects for changed ones).
    public static func build(
        _ loaded: LoadedSite, includeDrafts: Bool, now: Timestamp? = nil, includeFuture: Bool = false,
        published: PublishedURLs = PublishedURLs(), relatedStore: RelatedNewsStore? = nil
    ) -> (SiteModel, [Diagnostic]) {
        let config = loaded.config
        let urls = SiteURLs(basePath: config.basePath, segments: config.urlSegments)
        var categories = CategoryTree(config.categories, urls: urls)
        var assets = Set(loaded.contentAssets.map(\.relativePath))
        assets.formUnion(loaded.staticAssets.map(\.relativePath))

        // First pass: required fields, slugs and URLs, so links can be resolved in the second.
        var addresses = AddressPass(
            categories: categories, urls: urls, includeDrafts: includeDrafts, now: now, includeFuture: includeFuture,
            assets: assets, zone: config.timeZone, documentTypes: config.documents.types)
        // Slugs from titles are made on every core first; the pass itself is in file order.
        // By index: a document handed to the closure was a copy of it, every counted field.
        let documentIndices = Array(loaded.documents.indices)
        let titleSlugs = parallelMap(documentIndices) { loaded.documents[$0].frontMatter.title.map(Slug.make(from:)) }
        addresses.reserveCapacity(loaded.documents.count)
        // Through a buffer: iterating the array copied each document, every field counted.
        loaded.documents.withUnsafeBufferPointer { documents in
            for i in documents.indices { addresses.add(documents[i], index: i, titleSlug: titleSlugs[i]) }
        }
        var diagnostics = addresses.diagnostics
        var paths = ContentPaths(
            documentURLs: Dictionary(
                addresses.pending.map { (loaded.documents[$0.index].file.relativePath, $0.url) }
            ) { a, _ in a },
            assets: assets, urls: urls)
        paths.unpublished = addresses.unpublished
        paths.photos = loaded.photos
        paths.photoSettings = config.photos

        // Second pass: the articles, their lead images and attachments resolved.
        var (articles, pages, secondPassProblems) = makeArticles(
            addresses.pending, of: loaded.documents, paths: paths, sizes: loaded.assetSizes)
        diagnostics += secondPassProblems
        // Expired articles keep their pages but leave every list, feed and the search.
        let isExpired = { (a: Article) in now.map { now in a.expires.map { $0 <= now } ?? false } ?? false }
        let archived = articles.filter(isExpired)
        articles.removeAll(where: isExpired)
        let documents = DocumentRegister(
            articles: &articles, archived: archived, unpublished: addresses.unpublishedDocumentNumbers,
            typeOrder: config.documents.types, zone: config.timeZone, diagnostics: &diagnostics)
        // By index: an article copied out of the array is 25 counted references retained and released.
        for i in articles.indices {
            if let key = articles[i].categoryKey, let c = categories.index(ofKey: key) {
                categories.append(articleIndex: i, toCategory: c)
            }
        }
        let (taxonomies, related) = termsAndRelated(
            articles, urls: urls, count: config.relatedCount, store: relatedStore)
        let (blocs, units, tags, topics) = (taxonomies[0], taxonomies[1], taxonomies[2], taxonomies[3])
        // Lists the generator writes: an alias may sit beside them (old portals used the same
        // folder names), never on one of them or their numbered pages.
        var lists = categories.categories.map(\.url) + [urls.search]
        for taxonomy in [blocs, units, tags, topics] { lists += [taxonomy.url] + taxonomy.terms.map(\.url) }
        let archive = DateArchive(articles: articles, zone: config.timeZone, urls: urls)
        for year in archive.years { lists += [year.url] + year.months.map(\.url) }
        let taken = addresses.urlOwners  // a set of its keys hashed every URL again
        // Side by side, not concatenated: a copy of every article was a tenth of an edit's model.
        let everyDocument = [articles, pages, archived]
        var aliases = AliasPlanner.plan(
            everyDocument, taken: taken, lists: lists, urls: urls, diagnostics: &diagnostics)
        let moved = PublishedURLs.plan(
            previous: published, documents: everyDocument,
            existingSources: published.urlsBySource.isEmpty
                ? [] : Set(documentIndices.map { loaded.documents[$0].file.sourcePath }),
            taken: taken, aliases: aliases, urls: urls)
        aliases += moved.redirects
        diagnostics += moved.warnings
        let model = SiteModel(
            config: config, urls: urls, articles: articles, pages: pages, categories: categories, paths: paths,
            blocs: blocs, units: units, tags: tags, topics: topics, related: related, aliases: aliases,
            contentAssets: loaded.contentAssets, staticAssets: loaded.staticAssets,
            scheduled: addresses.scheduled.sorted(), publishedURLs: moved.next, archive: archive, archived: archived,
            expiring: articles.compactMap(\.expires).sorted(), documents: documents,
            documentChanges: DocumentStatus.changes(in: articles).filter { day in now.map { day > $0 } ?? false })
        return (model, diagnostics)
    }

    /// The taxonomies (in `TaxonomyKind.allCases` order) and news lists the store kept for these
    /// articles, or made (and then kept).
    static func termsAndRelated(_ articles: [Article], urls: SiteURLs, count: Int, store: RelatedNewsStore?) -> (
        [Taxonomy], RelatedNews
    ) {
        // With nothing kept (a first build), the key is made beside the lists, on a thread of its
        // own: the lists do not wait for it (a fifth of a second at 100,000 articles).
        let keyBeside = store.flatMap { store in
            store.holdsLists ? nil : Pending { [articles] in store.key(articles, urls: urls, count: count) }
        }
        let key = keyBeside == nil ? store?.key(articles, urls: urls, count: count) : nil
        if let key, let kept = store?.take(key, articleCount: articles.count) { return kept }
        let taxonomies = parallelMap(TaxonomyKind.allCases) { [articles] kind in
            Taxonomy(kind: kind, articles: articles, urls: urls, names: kind.names)
        }
        let related = RelatedNews(
            articles: articles, bloc: taxonomies[0], units: taxonomies[1], tags: taxonomies[2], count: count)
        if let key = key ?? keyBeside?.value { store?.keep(taxonomies, related, key: key) }
        return (taxonomies, related)
    }

    /// Articles newest first and pages by URL, made on every core; the problems in file order.
    static func makeArticles(
        _ pending: [AddressPass.Pending], of documents: [SourceDocument], paths: ContentPaths, sizes: [String: Int]
    ) -> (
        articles: [Article], pages: [Article], diagnostics: [Diagnostic]
    ) {
        let linked = parallelMap(pending) { p in
            var problems: [Diagnostic] = []
            // The fields read through the array: a document passed whole was copied, twice per
            // article, every counted field retained and released.
            let lead = leadImage(
                documents[p.index].frontMatter.image, positions: documents[p.index].frontMatter.positions,
                file: documents[p.index].file, paths: paths, diagnostics: &problems)
            let attachments = AttachmentResolver.resolve(
                documents[p.index].frontMatter.files, file: documents[p.index].file, paths: paths, sizes: sizes,
                diagnostics: &problems)
            return Linked(imageURL: lead.url, imagePhoto: lead.photo, attachments: attachments, problems: problems)
        }
        // Put in order before they are made: sorting made articles moved each one, hundreds of
        // bytes, a dozen times (a tenth of a second at 100,000).
        var (articleOrder, pageOrder): ([Int], [Int]) = ([], [])
        articleOrder.reserveCapacity(pending.count)
        for k in pending.indices {
            if documents[pending[k].index].kind == .page { pageOrder.append(k) } else { articleOrder.append(k) }
        }
        // Date descending; equal dates by title, then file, so every build orders alike.
        let dates = pending.map {
            listedDate(documents, at: $0.index)?.secondsSince1970 ?? Int64.min
        }
        articleOrder.sort { a, b in
            if dates[a] != dates[b] { return dates[a] > dates[b] }
            if pending[a].title != pending[b].title { return pending[a].title < pending[b].title }
            return documents[pending[a].index].file.sourcePath < documents[pending[b].index].file.sourcePath
        }
        pageOrder.sort { pending[$0].url < pending[$1].url }
        let make = { @Sendable (k: Int) -> Article in
            var article = makeArticle(pending[k], documents, at: pending[k].index, imageURL: linked[k].imageURL)
            article.imagePhoto = linked[k].imagePhoto
            article.attachments = linked[k].attachments
            return article
        }
        return (parallelMap(articleOrder, make), parallelMap(pageOrder, make), linked.flatMap(\.problems))
    }

    /// What an article links to, resolved, with the problems found.
    struct Linked: Sendable {
        var imageURL: String?
        var imagePhoto: String?
        var attachments: [Attachment]
        var problems: [Diagnostic]
    }

    /// The date an article is listed by: its own, or a document's day of issue.
    static func listedDate(_ documents: [SourceDocument], at index: Int) -> Timestamp? {
        documents[index].frontMatter.date
            ?? (documents[index].kind == .document ? documents[index].frontMatter.document.issued : nil)
    }

    /// An article's summary: its own, or a document's abstract.
    static func summary(of documents: [SourceDocument], at index: Int) -> String? {
        documents[index].frontMatter.summary
            ?? (documents[index].kind == .document ? documents[index].frontMatter.document.abstract : nil)
    }

    /// Each field read through the array: the document taken whole was copied, every counted
    /// field retained and released (a tenth of the model's CPU at 100,000 articles).
    static func makeArticle(
        _ p: AddressPass.Pending, _ documents: [SourceDocument], at index: Int, imageURL: String?
    ) -> Article {
        let isDocument = documents[index].kind == .document
        var article = Article(
            kind: documents[index].kind, file: documents[index].file, slug: p.slug, url: p.url, title: p.title,
            date: listedDate(documents, at: index),
            dateHasTime: documents[index].frontMatter.date != nil && documents[index].frontMatter.dateHasTime,
            lastmod: documents[index].frontMatter.lastmod, categoryKey: documents[index].frontMatter.category,
            bloc: documents[index].frontMatter.bloc,
            units: documents[index].frontMatter.units, meeting: documents[index].frontMatter.meeting,
            tags: documents[index].frontMatter.tags, author: documents[index].frontMatter.author,
            source: documents[index].frontMatter.source,
            summary: summary(of: documents, at: index),
            imageURL: imageURL, imageCaption: documents[index].frontMatter.imageCaption,
            featured: documents[index].frontMatter.featured, aliases: documents[index].frontMatter.aliases,
            positionOfAliases: documents[index].frontMatter.positions["aliases"],
            extra: documents[index].frontMatter.extra, markdown: documents[index].markdown,
            bodyFirstLine: documents[index].bodyFirstLine)
        article.positionOfSlugOrTitle =
            documents[index].frontMatter.positions["slug"] ?? documents[index].frontMatter.positions["title"]
        article.positionOfImage = documents[index].frontMatter.positions["image"]
        article.topic = documents[index].frontMatter.topic
        // A document stays listed when it ends: its status says so (`ngay_het_hieu_luc`).
        article.expires = isDocument ? nil : documents[index].frontMatter.expires
        if isDocument { article.document = document(documents[index].frontMatter.document) }
        return article
    }

    /// A document's fields, already checked by the first pass; it is dated by its issue day.
    static func document(_ fields: DocumentFrontMatter) -> LegalDocument? {
        guard let number = fields.number, let type = fields.type, let issuer = fields.issuer,
            let issued = fields.issued, let abstract = fields.abstract
        else { return nil }
        return LegalDocument(
            number: number, type: type, issuer: issuer, signer: fields.signer, issued: issued,
            effective: fields.effective, ends: fields.ends, fields: fields.fields, abstract: abstract,
            replacesWritten: fields.replaces, relatedWritten: fields.related)
    }

    /// The lead image's URL, and the photo under content/ it names (content-relative) when it
    /// names one; a photo that cannot be published is an error at `image:`.
    static func leadImage(
        _ image: String?, positions: FieldPositions, file source: SourceFileRef, paths: ContentPaths,
        diagnostics: inout [Diagnostic]
    ) -> (url: String?, photo: String?) {
        guard let image else { return (nil, nil) }
        let file = source.sourcePath
        let folder = source.folder
        let (resolution, directory) = paths.resolveFrontMatter(image, articleFolder: folder, isImage: true)
        switch resolution {
        case .unchanged: return (image, nil)
        case .site(let url):
            guard let (path, probe) = paths.photo(ofImage: image, fromDirectory: directory) else { return (url, nil) }
            guard case .photo = probe else {
                diagnostics.append(.error(file, positions["image"], PhotoProblem.message(probe, path: path)))
                return (url, nil)
            }
            return (url, path)
        case .missing(let url, let contentPath):
            diagnostics.append(
                .error(
                    file, positions["image"],
                    paths.missingFrontMatterMessage(contentPath: contentPath, articleFolder: folder, isImage: true)))
            return (url, nil)
        case .rejected(let reason):
            diagnostics.append(.error(file, positions["image"], Message(.imageRejected, .message(reason))))
            return (nil, nil)
        case .unpublished: return (nil, nil)  // a Markdown file as an image: not reachable
        }
    }

}
