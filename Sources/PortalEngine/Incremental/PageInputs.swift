import Foundation

/// What a build's pages were made from, kept for the next build into the same output folder.
///
/// `key` covers everything pages show except the bodies' HTML: the settings, each file's front
/// matter, the files and photos under content/, the theme, the site's shared data, the day (for
/// documents' status), every redirect and every article's list entry (title, date, summary,
/// image…): an article coming due or expiring changes the entries. The HTML is stamped per
/// article. When
/// a rebuild has the same key, a page that shows no changed body is the page the previous build
/// wrote: it is kept without building its context or fingerprint. That is the usual edit, a
/// body corrected; any other change makes every page go through its fingerprint as before.
struct PageInputs: Equatable, Sendable {
    var key: UInt64
    /// A hash of each article's body HTML, and of each expired article's.
    var articleBodies: [UInt64]
    var archivedBodies: [UInt64]
    /// The output path of each page job, in plan order (filled in as pages are written).
    var paths: [String] = []

    /// A hash of what the model is made from, but the bodies: taken after loading, as the
    /// Markdown texts are let go before pages are made.
    static func sources(_ loaded: LoadedSite, options: BuildOptions) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(loaded.config.textStamp)
        hasher.add(loaded.config.baseURL)
        hasher.add(loaded.config.counterEndpoint)
        hasher.add(options.includeDrafts ? "drafts" : "no drafts")
        hasher.add(options.includeFuture ? "future" : "no future")
        for document in loaded.documents {
            hasher.add(document.file.sourcePath)
            hasher.add(document.file.relativePath)
            hasher.add(document.kind.rawValue)
            hasher.add(UInt64(document.bodyFirstLine))
            hasher.add(document.frontMatterStamp)
        }
        for file in loaded.contentAssets + loaded.staticAssets {
            hasher.add(file.sourcePath)
            hasher.add(UInt64(loaded.assetSizes[file.relativePath] ?? -1 &+ 1))
        }
        for (path, probe) in loaded.photos.photos.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            add(probe, to: &hasher)
        }
        return hasher.value
    }

    /// This build's inputs, from `sources` and what the pages share; `paths` is left empty.
    static func make(sources: UInt64, contexts: PageContexts, theme: Theme, now: Timestamp)
        -> PageInputs
    {
        var hasher = StableHasher()
        hasher.add("page-inputs-v1")
        hasher.add(EngineIdentity.value)
        hasher.add(sources)
        hasher.add(theme.fingerprint)
        hasher.add(contexts.site.fingerprint)
        // Documents show their status "as of" the build's day.
        hasher.add(contexts.dates.short(now))
        for item in contexts.items + contexts.pageItems + contexts.archivedItems { hasher.add(item.fingerprint) }
        // Redirects come from the front matter and from the record of published URLs, which
        // `sources` does not cover: they are hashed as they are.
        for alias in contexts.model.aliases {
            hasher.add(alias.outputPath)
            hasher.add(alias.targetURL)
        }
        return PageInputs(
            key: hasher.value, articleBodies: parallelMap(contexts.bodies, stamp),
            archivedBodies: contexts.archivedBodies.map(stamp))
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
    func unchangedPages(since previous: PageInputs?, jobs: [PageJob]) -> (@Sendable (Int) -> String?)? {
        guard let previous, previous.key == key, previous.paths.count == jobs.count,
            previous.articleBodies.count == articleBodies.count,
            previous.archivedBodies.count == archivedBodies.count
        else { return nil }
        return { j in
            switch jobs[j] {
            case .article(let i) where previous.articleBodies[i] != articleBodies[i]: return nil
            case .archived(let i) where previous.archivedBodies[i] != archivedBodies[i]: return nil
            // Outputs written in code (redirects, feeds, the sitemap…) show only what the key
            // covers: URLs, dates, titles, summaries, the day.
            default: return previous.paths[j]
            }
        }
    }
}

extension PageInputs {
    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "page-inputs-v1", ext: "txt")
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
            let articles = hashes("articles"), let archived = hashes("archived"),
            let count = lines.field("jobs").flatMap(CacheTextLines.int), lines.count == count + 1
        else { return nil }
        var paths: [String] = []
        paths.reserveCapacity(count)
        for _ in 0..<count { lines.next().map { paths.append(CacheTextLines.text($0)) } }
        guard lines.next()?.isEmpty == true else { return nil }  // the file ends with its last line
        return PageInputs(key: key, articleBodies: articles, archivedBodies: archived, paths: paths)
    }

    /// Deleted before the output is swapped, like the page cache.
    static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output))
    }

    /// Written after a successful build only, through a temporary file and a rename.
    func save(sourceRoot: URL, output: URL) {
        var text = "output\t\(output.path)\nengine\t\(String(EngineIdentity.value, radix: 16))\n"
        text += "key\t\(String(key, radix: 16))\n"
        text += "articles\t\(articleBodies.count)\n" + articleBodies.map { String($0, radix: 16) + "\n" }.joined()
        text += "archived\t\(archivedBodies.count)\n" + archivedBodies.map { String($0, radix: 16) + "\n" }.joined()
        text += "jobs\t\(paths.count)\n" + paths.map { $0 + "\n" }.joined()
        CacheFiles.write(Data(text.utf8), to: Self.url(sourceRoot: sourceRoot, output: output))
    }
}
