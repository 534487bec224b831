/// Data for the list pages: home, category, bloc/unit/tag and the term indexes.
extension PageContexts {
    func home() -> (template: String, url: String, data: PageContext) {
        let featured = model.articles.indices.filter { model.articles[$0].featured }.prefix(model.config.perPage)
            .map { items[$0] }
        let sections = model.categories.roots.map { c in
            let category = model.categories[c]
            return HomePageData.Section(
                title: category.title, url: category.url, key: category.key,
                list: category.articles.prefix(Self.homeSectionSize).map { items[$0] })
        }
        var home = HomePageData(featured: featured, sections: sections, list: Array(items.prefix(model.config.perPage)))
        if !model.documents.documents.isEmpty {
            home.documents = homeDocuments()
            home.documentsLink = LinkData(title: model.config.documents.title, url: model.urls.documents)
        }
        let url = model.urls.home
        return ("home", url, context(title: model.config.title, url: url, kind: .home, content: .home(home)))
    }

    func category(_ c: Int, _ slice: PageSlice) -> (template: String, url: String, data: PageContext) {
        let category = model.categories[c]
        let data = CategoryPageData(
            title: category.title, url: category.url, key: category.key, feedURL: model.urls.feed(ofList: category.url),
            children: category.children.map {
                LinkData(title: model.categories[$0].title, url: model.categories[$0].url)
            },
            breadcrumb: breadcrumb(categoryIndex: c),
            list: category.articles[slice.range].map { items[$0] },
            count: category.articles.count,
            pagination: pagination(slice))
        let title = slice.number > 1 ? "\(category.title) - Trang \(slice.number)" : category.title
        return ("category", slice.url, context(title: title, url: slice.url, kind: .category, content: .category(data)))
    }

    func term(_ kind: TaxonomyKind, _ t: Int, _ slice: PageSlice) -> (
        template: String, url: String, data: PageContext
    ) {
        let taxonomy = model.taxonomy(kind)
        let term = taxonomy.terms[t]
        let data = TermPageData(
            name: term.name, url: term.url, count: term.articles.count, kind: kind, kindURL: taxonomy.url,
            list: term.articles[slice.range].map { items[$0] }, pagination: pagination(slice))
        let title = slice.number > 1 ? "\(term.name) - Trang \(slice.number)" : term.name
        return ("term", slice.url, context(title: title, url: slice.url, kind: .term, content: .term(data)))
    }

    /// A year (`month` nil) or a month of the date archive.
    func archive(year y: Int, month m: Int?, _ slice: PageSlice) -> (template: String, url: String, data: PageContext) {
        let year = model.archive.years[y]
        func monthTitle(_ month: DateArchive.Month) -> String { "Tháng \(month.month)/\(month.year)" }
        var data: ArchivePageData
        if let m {
            let month = year.months[m]
            let all = model.archive.months
            let position = all.firstIndex { $0.url == month.url }!
            data = ArchivePageData(
                title: monthTitle(month), url: month.url, count: month.articles.count, isMonth: true,
                list: month.articles[slice.range].map { items[$0] }, pagination: pagination(slice))
            data.older =
                position + 1 < all.count
                ? LinkData(title: monthTitle(all[position + 1]), url: all[position + 1].url) : nil
            data.newer = position > 0 ? LinkData(title: monthTitle(all[position - 1]), url: all[position - 1].url) : nil
            data.breadcrumb = [LinkData(title: "Năm \(year.year)", url: year.url)]
        } else {
            data = ArchivePageData(
                title: "Năm \(year.year)", url: year.url, count: year.articles.count, isMonth: false,
                list: year.articles[slice.range].map { items[$0] }, pagination: pagination(slice))
            data.months = year.months.map { TermLinkData(name: monthTitle($0), url: $0.url, count: $0.articles.count) }
            let years = model.archive.years
            data.older = y + 1 < years.count ? LinkData(title: "Năm \(years[y + 1].year)", url: years[y + 1].url) : nil
            data.newer = y > 0 ? LinkData(title: "Năm \(years[y - 1].year)", url: years[y - 1].url) : nil
        }
        let title = slice.number > 1 ? "\(data.title) - Trang \(slice.number)" : data.title
        return ("archive", slice.url, context(title: title, url: slice.url, kind: .archive, content: .archive(data)))
    }

    func taxonomyIndex(_ kind: TaxonomyKind) -> (template: String, url: String, data: PageContext) {
        let url = model.taxonomy(kind).url
        let data = TermsPageData(kind: kind, url: url, terms: termLinks[kind] ?? [])
        return ("terms", url, context(title: kind.title, url: url, kind: .terms, content: .terms(data)))
    }
}
