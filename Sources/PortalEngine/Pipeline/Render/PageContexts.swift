import Foundation

/// Builds the typed data each template receives; what is shared is computed once, in `init`.
///
/// Immutable after `init`, so one instance serves all render threads.
public final class PageContexts: Sendable {
    let model: SiteModel
    let bodies: [RenderedBody]
    let dates: VietnameseDateFormat
    /// The build's time: documents' status is computed for it.
    let now: Timestamp
    let site: SharedTemplateValue
    /// One list entry per article (title, url, dates, summary, image, category), shared by every
    /// list that shows it: its fingerprint is computed once.
    let items: [SharedTemplateValue]
    let pageItems: [SharedTemplateValue]
    /// The entries of expired articles, for their own pages only.
    let archivedItems: [SharedTemplateValue]
    let archivedBodies: [RenderedBody]
    /// Per taxonomy kind, per term: its link and article count.
    let termLinks: [TaxonomyKind: [TermLinkData]]

    /// The list entries, for the next build with the same model.
    var entriesToKeep: KeptEntries { KeptEntries(items: items, summaries: bodies.map(\.summary)) }

    /// Articles per category on the home page.
    static let homeSectionSize = 5

    /// The list entries of a build with the same model, and the summaries they were made with:
    /// an article's entry is its article's fields and its summary, so one whose summary is the
    /// same is taken as it was.
    public struct KeptEntries: Sendable {
        var items: [SharedTemplateValue]
        var summaries: [String]
    }

    /// `kept`: the entries of the last build, given only when its model is this one.
    public init(
        model: SiteModel, bodies: [RenderedBody], pageBodies: [RenderedBody], now: Timestamp,
        archivedBodies: [RenderedBody] = [], kept: KeptEntries? = nil
    ) {
        self.model = model
        self.bodies = bodies
        self.now = now
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        self.dates = dates
        var links: [TaxonomyKind: [TermLinkData]] = [:]
        for kind in TaxonomyKind.allCases {
            links[kind] = model.taxonomy(kind).terms.map {
                TermLinkData(name: $0.name, url: $0.url, count: $0.articles.count)
            }
        }
        termLinks = links
        let site = SharedTemplateValue(
            SiteContext.make(model: model, now: now, blocs: links[.bloc] ?? []).templateValue)
        self.site = site
        let kept = kept.flatMap { $0.items.count == bodies.count ? $0 : nil }
        items = parallelMap(Array(bodies.indices)) { i in
            if let kept, kept.summaries[i] == bodies[i].summary { return kept.items[i] }
            return SharedTemplateValue(
                Self.entry(model.articles[i], bodies[i], model: model, dates: dates).templateValue)
        }
        pageItems = zip(model.pages, pageBodies).map {
            SharedTemplateValue(
                Self.entry($0, $1, model: model, dates: dates).templateValue.merging([
                    "body": .storedText($1.storedHTML)
                ]))
        }
        self.archivedBodies = archivedBodies
        archivedItems = zip(model.archived, archivedBodies).map {
            SharedTemplateValue(Self.entry($0, $1, model: model, dates: dates).templateValue)
        }
    }

    /// The template to use, the page's URL and its data; nil for outputs that are not templated.
    func context(for job: PageJob) -> (template: String, url: String, data: PageContext)? {
        switch job {
        case .home: return home()
        case .article(let i): return article(i)
        case .archived(let i): return archived(i)
        case .standalone(let i):
            let page = model.pages[i]
            let data = context(
                title: page.title, url: page.url, kind: .page, content: .standalone(.init(article: pageItems[i])))
            return ("page", page.url, data)
        case .category(let c, let slice): return category(c, slice)
        case .term(let kind, let t, let slice): return term(kind, t, slice)
        case .taxonomyIndex(let kind): return taxonomyIndex(kind)
        case .archive(let y, let m, let slice): return archive(year: y, month: m, slice)
        case .documents(let slice): return documents(slice)
        case .notFound:
            let url = model.urls.notFound
            return ("404", url, context(title: "Không tìm thấy trang", url: url, kind: .notFound, content: .notFound))
        case .search:
            let url = model.urls.search
            let search = SearchPageData(indexURL: model.urls.searchIndex)
            return ("search", url, context(title: "Tìm kiếm", url: url, kind: .search, content: .search(search)))
        case .alias, .feed, .sitemap, .robots, .serverConfig, .documentsData, .documentsFeed:
            return nil
        }
    }

    static func entry(_ article: Article, _ body: RenderedBody, model: SiteModel, dates: VietnameseDateFormat)
        -> ListEntryData
    {
        var entry = ListEntryData(
            title: article.title, url: article.url, summary: body.summary, featured: article.featured)
        if let date = article.date {
            entry.date = .init(
                full: article.dateHasTime ? dates.full(date) : dates.fullDay(date),
                short: dates.short(date),
                withTime: article.dateHasTime ? dates.shortWithTime(date) : dates.short(date),
                iso: dates.iso8601(date))
        }
        if let lastmod = article.lastmod {
            entry.lastmod = (dates.shortWithTime(lastmod), dates.iso8601(lastmod))
        }
        entry.image = image(of: article, model: model)
        if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
            entry.category = LinkData(title: model.categories[c].title, url: model.categories[c].url)
        }
        return entry
    }

    /// The lead image: a photo's variants, or the URL as written.
    static func image(of article: Article, model: SiteModel) -> ImageData? {
        if let path = article.imagePhoto, let photo = model.paths.photos.photo(at: path) {
            let plan = PhotoVariantPlan(photo: photo, path: path, settings: model.config.photos)
            return ImageData(plan: plan, caption: article.imageCaption ?? "", urls: model.urls)
        }
        return article.imageURL.map { ImageData(url: $0, caption: article.imageCaption ?? "") }
    }

    func context(
        title: String, url: String, kind: PageInfo.Kind, description: String = "", image: String? = nil,
        content: PageContent
    ) -> PageContext {
        let page = PageInfo(
            title: title, url: url, canonicalURL: absolute(url), kind: kind, description: description,
            imageAbsolute: image.map { $0.hasPrefix("/") ? absolute($0) : $0 })
        return PageContext(site: site, page: page, content: content)
    }

    func pagination(_ slice: PageSlice) -> PaginationData {
        PaginationData(
            current: slice.number, total: slice.total,
            pages: slice.visiblePageNumbers().map { n in
                guard let n else { return .gap }
                return .page(number: n, url: model.urls.paginated(slice.listURL, page: n), current: n == slice.number)
            },
            previousURL: slice.previousURL, nextURL: slice.nextURL)
    }

    func breadcrumb(categoryIndex: Int) -> [LinkData] {
        model.categories.ancestry(of: categoryIndex).map {
            LinkData(title: model.categories[$0].title, url: model.categories[$0].url)
        }
    }

    /// The absolute URL of a site path (`baseURL` always ends with "/").
    func absolute(_ path: String) -> String {
        let relative = path.hasPrefix(model.urls.basePath) ? path.dropFirst(model.urls.basePath.count) : path[...]
        return model.config.baseURL + relative
    }
}
