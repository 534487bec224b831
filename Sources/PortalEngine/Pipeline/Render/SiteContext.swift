/// The `site` value every template receives, built once per build.
enum SiteContext {
    static func make(model: SiteModel, now: Timestamp, blocs: [TermLinkData]) -> SiteData {
        let config = model.config
        let tree = model.categories
        func menuItem(_ index: Int) -> MenuItemData {
            let c = tree[index]
            return MenuItemData(title: c.title, url: c.url, key: c.key, children: c.children.map(menuItem))
        }
        var menu = tree.roots.map(menuItem)
        if !model.documents.documents.isEmpty {
            menu.append(
                MenuItemData(
                    title: config.documents.title, url: model.urls.documents, key: model.urls.segments.documents,
                    children: []))
        }
        let local = LocalDateTime(now, in: config.timeZone)
        var site = SiteData(
            title: config.title,
            baseURL: config.baseURL,
            basePath: model.urls.basePath,
            language: config.language,
            locale: config.language == "vi" ? "vi_VN" : config.language,
            menu: menu,
            pages: model.pages.map { LinkData(title: $0.title, url: $0.url) },
            blocs: blocs,
            taxonomies: TaxonomyKind.allCases.map { LinkData(title: $0.title, url: model.taxonomy($0).url) },
            feedURL: model.urls.feed,
            searchURL: model.urls.search,
            buildYear: local.year,
            utcOffsetMinutes: local.utcOffsetSeconds / 60,
            counterEndpoint: config.counterEndpoint,
            params: config.extra)
        site.archive = model.archive.years.map { year in
            (
                TermLinkData(name: String(year.year), url: year.url, count: year.articles.count),
                year.months.map { TermLinkData(name: "Tháng \($0.month)", url: $0.url, count: $0.articles.count) }
            )
        }
        return site
    }
}
