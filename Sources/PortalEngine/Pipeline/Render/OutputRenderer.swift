/// Turns one page job into its output file: templated pages through the theme, the rest in code.
public final class OutputRenderer: @unchecked Sendable {
    let contexts: PageContexts
    let theme: Theme
    let jobs: [PageJob]

    public init(contexts: PageContexts, theme: Theme, jobs: [PageJob]) {
        self.contexts = contexts
        self.theme = theme
        self.jobs = jobs
    }

    /// An output before rendering: where it goes and, for templated pages, its fingerprint.
    public struct Prepared {
        public var path: String
        /// Same value, same bytes: the hash of the context, the templates and the engine build.
        public var fingerprint: UInt64?
        /// The output's UTF-8: a templated page is rendered into bytes, never made a String.
        public var render: () -> [UInt8]
    }

    /// Builds the page's context and fingerprint; rendering waits until `render` is called.
    public func prepare(_ job: PageJob) -> Prepared {
        let model = contexts.model
        if let (template, url, context) = contexts.context(for: job) {
            let data = context.templateValue
            let path = model.urls.outputPath(forURL: url)
            var seed = StableHasher()
            seed.add(theme.fingerprint)
            seed.add(EngineIdentity.value)
            seed.add(template)
            seed.add(relativeLinks(job) ? "relative links" : "site links")
            let fingerprint = ContextFingerprint.of(data, seed: seed.value)
            let theme = self.theme
            if relativeLinks(job) {
                let basePath = model.urls.basePath
                return Prepared(path: path, fingerprint: fingerprint) {
                    Array(
                        RelativeURLs.rewrite(theme.render(data, template: template), pagePath: path, basePath: basePath)
                            .utf8)
                }
            }
            return Prepared(path: path, fingerprint: fingerprint) { theme.renderBytes(data, template: template) }
        }
        if case .alias(let i) = job { return redirect(model.aliases[i], relative: relativeLinks(job)) }
        let (path, text) = renderGenerated(job)
        return Prepared(path: path, fingerprint: nil) { Array(text.utf8) }
    }

    /// A redirect is fingerprinted by what it is made of: the many old addresses a site keeps
    /// are not written out again at every edit.
    private func redirect(_ alias: Alias, relative: Bool) -> Prepared {
        let model = contexts.model
        let absolute = contexts.absolute(alias.targetURL)
        var hasher = StableHasher()
        hasher.add("redirect")
        hasher.add(EngineIdentity.value)
        hasher.add(alias.targetURL)
        hasher.add(absolute)
        hasher.add(model.config.title)
        hasher.add(relative ? "relative links" : "site links")
        return Prepared(path: alias.outputPath, fingerprint: hasher.value) {
            let text = RedirectPage.render(target: alias.targetURL, absoluteTarget: absolute, title: model.config.title)
            guard relative else { return Array(text.utf8) }
            return Array(RelativeURLs.rewrite(text, pagePath: alias.outputPath, basePath: model.urls.basePath).utf8)
        }
    }

    /// The 404 page is shown by servers at any depth, where relative links would break.
    private func relativeLinks(_ job: PageJob) -> Bool {
        contexts.model.config.relativeURLs && job != .notFound
    }

    /// The other outputs written in code, not templates: feeds, sitemap, robots.txt.
    private func renderGenerated(_ job: PageJob) -> (path: String, text: String) {
        let model = contexts.model
        switch job {
        case .feed(let category):
            if let c = category {
                let cat = model.categories[c]
                let feed = model.urls.feed(ofList: cat.url)
                let title = "\(cat.title) - \(model.config.title)"
                return (
                    model.urls.outputPath(forURL: feed),
                    RSSFeed.render(
                        title: title, pageURL: cat.url, feedURL: feed, articles: cat.articles, contexts: contexts)
                )
            }
            let feed = model.urls.feed
            let all = Array(model.articles.indices.prefix(RSSFeed.itemLimit))
            return (
                model.urls.outputPath(forURL: feed),
                RSSFeed.render(
                    title: model.config.title, pageURL: model.urls.home, feedURL: feed, articles: all,
                    contexts: contexts)
            )
        case .documentsData:
            return (model.urls.outputPath(forURL: model.urls.documentsData), contexts.documentsJSON())
        case .documentsFeed:
            let list = model.urls.documents
            let feed = model.urls.feed(ofList: list)
            let title = "\(model.config.documents.title) - \(model.config.title)"
            return (
                model.urls.outputPath(forURL: feed),
                RSSFeed.render(
                    title: title, pageURL: list, feedURL: feed, articles: model.documents.documents, contexts: contexts)
            )
        case .sitemap:
            return (model.urls.outputPath(forURL: model.urls.sitemap), Sitemap.render(jobs: jobs, contexts: contexts))
        case .robots:
            return (model.urls.outputPath(forURL: model.urls.robots), Sitemap.robots(contexts: contexts))
        case .serverConfig(let kind):
            return (kind.fileName, ServerConfig.render(kind, basePath: model.urls.basePath))
        default:
            return ("", "")
        }
    }
}
