/// The `article` template's data: the article, its terms as links and the three news lists.
extension PageContexts {
    func article(_ i: Int) -> (template: String, url: String, data: PageContext) {
        let article = model.articles[i]
        func links(_ kind: TaxonomyKind) -> [TermLinkData] {
            model.taxonomy(kind).termsOfArticle[i].map { termLinks[kind]![$0] }
        }
        let data = ArticleData(
            entry: items[i], author: article.author, source: article.source,
            meeting: article.meeting.map { ($0, Self.meetingTitles[$0] ?? $0) },
            bloc: links(.bloc).first, units: links(.units), tags: links(.tags), params: article.extra,
            attachments: article.attachments)
        var breadcrumb: [LinkData]?
        if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
            breadcrumb = self.breadcrumb(categoryIndex: c)
        }
        var content = ArticlePageData(
            article: data,
            newer: model.related.newer[i].map { items[$0] },
            older: model.related.older[i].map { items[$0] },
            related: model.related.related[i].map { items[$0] },
            breadcrumb: breadcrumb)
        if let term = model.topics.termsOfArticle[i].first {
            content.topic = termLinks[.topic]![term]
            let others = model.topics.terms[term].articles.lazy.filter { $0 != i }.prefix(Self.topicListSize)
            content.topicArticles = others.map { items[$0] }
        }
        let page = context(
            title: article.title, url: article.url, kind: .article, description: bodies[i].summary,
            image: Self.image(of: article, model: model)?.shareURL, content: .article(content))
        return ("article", article.url, page)
    }

    /// An expired article's page: the article as it was, marked archived, without the news
    /// lists (it is in none of them); its terms link to their pages when they still have one.
    func archived(_ i: Int) -> (template: String, url: String, data: PageContext) {
        let article = model.archived[i]
        func links(_ kind: TaxonomyKind, _ names: [String]) -> [TermLinkData] {
            let terms = model.taxonomy(kind).terms
            return names.compactMap { name in
                let key = Taxonomy.mergeKey(name)
                return terms.firstIndex { Taxonomy.mergeKey($0.name) == key }.map { termLinks[kind]![$0] }
            }
        }
        let data = ArticleData(
            entry: archivedItems[i], author: article.author, source: article.source,
            meeting: article.meeting.map { ($0, Self.meetingTitles[$0] ?? $0) },
            bloc: links(.bloc, article.bloc.map { [$0] } ?? []).first, units: links(.units, article.units),
            tags: links(.tags, article.tags), params: article.extra, attachments: article.attachments)
        var content = ArticlePageData(
            article: data, newer: [], older: [], related: [],
            breadcrumb: article.categoryKey.flatMap(model.categories.index(ofKey:)).map(breadcrumb(categoryIndex:)))
        content.archivedOn = article.expires.map(dates.short)
        let page = context(
            title: article.title, url: article.url, kind: .article, description: archivedBodies[i].summary,
            image: Self.image(of: article, model: model)?.shareURL, content: .article(content))
        return ("article", article.url, page)
    }

    /// Articles of the same topic shown on an article's page, as NukeViet shows them.
    static let topicListSize = 10

    static let meetingTitles = ["so-ket": "Sơ kết", "tong-ket": "Tổng kết"]
}
