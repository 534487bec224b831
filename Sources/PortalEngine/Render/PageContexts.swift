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

    public init(model: SiteModel, bodies: [RenderedBody], pageBodies: [RenderedBody], now: Timestamp) {
        self.model = model
        self.bodies = bodies
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        self.dates = dates
        site = SiteContext.make(model: model, now: now, dates: dates)
        func item(_ article: Article, _ body: RenderedBody) -> [String: Any] {
            var entry: [String: Any] = [
                "title": article.title,
                "url": article.url,
                "summary": body.summary,
                "body": body.html,
            ]
            if let date = article.date {
                entry["date"] = dates.full(date)
                entry["date_short"] = dates.short(date)
                entry["date_time"] = dates.shortWithTime(date)
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
            if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
                entry["category"] = ["title": model.categories[c].title, "url": model.categories[c].url]
            }
            return entry
        }
        items = zip(model.articles, bodies).map(item)
        pageItems = zip(model.pages, pageBodies).map(item)
    }

    /// The template to use, the page's URL and its data.
    public func context(for job: PageJob) -> (template: String, url: String, data: [String: Any]) {
        switch job {
        case .home:
            let latest = Array(items.prefix(model.config.perPage))
            return (
                "home", model.urls.home,
                base(title: model.config.title, url: model.urls.home, kind: "home", extra: ["list": latest])
            )
        case .article(let i):
            let article = model.articles[i]
            let data = articleData(article, item: items[i])
            return (
                "article", article.url,
                base(
                    title: article.title, url: article.url, kind: "article", description: bodies[i].summary, extra: data
                )
            )
        case .standalone(let i):
            let page = model.pages[i]
            let data = articleData(page, item: pageItems[i])
            return ("page", page.url, base(title: page.title, url: page.url, kind: "page", extra: data))
        case .category(let c, let slice):
            let category = model.categories[c]
            let list = category.articles[slice.range].map { items[$0] }
            let title = slice.number > 1 ? "\(category.title) - Trang \(slice.number)" : category.title
            var data: [String: Any] = [
                "category": [
                    "title": category.title,
                    "url": category.url,
                    "key": category.key,
                    "children": category.children.map {
                        ["title": model.categories[$0].title, "url": model.categories[$0].url]
                    },
                    "has_children": !category.children.isEmpty,
                ] as [String: Any],
                "breadcrumb": breadcrumb(categoryIndex: c),
                "list": list,
                "pagination": pagination(slice),
            ]
            data["count"] = category.articles.count
            return ("category", slice.url, base(title: title, url: slice.url, kind: "category", extra: data))
        }
    }

    private func base(title: String, url: String, kind: String, description: String = "", extra: [String: Any])
        -> [String: Any]
    {
        var data = extra
        data["site"] = site
        data["page"] =
            [
                "title": title,
                "url": url,
                "canonical_url": absolute(url),
                "kind": kind,
                "description": description,
                "is_\(kind)": true,
            ] as [String: Any]
        return data
    }

    private func articleData(_ article: Article, item: [String: Any]) -> [String: Any] {
        var entry = item
        if let author = article.author { entry["author"] = author }
        if let source = article.source { entry["source"] = source }
        if let bloc = article.bloc { entry["bloc"] = ["name": bloc] }
        if let meeting = article.meeting { entry["meeting"] = meeting }
        entry["units"] = article.units.map { ["name": $0] }
        entry["tags"] = article.tags.map { ["name": $0] }
        var params: [String: Any] = [:]
        for (key, value) in article.extra {
            if let v = value.templateValue { params[key] = v }
        }
        entry["params"] = params
        var data: [String: Any] = ["article": entry]
        if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
            data["breadcrumb"] = breadcrumb(categoryIndex: c)
        }
        return data
    }

    private func breadcrumb(categoryIndex: Int) -> [[String: Any]] {
        model.categories.ancestry(of: categoryIndex).map {
            ["title": model.categories[$0].title, "url": model.categories[$0].url]
        }
    }

    private func pagination(_ slice: PageSlice) -> [String: Any] {
        var data: [String: Any] = [
            "current": slice.number,
            "total": slice.total,
            "has_pages": slice.total > 1,
            "pages": (1...slice.total).map { n -> [String: Any] in
                ["number": n, "url": model.urls.paginated(slice.listURL, page: n), "current": n == slice.number]
            },
        ]
        if let previous = slice.previousURL { data["previous_url"] = previous }
        if let next = slice.nextURL { data["next_url"] = next }
        return data
    }

    /// The absolute URL of a site path (`baseURL` always ends with "/").
    func absolute(_ path: String) -> String {
        let relative = path.hasPrefix(model.urls.basePath) ? path.dropFirst(model.urls.basePath.count) : path[...]
        return model.config.baseURL + relative
    }
}
