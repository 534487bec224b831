/// The `article` template's data: the article, its terms as links and the three news lists.
extension PageContexts {
    func article(_ i: Int) -> (template: String, url: String, data: PageContext) {
        let article = model.articles[i]
        if article.document != nil { return document(i) }
        let data = articleData(article, entry: items[i], body: bodies[i].storedHTML) { kind in
            model.taxonomy(kind).termsOfArticle[i].map { termLinks[kind]![$0] }
        }
        var content = ArticlePageData(
            article: data,
            newer: model.related.newer[i].map { items[$0] },
            older: model.related.older[i].map { items[$0] },
            related: model.related.related[i].map { items[$0] },
            breadcrumb: breadcrumb(of: article))
        if let term = model.topics.termsOfArticle[i].first {
            content.topic = termLinks[.topic]![term]
            let others = model.topics.terms[term].articles.lazy.filter { $0 != i }.prefix(Self.topicListSize)
            content.topicArticles = others.map { items[$0] }
        }
        return articlePage(article, content, summary: bodies[i].summary)
    }

    /// An expired article's page: the article as it was, marked archived, without the news
    /// lists (it is in none of them); its terms link to their pages when they still have one.
    func archived(_ i: Int) -> (template: String, url: String, data: PageContext) {
        let article = model.archived[i]
        let data = articleData(article, entry: archivedItems[i], body: archivedBodies[i].storedHTML) { kind in
            let terms = model.taxonomy(kind).terms
            return kind.names(article).compactMap { name in
                let key = Taxonomy.mergeKey(name)
                return terms.firstIndex { Taxonomy.mergeKey($0.name) == key }.map { termLinks[kind]![$0] }
            }
        }
        var content = ArticlePageData(
            article: data, newer: [], older: [], related: [], breadcrumb: breadcrumb(of: article))
        content.archivedOn = article.expires.map(dates.short)
        return articlePage(article, content, summary: archivedBodies[i].summary)
    }

    /// What the page shows of the article itself; `links` gives its terms of a kind as links.
    func articleData(
        _ article: Article, entry: SharedTemplateValue, body: StoredText, links: (TaxonomyKind) -> [TermLinkData]
    ) -> ArticleData {
        ArticleData(
            entry: entry, body: body, author: article.author, source: article.source,
            meeting: article.meeting.map { ($0, Self.meetingTitles[$0] ?? $0) },
            bloc: links(.bloc).first, units: links(.units), tags: links(.tags), params: article.extra,
            attachments: article.attachments)
    }

    private func breadcrumb(of article: Article) -> [LinkData]? {
        article.categoryKey.flatMap(model.categories.index(ofKey:)).map(breadcrumb(categoryIndex:))
    }

    private func articlePage(_ article: Article, _ content: ArticlePageData, summary: String) -> (
        template: String, url: String, data: PageContext
    ) {
        let page = context(
            title: article.title, url: article.url, kind: .article, description: summary,
            image: Self.image(of: article, model: model)?.shareURL, content: .article(content))
        return ("article", article.url, page)
    }

    /// Articles of the same topic shown on an article's page, as NukeViet shows them.
    static let topicListSize = 10

    static let meetingTitles = ["so-ket": "Sơ kết", "tong-ket": "Tổng kết"]
}
