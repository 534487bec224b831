import Foundation

/// Builds the data each template receives; what is shared is computed once, in `init`.
///
/// Immutable after `init`, so one instance serves all render threads.
public final class PageContexts: @unchecked Sendable {
    let model: SiteModel
    let bodies: [RenderedBody]
    let dates: VietnameseDateFormat
    let site: [String: Any]
    /// One list entry per article (title, url, dates, summary, image, category).
    let items: [[String: Any]]
    let pageItems: [[String: Any]]
    /// Per taxonomy kind, per term: `name`, `url`, `count`.
    let termLinks: [TaxonomyKind: [[String: Any]]]

    /// Articles per category on the home page.
    static let homeSectionSize = 5

    /// The list entries rendered this build or reused from `itemCache`, for the next build.
    public private(set) var renderedItems = ItemCache()
    /// How many list entries came from `itemCache`, and how many were rendered.
    public private(set) var itemsReused = 0
    public private(set) var itemsRendered = 0

    /// `theme` renders each article's list entry once (`html`, `link_html`), for every list to reuse;
    /// entries whose fingerprint is in `itemCache` are taken from it instead.
    public init(
        model: SiteModel, bodies: [RenderedBody], pageBodies: [RenderedBody], now: Timestamp, theme: Theme,
        itemCache: ItemCache = ItemCache()
    ) {
        self.model = model
        self.bodies = bodies
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        self.dates = dates
        var links: [TaxonomyKind: [[String: Any]]] = [:]
        for kind in TaxonomyKind.allCases {
            links[kind] = model.taxonomy(kind).terms.map {
                ["name": $0.name, "url": $0.url, "count": $0.articles.count]
            }
        }
        termLinks = links
        site = ContextFingerprint.sealed(
            SiteContext.make(model: model, now: now, dates: dates, blocs: links[.bloc] ?? []), seed: 0)
        let siteBox = ListItem(fields: site)
        let plain = zip(model.articles, bodies).map { Self.item($0, $1, model: model, dates: dates) }
        var seed = StableHasher()
        seed.add(theme.fingerprint)
        seed.add(EngineIdentity.value)
        seed.add(site[ContextFingerprint.fingerprintKey] as? UInt64 ?? 0)
        let itemSeed = seed.value
        let rendered = parallelMap(plain.indices.map { ListItem(fields: plain[$0]) }) { item in
            var fields = item.fields
            let key = String(ContextFingerprint.of(fields, seed: itemSeed), radix: 16)
            var html: [String]
            var reused = false
            if let cached = itemCache.entries[key], cached.count == 2 {
                html = cached
                reused = true
            } else {
                var context = fields
                context["site"] = siteBox.fields
                html = [Theme.itemPartials.card, Theme.itemPartials.link].map {
                    theme.has($0) ? theme.render(context, template: $0) : ""
                }
            }
            fields["html"] = html[0]
            fields["link_html"] = html[1]
            return (ListItem(fields: ContextFingerprint.sealed(fields, seed: 0)), key, html, reused)
        }
        items = rendered.map(\.0.fields)
        itemsReused = rendered.filter(\.3).count
        itemsRendered = rendered.count - itemsReused
        renderedItems = ItemCache(entries: Dictionary(rendered.map { ($0.1, $0.2) }, uniquingKeysWith: { a, _ in a }))
        pageItems = zip(model.pages, pageBodies).map {
            ContextFingerprint.sealed(Self.item($0, $1, model: model, dates: dates), seed: 0)
        }
    }

    /// The template to use, the page's URL and its data; nil for outputs that are not templated.
    public func context(for job: PageJob) -> (template: String, url: String, data: [String: Any])? {
        switch job {
        case .home: return home()
        case .article(let i): return article(i)
        case .standalone(let i):
            let page = model.pages[i]
            let data = base(title: page.title, url: page.url, kind: "page", extra: ["article": pageItems[i]])
            return ("page", page.url, data)
        case .category(let c, let slice): return category(c, slice)
        case .term(let kind, let t, let slice): return term(kind, t, slice)
        case .taxonomyIndex(let kind): return taxonomyIndex(kind)
        case .notFound:
            let url = model.urls.basePath + "404.html"
            return ("404", url, base(title: "Không tìm thấy trang", url: url, kind: "not_found", extra: [:]))
        case .search:
            let url = model.urls.search
            let data: [String: Any] = ["search": ["index_url": model.urls.basePath + "search/"]]
            return ("search", url, base(title: "Tìm kiếm", url: url, kind: "search", extra: data))
        case .alias, .feed, .sitemap, .robots, .serverConfig:
            return nil
        }
    }

    static func item(_ article: Article, _ body: RenderedBody, model: SiteModel, dates: VietnameseDateFormat)
        -> [String: Any]
    {
        var entry: [String: Any] = [
            "title": article.title,
            "url": article.url,
            "summary": body.summary,
            "body": body.html,
        ]
        if let date = article.date {
            entry["date"] = article.dateHasTime ? dates.full(date) : dates.fullDay(date)
            entry["date_short"] = dates.short(date)
            entry["date_time"] = article.dateHasTime ? dates.shortWithTime(date) : dates.short(date)
            entry["date_iso"] = dates.iso8601(date)
        }
        if let lastmod = article.lastmod {
            entry["lastmod"] = dates.shortWithTime(lastmod)
            entry["lastmod_iso"] = dates.iso8601(lastmod)
        }
        if let image = article.imageURL {
            entry["image"] = image
            entry["image_caption"] = article.imageCaption ?? ""
        }
        if article.featured { entry["featured"] = true }
        if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
            entry["category"] = ["title": model.categories[c].title, "url": model.categories[c].url]
        }
        return entry
    }

    func base(
        title: String, url: String, kind: String, description: String = "", image: String? = nil,
        extra: [String: Any]
    ) -> [String: Any] {
        var data = extra
        data["site"] = site
        var page: [String: Any] = [
            "title": title,
            "url": url,
            "canonical_url": absolute(url),
            "kind": kind,
            "og_type": kind == "article" ? "article" : "website",
            "description": description,
            "is_\(kind)": true,
        ]
        if let image { page["image_absolute"] = image.hasPrefix("/") ? absolute(image) : image }
        data["page"] = page
        return data
    }

    func pagination(_ slice: PageSlice) -> [String: Any] {
        var data: [String: Any] = [
            "current": slice.number,
            "total": slice.total,
            "has_pages": slice.total > 1,
            "pages": slice.visiblePageNumbers().map { n -> [String: Any] in
                guard let n else { return ["gap": true] }
                return ["number": n, "url": model.urls.paginated(slice.listURL, page: n), "current": n == slice.number]
            },
        ]
        if let previous = slice.previousURL { data["previous_url"] = previous }
        if let next = slice.nextURL { data["next_url"] = next }
        return data
    }

    func breadcrumb(categoryIndex: Int) -> [[String: Any]] {
        model.categories.ancestry(of: categoryIndex).map {
            ["title": model.categories[$0].title, "url": model.categories[$0].url]
        }
    }

    /// The absolute URL of a site path (`baseURL` always ends with "/").
    func absolute(_ path: String) -> String {
        let relative = path.hasPrefix(model.urls.basePath) ? path.dropFirst(model.urls.basePath.count) : path[...]
        return model.config.baseURL + relative
    }
}

/// A list entry's fields, passed between render threads; read-only once built.
struct ListItem: @unchecked Sendable {
    var fields: [String: Any]
}
