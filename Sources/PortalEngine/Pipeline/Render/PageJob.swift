/// One output file to render; the list of jobs is the site's whole inventory.
public enum PageJob: Sendable, Equatable {
    case home
    /// Index into `SiteModel.articles`.
    case article(Int)
    /// Index into `SiteModel.pages`.
    case standalone(Int)
    /// Index into `SiteModel.archived`: an expired article's page.
    case archived(Int)
    /// Index into the category tree, and which page of its list.
    case category(Int, PageSlice)
    /// A bloc, unit or tag: index into the taxonomy's terms, and which page.
    case term(TaxonomyKind, Int, PageSlice)
    /// A year or a month of the date archive (indices into `DateArchive.years` and its
    /// `months`; month nil for the year), and which page.
    case archive(year: Int, month: Int?, PageSlice)
    /// A page of the documents (văn bản) list.
    case documents(PageSlice)
    /// Every document's fields, for the documents list's filters.
    case documentsData
    /// RSS of the newest documents.
    case documentsFeed
    /// The list of all blocs, units or tags.
    case taxonomyIndex(TaxonomyKind)
    case notFound
    /// The search page, `/tim-kiem/`.
    case search
    /// Index into `SiteModel.aliases`.
    case alias(Int)
    /// RSS for the whole site (nil) or one category.
    case feed(category: Int?)
    case sitemap
    case robots
    /// The web server settings Apache and IIS read from the site's folder.
    case serverConfig(ServerConfig.Kind)

    /// Every output of the site, in a stable order.
    public static func plan(for model: SiteModel) -> [PageJob] {
        var jobs: [PageJob] = [.home, .notFound, .search, .sitemap, .robots, .feed(category: nil)]
        jobs += model.articles.indices.map(PageJob.article)
        jobs += model.pages.indices.map(PageJob.standalone)
        jobs += model.archived.indices.map(PageJob.archived)
        for (c, category) in model.categories.categories.enumerated() {
            jobs.append(.feed(category: c))
            jobs += slices(count: category.articles.count, listURL: category.url, model: model).map {
                PageJob.category(c, $0)
            }
        }
        for kind in TaxonomyKind.allCases {
            let taxonomy = model.taxonomy(kind)
            jobs.append(.taxonomyIndex(kind))
            for (t, term) in taxonomy.terms.enumerated() {
                jobs += slices(count: term.articles.count, listURL: term.url, model: model).map {
                    PageJob.term(kind, t, $0)
                }
            }
        }
        for (y, year) in model.archive.years.enumerated() {
            jobs += slices(count: year.articles.count, listURL: year.url, model: model).map {
                PageJob.archive(year: y, month: nil, $0)
            }
            for (m, month) in year.months.enumerated() {
                jobs += slices(count: month.articles.count, listURL: month.url, model: model).map {
                    PageJob.archive(year: y, month: m, $0)
                }
            }
        }
        if !model.documents.documents.isEmpty {
            jobs += slices(count: model.documents.documents.count, listURL: model.urls.documents, model: model).map(
                PageJob.documents)
            jobs += [.documentsData, .documentsFeed]
        }
        jobs += model.aliases.indices.map(PageJob.alias)
        if model.config.deployFiles.htaccess { jobs.append(.serverConfig(.apache)) }
        if model.config.deployFiles.webConfig { jobs.append(.serverConfig(.iis)) }
        return jobs
    }

    static func slices(count: Int, listURL: String, model: SiteModel) -> [PageSlice] {
        Pagination.slices(count: count, perPage: model.config.perPage, listURL: listURL, urls: model.urls)
    }
}
