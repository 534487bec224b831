/// A page's whole template context: the site, the page itself, and what its kind shows.
struct PageContext {
    var site: SharedTemplateValue
    var page: PageInfo
    var content: PageContent
}

/// What each kind of page shows, one type per kind.
enum PageContent {
    case home(HomePageData)
    case article(ArticlePageData)
    case standalone(StandalonePageData)
    case category(CategoryPageData)
    case term(TermPageData)
    case terms(TermsPageData)
    case archive(ArchivePageData)
    case document(DocumentPageData)
    case documents(DocumentsPageData)
    case search(SearchPageData)
    case notFound
}

/// The `page` value: what every page says about itself.
struct PageInfo {
    /// Templates test `is_<kind>`; the raw values are part of the theme's contract.
    enum Kind: String {
        case home, article, page, category, term, terms, search, archive, document, documents
        case notFound = "not_found"
    }

    var title: String
    var url: String
    var canonicalURL: String
    var kind: Kind
    var description: String
    /// The lead image as an absolute URL, for social previews.
    var imageAbsolute: String?
}

/// The page numbers under a list.
struct PaginationData {
    enum Link {
        case gap
        case page(number: Int, url: String, current: Bool)
    }

    var current: Int
    var total: Int
    var pages: [Link]
    var previousURL: String?
    var nextURL: String?
}

/// The home page: featured articles, one section per top category, the latest articles.
struct HomePageData {
    struct Section {
        var title: String
        var url: String
        var key: String
        var list: [SharedTemplateValue]
    }

    var featured: [SharedTemplateValue]
    var sections: [Section]
    var list: [SharedTemplateValue]
    /// The newest documents, for the "Văn bản" block, and the list's title and address.
    var documents: [DocumentRowData] = []
    var documentsLink: LinkData? = nil
}

/// An article with what only its own page shows.
struct ArticleData {
    /// The article's list entry, whose fields the page repeats.
    var entry: SharedTemplateValue
    /// The rendered body (HTML).
    var body: StoredText
    var author: String?
    var source: String?
    var meeting: (key: String, title: String)?
    var bloc: TermLinkData?
    var units: [TermLinkData]
    var tags: [TermLinkData]
    var params: [String: YAMLValue]
    var attachments: [Attachment] = []
}

/// An article's page: the article and the three news lists.
struct ArticlePageData {
    var article: ArticleData
    var newer: [SharedTemplateValue]
    var older: [SharedTemplateValue]
    var related: [SharedTemplateValue]
    /// "Theo dòng sự kiện": the topic and up to 10 other articles of it, newest first.
    var topic: TermLinkData? = nil
    var topicArticles: [SharedTemplateValue] = []
    /// For an expired article: the day it left the lists ("01/01/2020").
    var archivedOn: String? = nil
    /// Absent for an article without a category.
    var breadcrumb: [LinkData]?
}

/// A standalone page (giới thiệu, liên hệ).
struct StandalonePageData {
    var article: SharedTemplateValue
}

/// One page of a category's list.
struct CategoryPageData {
    var title: String
    var url: String
    var key: String
    var feedURL: String
    var children: [LinkData]
    /// The category and its parents, from the top.
    var breadcrumb: [LinkData]
    var list: [SharedTemplateValue]
    var count: Int
    var pagination: PaginationData
}

/// One page of a bloc's, unit's or tag's list.
struct TermPageData {
    var name: String
    var url: String
    var count: Int
    var kind: TaxonomyKind
    /// The list of all terms of this kind, the breadcrumb's one step.
    var kindURL: String
    var list: [SharedTemplateValue]
    var pagination: PaginationData
}

/// The list of all blocs, units or tags.
struct TermsPageData {
    var kind: TaxonomyKind
    var url: String
    var terms: [TermLinkData]
}

/// The search page.
struct SearchPageData {
    var indexURL: String
}

/// A year or a month of the date archive: its articles, its months (for a year), and the
/// neighbouring years or months that have articles.
struct ArchivePageData {
    /// "Năm 2019" or "Tháng 7/2019", and its address.
    var title, url: String
    var count: Int, isMonth: Bool
    var list: [SharedTemplateValue], pagination: PaginationData
    /// A year's months, newest first, with their counts.
    var months: [TermLinkData] = []
    /// Older and newer neighbours that have articles.
    var older: LinkData?
    var newer: LinkData?
    var breadcrumb: [LinkData] = []
}
