import Foundation

/// "Xem theo ngày": the listed articles by year and by month of their date in the site's time
/// zone, newest first, for `/YYYY/` and `/YYYY/MM/`.
public struct DateArchive: Sendable {
    /// One month that has articles.
    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        public var url: String
        /// Indices into `SiteModel.articles`, newest first.
        public var articles: [Int]
    }

    /// One year that has articles, with its months, newest first.
    public struct Year: Sendable {
        public var year: Int
        public var url: String
        public var articles: [Int]
        public var months: [Month]
    }

    public var years: [Year] = []

    public init() {}

    /// `articles` newest first, as the model keeps them.
    init(articles: [Article], zone: TimeZone, urls: SiteURLs) {
        for i in articles.indices {  // by index: no copy of each article
            // Documents are browsed by their own year filter; the archive is the news.
            guard let date = articles[i].date, articles[i].document == nil else { continue }
            let local = LocalDateTime(date, in: zone)
            if years.last?.year != local.year {
                years.append(Year(year: local.year, url: urls.archive(year: local.year), articles: [], months: []))
            }
            years[years.count - 1].articles.append(i)
            if years[years.count - 1].months.last?.month != local.month {
                years[years.count - 1].months.append(
                    Month(
                        year: local.year, month: local.month, url: urls.archive(year: local.year, month: local.month),
                        articles: []))
            }
            let y = years.count - 1
            years[y].months[years[y].months.count - 1].articles.append(i)
        }
    }

    /// Every month with articles, newest first: a month page links to its neighbours in it.
    public var months: [Month] { years.flatMap(\.months) }
}
