/// sitemap.xml: every HTML page of the site with its last change, robots.txt pointing to it.
enum Sitemap {
    static func render(jobs: [PageJob], contexts: PageContexts) -> String {
        let model = contexts.model
        let dates = contexts.dates
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func newest(_ list: [Int]) -> Timestamp? {
            list.compactMap { model.articles[$0].lastmod ?? model.articles[$0].date }.max()
        }
        for job in jobs {
            let url: String
            let lastmod: Timestamp?
            switch job {
            case .home:
                url = model.urls.home
                lastmod = newest(Array(model.articles.indices.prefix(50)))
            case .article(let i):
                url = model.articles[i].url
                lastmod = model.articles[i].lastmod ?? model.articles[i].date
            case .standalone(let i):
                url = model.pages[i].url
                lastmod = model.pages[i].lastmod ?? model.pages[i].date
            case .archived(let i):
                url = model.archived[i].url
                lastmod = model.archived[i].lastmod ?? model.archived[i].date
            case .category(let c, let slice):
                url = slice.url
                lastmod = newest(Array(model.categories[c].articles[slice.range]))
            case .term(let kind, let t, let slice):
                url = slice.url
                lastmod = newest(Array(model.taxonomy(kind).terms[t].articles[slice.range]))
            case .archive(let y, let m, let slice):
                url = slice.url
                let year = model.archive.years[y]
                lastmod = newest(Array((m.map { year.months[$0].articles } ?? year.articles)[slice.range]))
            case .documents(let slice):
                url = slice.url
                lastmod = newest(Array(model.documents.documents[slice.range]))
            case .taxonomyIndex(let kind):
                url = model.taxonomy(kind).url
                lastmod = nil
            case .search:
                url = model.urls.search
                lastmod = nil
            case .notFound, .alias, .feed, .sitemap, .robots, .serverConfig, .documentsData, .documentsFeed:
                continue
            }
            xml += "<url><loc>\(XMLText.escape(contexts.absolute(url)))</loc>"
            if let lastmod { xml += "<lastmod>\(dates.iso8601(lastmod))</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    static func robots(contexts: PageContexts) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(contexts.absolute(contexts.model.urls.sitemap))\n"
    }
}
