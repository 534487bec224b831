/// A title and a URL: menus, breadcrumbs, a category's children, an entry's category.
struct LinkData {
    var title: String
    var url: String
}

/// A bloc, unit or tag as a link, with how many articles it has.
struct TermLinkData {
    var name: String
    var url: String
    var count: Int
}

/// One category of the menu, with its sub-categories.
struct MenuItemData {
    var title: String
    var url: String
    var key: String
    var children: [MenuItemData]
}

/// The `site` value every template receives, built once per build.
struct SiteData {
    var title: String
    var baseURL: String
    var basePath: String
    var language: String
    var locale: String
    var menu: [MenuItemData]
    var pages: [LinkData]
    var blocs: [TermLinkData]
    var taxonomies: [LinkData]
    /// "Xem theo ngày": each year with articles (as a link with its count) and its months.
    var archive: [(year: TermLinkData, months: [TermLinkData])] = []
    var feedURL: String
    var searchURL: String
    var buildYear: Int
    var utcOffsetMinutes: Int
    /// Empty when the site has no counter.
    var counterEndpoint: String
    /// site.yaml's own keys, for themes.
    var params: [String: YAMLValue]
}
