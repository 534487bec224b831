import Foundation

/// The `site` value every template receives, built once per build.
enum SiteContext {
    static func make(model: SiteModel, now: Timestamp, dates: VietnameseDateFormat, blocs: [[String: Any]])
        -> [String: Any]
    {
        let config = model.config
        let tree = model.categories
        func link(_ index: Int) -> [String: Any] {
            let c = tree[index]
            let children = c.children.map(link)
            return [
                "title": c.title, "url": c.url, "key": c.key, "children": children, "has_children": !children.isEmpty,
            ]
        }
        let offset = LocalDateTime(now, in: config.timeZone).utcOffsetSeconds
        var site: [String: Any] = [
            "title": config.title,
            "base_url": config.baseURL,
            "base_path": model.urls.basePath,
            "language": config.language,
            "locale": config.language == "vi" ? "vi_VN" : config.language,
            "menu": tree.roots.map(link),
            "pages": model.pages.map { ["title": $0.title, "url": $0.url] },
            "has_pages": !model.pages.isEmpty,
            "blocs": blocs,
            "has_blocs": !blocs.isEmpty,
            "taxonomies": TaxonomyKind.allCases.map { ["title": $0.title, "url": model.taxonomy($0).url] },
            "feed_url": model.urls.basePath + "index.xml",
            "search_url": model.urls.search,
            "build_year": LocalDateTime(now, in: config.timeZone).year,
            "utc_offset_minutes": offset / 60,
            "counter": [
                "endpoint": config.counterEndpoint,
                "enabled": !config.counterEndpoint.isEmpty,
            ] as [String: Any],
        ]
        var params: [String: Any] = [:]
        for (key, value) in config.extra {
            if let v = value.templateValue { params[key] = v }
        }
        site["params"] = params
        return site
    }
}
