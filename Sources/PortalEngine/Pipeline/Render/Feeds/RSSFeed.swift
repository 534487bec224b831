/// RSS 2.0 for the site or one category: the newest 50 articles, absolute URLs, RFC 822 dates.
enum RSSFeed {
    static let itemLimit = 50

    static func render(
        title: String, pageURL: String, feedURL: String, articles: [Int], contexts: PageContexts
    ) -> String {
        let model = contexts.model
        let dates = contexts.dates
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(XMLText.escape(title))</title>
            <link>\(XMLText.escape(contexts.absolute(pageURL)))</link>
            <description>\(XMLText.escape(title))</description>
            <language>\(XMLText.escape(model.config.language))</language>
            <atom:link href="\(XMLText.escape(contexts.absolute(feedURL)))" rel="self" type="application/rss+xml"/>

            """
        // The newest article's date, not the clock: an unchanged site gives an unchanged feed.
        if let newest = articles.first.flatMap({ model.articles[$0].date }) {
            xml += "<lastBuildDate>\(dates.rfc822(newest))</lastBuildDate>\n"
        }
        for i in articles.prefix(itemLimit) {
            let article = model.articles[i]
            let link = XMLText.escape(contexts.absolute(article.url))
            xml += "<item>\n<title>\(XMLText.escape(article.title))</title>\n<link>\(link)</link>\n"
            xml += "<guid isPermaLink=\"true\">\(link)</guid>\n"
            if let date = article.date { xml += "<pubDate>\(dates.rfc822(date))</pubDate>\n" }
            if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
                xml += "<category>\(XMLText.escape(model.categories[c].title))</category>\n"
            }
            xml += "<description>\(XMLText.escape(contexts.bodies[i].summary))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }
}
