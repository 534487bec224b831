/// An article or standalone page as lists show it. Its body is not part of it: a list shows
/// none, and an edit to a body would otherwise change every page listing the article.
struct ListEntryData {
    /// An article's date as lists print it.
    struct Dates {
        /// "Thứ Hai, 08/07/2024 - 14:30" (without the time when the article gives none).
        var full: String
        var short: String
        var withTime: String
        var iso: String
    }

    var title: String
    var url: String
    var summary: String
    var date: Dates?
    var lastmod: (text: String, iso: String)?
    var image: ImageData?
    var featured: Bool
    var category: LinkData?
}
