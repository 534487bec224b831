import Foundation

/// What a build's pages were made from, kept for the next build into the same output folder.
///
/// `key` covers everything pages show except the bodies' HTML: the settings, each file's front
/// matter, the files and photos under content/, the theme, the site's shared data, the day (for
/// documents' status), every redirect and every article's list entry (title, date, summary,
/// image…): an article coming due or expiring changes the entries. The HTML is stamped per
/// article. When a rebuild has the same key, a page that shows no changed body is the page the
/// previous build wrote: it is kept without building its context or fingerprint. That is the
/// usual edit, a body corrected.
///
/// `frame` covers the same but the news articles' own fields and entries: with the same frame,
/// the model has the same shape (`ModelShape`) and a page differs only by the entries it shows
/// or, for an article's page, by its article. A title corrected keeps every page that shows
/// neither. Any other change makes every page go through its fingerprint as before.
struct PageInputs: Equatable, Sendable {
    var key: UInt64
    /// A hash of each article's body HTML, and of each expired article's.
    var articleBodies: [UInt64]
    var archivedBodies: [UInt64]
    var frame: UInt64 = 0
    /// Each article's list entry (its fingerprint), and its own fields (its file's stamp and URL).
    var entries: [UInt64] = []
    var articles: [UInt64] = []
    /// The output path of each page job, in plan order (filled in as pages are written).
    var paths: [String] = []

    /// What the model is made from, but the bodies: taken after loading, as the Markdown texts
    /// are let go before pages are made.
    struct Sources: Sendable {
        /// All of it: the key of a kept model.
        var value: UInt64
        /// All but the Markdown files.
        var shared: UInt64
        /// Each Markdown file's front matter, place and kind, by source path.
        var files: [String: UInt64]
    }

    static func sources(_ loaded: LoadedSite, options: BuildOptions) -> Sources {
        var hasher = StableHasher()
        hasher.add(loaded.config.textStamp)
        hasher.add(loaded.config.baseURL)
        hasher.add(loaded.config.counterEndpoint)
        hasher.add(options.includeDrafts ? "drafts" : "no drafts")
        hasher.add(options.includeFuture ? "future" : "no future")
        for file in loaded.contentAssets + loaded.staticAssets {
            hasher.add(file.sourcePath)
            hasher.add(UInt64(loaded.assetSizes[file.relativePath] ?? -1 &+ 1))
        }
        for (path, probe) in loaded.photos.photos.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            add(probe, to: &hasher)
        }
        let shared = hasher.value
        var files: [String: UInt64] = [:]
        files.reserveCapacity(loaded.documents.count)
        // By index: `for document in` copied each one, every counted field.
        for i in loaded.documents.indices {
            var file = StableHasher()
            file.add(loaded.documents[i].file.sourcePath)
            file.add(loaded.documents[i].file.relativePath)
            file.add(loaded.documents[i].kind.rawValue)
            file.add(UInt64(loaded.documents[i].bodyFirstLine))
            file.add(loaded.documents[i].frontMatterStamp)
            files[loaded.documents[i].file.sourcePath] = file.value
            hasher.add(file.value)
        }
        return Sources(value: hasher.value, shared: shared, files: files)
    }

    /// This build's inputs, from `sources` and what the pages share; `paths` is left empty.
    static func make(sources: Sources, contexts: PageContexts, theme: Theme, now: Timestamp) -> PageInputs {
        let model = contexts.model
        var common = StableHasher()
        common.add(EngineIdentity.value)
        common.add(theme.fingerprint)
        common.add(contexts.site.fingerprint)
        // Documents show their status "as of" the build's day.
        common.add(contexts.dates.short(now))
        for item in contexts.pageItems + contexts.archivedItems { common.add(item.fingerprint) }
        let entries = contexts.items.map(\.fingerprint)

        var hasher = StableHasher()
        hasher.add("page-inputs-v2")
        hasher.add(common.value)
        hasher.add(sources.value)
        for entry in entries { hasher.add(entry) }
        // Redirects come from the front matter and from the record of published URLs, which
        // `sources` does not cover: they are hashed as they are.
        for alias in model.aliases {
            hasher.add(alias.outputPath)
            hasher.add(alias.targetURL)
        }

        // Redirects are not in the frame: when only the frame matches, every output written in
        // code is made again (a redirect is then kept by its own fingerprint).
        var frame = StableHasher()
        frame.add("page-frame-v1")
        frame.add(common.value)
        frame.add(sources.shared)
        frame.add(ModelShape.digest(model))
        // The files of pages, documents, expired articles and of articles not listed (drafts,
        // future ones) are in the frame whole: their fields show beyond their page and entry.
        let news = Set(model.articles.lazy.filter { $0.document == nil }.map(\.file.sourcePath))
        var others: (count: UInt64, sum: UInt64) = (0, 0)
        for (path, stamp) in sources.files where !news.contains(path) {
            others.count += 1
            others.sum &+= stamp
        }
        frame.add(others.count)
        frame.add(others.sum)
        return PageInputs(
            key: hasher.value, articleBodies: parallelMap(contexts.bodies, stamp),
            archivedBodies: contexts.archivedBodies.map(stamp), frame: frame.value, entries: entries,
            articles: model.articles.map { article in
                var own = StableHasher()
                own.add(sources.files[article.file.sourcePath] ?? 0)
                own.add(article.url)
                return own.value
            })
    }

    @Sendable private static func stamp(_ body: RenderedBody) -> UInt64 { body.storedHTML.stableHash }

    private static func add(_ probe: PhotoProbe, to hasher: inout StableHasher) {
        switch probe {
        case .photo(let photo):
            hasher.add("photo \(photo.width) \(photo.height) \(photo.loader)")
            hasher.add(photo.contentHash)
        case .unreadable(let reason): hasher.add("unreadable " + reason)
        case .tooLarge(let width, let height): hasher.add("too large \(width) \(height)")
        }
    }

    /// For each job of this build, the previous build's path of its page when that page is
    /// known to be unchanged; nil when this build must look at every page.
    func unchangedPages(since previous: PageInputs?, jobs: [PageJob], contexts: PageContexts) -> (
        @Sendable (Int) -> String?
    )? {
        guard let previous, previous.articleBodies.count == articleBodies.count,
            previous.archivedBodies.count == archivedBodies.count
        else { return nil }
        let (bodies, archivedBodies, paths) = (articleBodies, self.archivedBodies, previous.paths)
        if previous.key == key, paths.count == jobs.count {
            return { j in
                switch jobs[j] {
                case .article(let i) where previous.articleBodies[i] != bodies[i]: return nil
                case .archived(let i) where previous.archivedBodies[i] != archivedBodies[i]: return nil
                // Outputs written in code (redirects, feeds, the sitemap…) show only what the key
                // covers: URLs, dates, titles, summaries, the day.
                default: return paths[j]
                }
            }
        }
        guard previous.frame == frame, previous.entries.count == entries.count,
            previous.articles.count == articles.count
        else { return nil }
        // The same shape plans the same pages before the redirects, which come last.
        let changed = Set(entries.indices.filter { entries[$0] != previous.entries[$0] })
        let articles = self.articles
        return { j in
            guard j < paths.count else { return nil }
            switch jobs[j] {
            case .article(let i)
            where previous.articleBodies[i] != bodies[i] || previous.articles[i] != articles[i] || changed.contains(i):
                return nil
            case .archived(let i) where previous.archivedBodies[i] != archivedBodies[i]: return nil
            case .alias, .feed, .sitemap, .robots, .serverConfig, .documentsData, .documentsFeed: return nil
            case let job: return contexts.entriesShown(by: job).contains(where: changed.contains) ? nil : paths[j]
            }
        }
    }
}

extension PageInputs {
    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "page-inputs-v2", ext: "txt")
    }

    /// Nil when missing, unreadable, for another output folder or another engine binary.
    static func load(sourceRoot: URL, output: URL) -> PageInputs? {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output).path) else {
            return nil
        }
        var lines = CacheTextLines([UInt8](data), keepingEmptyLines: true)
        func hashes(_ name: String) -> [UInt64]? {
            guard let count = lines.field(name).flatMap(CacheTextLines.int), lines.count >= count else { return nil }
            var values: [UInt64] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = lines.next().flatMap(CacheTextLines.hex) else { return nil }
                values.append(value)
            }
            return values
        }
        guard lines.field("output").map(CacheTextLines.text) == output.path,
            lines.field("engine").flatMap(CacheTextLines.hex) == EngineIdentity.value,
            let key = lines.field("key").flatMap(CacheTextLines.hex),
            let bodies = hashes("bodies"), let archived = hashes("archived"),
            let frame = lines.field("frame").flatMap(CacheTextLines.hex),
            let entries = hashes("entries"), let articles = hashes("articles"),
            let count = lines.field("jobs").flatMap(CacheTextLines.int), lines.count == count + 1
        else { return nil }
        var paths: [String] = []
        paths.reserveCapacity(count)
        for _ in 0..<count { lines.next().map { paths.append(CacheTextLines.text($0)) } }
        guard lines.next()?.isEmpty == true else { return nil }  // the file ends with its last line
        return PageInputs(
            key: key, articleBodies: bodies, archivedBodies: archived, frame: frame, entries: entries,
            articles: articles, paths: paths)
    }

    /// Deleted before the output is swapped, like the page cache.
    static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output))
    }

    /// Written after a successful build only, through a temporary file and a rename.
    func save(sourceRoot: URL, output: URL) {
        var text = "output\t\(output.path)\nengine\t\(String(EngineIdentity.value, radix: 16))\n"
        text += "key\t\(String(key, radix: 16))\n"
        func hashes(_ name: String, _ values: [UInt64]) {
            text += "\(name)\t\(values.count)\n" + values.map { String($0, radix: 16) + "\n" }.joined()
        }
        hashes("bodies", articleBodies)
        hashes("archived", archivedBodies)
        text += "frame\t\(String(frame, radix: 16))\n"
        hashes("entries", entries)
        hashes("articles", articles)
        text += "jobs\t\(paths.count)\n" + paths.map { $0 + "\n" }.joined()
        CacheFiles.write(Data(text.utf8), to: Self.url(sourceRoot: sourceRoot, output: output))
    }
}
