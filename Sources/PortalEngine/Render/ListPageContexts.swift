/// Data for the list pages: home, category, bloc/unit/tag and the term indexes.
extension PageContexts {
    func home() -> (template: String, url: String, data: [String: Any]) {
        let featured = model.articles.indices.filter { model.articles[$0].featured }.prefix(model.config.perPage)
            .map { items[$0] }
        let sections: [[String: Any]] = model.categories.roots.map { c in
            let category = model.categories[c]
            let list = category.articles.prefix(Self.homeSectionSize).map { items[$0] }
            return [
                "title": category.title, "url": category.url, "key": category.key, "list": list,
                "has_list": !list.isEmpty,
            ]
        }
        let latest = Array(items.prefix(model.config.perPage))
        let data: [String: Any] = [
            "featured": featured, "has_featured": !featured.isEmpty,
            "sections": sections,
            "list": latest,
        ]
        return (
            "home", model.urls.home, base(title: model.config.title, url: model.urls.home, kind: "home", extra: data)
        )
    }

    func category(_ c: Int, _ slice: PageSlice) -> (template: String, url: String, data: [String: Any]) {
        let category = model.categories[c]
        let children = category.children.map { ["title": model.categories[$0].title, "url": model.categories[$0].url] }
        let data: [String: Any] = [
            "category": [
                "title": category.title, "url": category.url, "key": category.key,
                "feed_url": category.url + "index.xml",
                "children": children, "has_children": !children.isEmpty,
            ] as [String: Any],
            "breadcrumb": breadcrumb(categoryIndex: c),
            "list": category.articles[slice.range].map { items[$0] },
            "count": category.articles.count,
            "pagination": pagination(slice),
        ]
        let title = slice.number > 1 ? "\(category.title) - Trang \(slice.number)" : category.title
        return ("category", slice.url, base(title: title, url: slice.url, kind: "category", extra: data))
    }

    func term(_ kind: TaxonomyKind, _ t: Int, _ slice: PageSlice) -> (
        template: String, url: String, data: [String: Any]
    ) {
        let taxonomy = model.taxonomy(kind)
        let term = taxonomy.terms[t]
        let data: [String: Any] = [
            "term": [
                "name": term.name, "url": term.url, "count": term.articles.count,
                "kind": kind.rawValue, "kind_title": kind.singularTitle,
            ] as [String: Any],
            "breadcrumb": [["title": kind.title, "url": taxonomy.url]],
            "list": term.articles[slice.range].map { items[$0] },
            "count": term.articles.count,
            "pagination": pagination(slice),
        ]
        let title = slice.number > 1 ? "\(term.name) - Trang \(slice.number)" : term.name
        return ("term", slice.url, base(title: title, url: slice.url, kind: "term", extra: data))
    }

    func taxonomyIndex(_ kind: TaxonomyKind) -> (template: String, url: String, data: [String: Any]) {
        let taxonomy = model.taxonomy(kind)
        let terms = termLinks[kind] ?? []
        let data: [String: Any] = [
            "taxonomy": ["title": kind.title, "url": taxonomy.url, "kind": kind.rawValue] as [String: Any],
            "terms": terms, "has_terms": !terms.isEmpty,
        ]
        return ("terms", taxonomy.url, base(title: kind.title, url: taxonomy.url, kind: "terms", extra: data))
    }
}
