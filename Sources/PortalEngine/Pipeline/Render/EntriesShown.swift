/// Which articles' list entries (`items`) each page's data holds, read from the model without
/// building the data: a page whose entries and article are unchanged, in a site of the same
/// shape (`ModelShape`), is the page of the last build.
///
/// It must name every entry the context builders put in a page; `EntriesShownTests` compares
/// the two on whole sites.
extension PageContexts {
    /// Indices into `items`. An article's own page shows its entry's fields as its own, not
    /// as an entry: that is not named.
    func entriesShown(by job: PageJob) -> [Int] {
        switch job {
        case .home:
            let featured = model.articles.indices.filter { model.articles[$0].featured }.prefix(model.config.perPage)
            let sections = model.categories.roots.flatMap {
                model.categories[$0].articles.prefix(Self.homeSectionSize)
            }
            return Array(featured) + sections + Array(items.indices.prefix(model.config.perPage))
        case .article(let i):
            guard model.articles[i].document == nil else { return [] }
            var shown = model.related.newer[i] + model.related.older[i] + model.related.related[i]
            if let term = model.topics.termsOfArticle[i].first {
                shown += model.topics.terms[term].articles.lazy.filter { $0 != i }.prefix(Self.topicListSize)
            }
            return shown
        case .category(let c, let slice): return Array(model.categories[c].articles[slice.range])
        case .term(let kind, let t, let slice): return Array(model.taxonomy(kind).terms[t].articles[slice.range])
        case .archive(let y, let m, let slice):
            let year = model.archive.years[y]
            return Array((m.map { year.months[$0].articles } ?? year.articles)[slice.range])
        case .standalone, .archived, .documents, .taxonomyIndex, .notFound, .search, .alias, .feed, .sitemap,
            .robots, .serverConfig, .documentsData, .documentsFeed:
            return []
        }
    }
}
