/// One output page to render; the list of jobs is the site's page inventory.
public enum PageJob: Sendable, Equatable {
    case home
    /// Index into `SiteModel.articles`.
    case article(Int)
    /// Index into `SiteModel.pages`.
    case standalone(Int)
    /// Index into the category tree, and which page of its list.
    case category(Int, PageSlice)

    /// Every page of the site, in a stable order.
    public static func plan(for model: SiteModel) -> [PageJob] {
        var jobs: [PageJob] = [.home]
        jobs += model.articles.indices.map(PageJob.article)
        jobs += model.pages.indices.map(PageJob.standalone)
        for (c, category) in model.categories.categories.enumerated() {
            let slices = Pagination.slices(
                count: category.articles.count, perPage: model.config.perPage, listURL: category.url, urls: model.urls)
            jobs += slices.map { PageJob.category(c, $0) }
        }
        return jobs
    }
}
