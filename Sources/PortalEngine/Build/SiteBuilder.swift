import Foundation

/// Runs the pipeline: load → model → render → write. Public output changes only on success.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let started = Date()
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        func stopIfErrors() throws(BuildFailure) {
            if diagnostics.containsErrors { throw BuildFailure(diagnostics: diagnostics) }
        }

        // Load
        let (loadedConfig, configProblems) = SiteConfigLoader.load(from: options.sourceRoot)
        diagnostics += configProblems
        let (theme, themeProblems) = Theme.load(siteRoot: options.sourceRoot)
        diagnostics += themeProblems
        guard var config = loadedConfig else { throw BuildFailure(diagnostics: diagnostics) }
        if let override = options.baseURLOverride {
            guard let url = URL(string: override), url.scheme != nil, url.host != nil else {
                diagnostics.append(.error("--base-url", nil, Message(.baseURLOverrideInvalid, "\(override)")))
                throw BuildFailure(diagnostics: diagnostics)
            }
            config.baseURL = override.hasSuffix("/") ? override : override + "/"
        }
        if let endpoint = options.counterEndpointOverride { config.counterEndpoint = endpoint }
        clock.lap("config and templates")

        // Nothing this build reads has changed since the last build into this output, and the
        // output is still whole: there is nothing to do. The inputs are stamped before anything
        // is read, so a file edited during this build makes the next one build.
        let inputs = options.useCache && diagnostics.isEmpty ? UpToDateCheck.inputs(options, config: config) : nil
        if let inputs, let record = upToDateRecord(inputs: inputs, options: options) {
            clock.lap("up-to-date check")
            return BuildReport(
                articles: record.articles, pagesWritten: record.pages, filesCopied: record.copied,
                seconds: Date().timeIntervalSince(started), diagnostics: [], stageSeconds: clock.laps,
                filesWritten: 0, filesUnchanged: record.files.count, searchIndex: .reused, upToDate: true,
                scheduled: record.scheduled, nextScheduled: record.nextScheduled, timeZone: config.timeZone)
        }
        clock.lap("up-to-date check")
        let loaded = ContentLoader.load(sourceRoot: options.sourceRoot, config: config)
        diagnostics += loaded.diagnostics
        clock.lap("load content")
        options.progress?.begin(.markdown, total: loaded.documents.count)

        // Model
        // Read without the output's lock: a build finishing meanwhile can only add URLs it also
        // knows, and this build's record replaces it.
        let published = PublishedURLs.load(fromOutput: options.output)
        let (model, modelProblems) = ModelBuilder.build(
            loaded, includeDrafts: options.includeDrafts, now: options.now, includeFuture: options.includeFuture,
            published: published)
        diagnostics += modelProblems
        clock.lap("model")
        // Bodies are rendered even when the model found errors, so that one run reports the
        // missing images and broken links too; the articles in error are not in the model.
        guard let theme else { throw BuildFailure(diagnostics: diagnostics) }

        // Render bodies
        let (renderedBodies, bodyProblems) = BodyRenderer.renderAll(
            model.articles, paths: model.paths, unsafeHTML: config.unsafeHTML)
        let (pageBodies, pageProblems) = BodyRenderer.renderAll(
            model.pages, paths: model.paths, unsafeHTML: config.unsafeHTML)
        diagnostics += bodyProblems + pageProblems
        clock.lap("markdown")
        options.progress?.begin(.search)
        try stopIfErrors()
        if options.strict, !diagnostics.isEmpty {
            diagnostics.append(.error("build-site", nil, Message(.strictWarnings, .number(diagnostics.count))))
            throw BuildFailure(diagnostics: diagnostics)
        }

        // From here on the previous output and its caches are read: another build of the same
        // output must not swap them meanwhile.
        let lock: BuildLock
        let staging: OutputStaging
        do {
            lock = try BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
            staging = try OutputStaging(output: options.output)
        } catch {
            diagnostics.append(.error(options.output.path, nil, Message(.outputUnprepared, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
        // The previous build's index files are kept when nothing searchable changed and they are
        // all still in the output; decided now, so the plain text can be dropped right away.
        let searchStamps = SearchIndexBuilder.documentStamps(model: model, bodies: renderedBodies)
        let searchFingerprint = SearchIndexBuilder.fingerprint(model: model, stamps: searchStamps)
        let cachedPages =
            options.useCache ? PageCache.load(sourceRoot: options.sourceRoot, output: options.output) : nil
        let previousSearch = cachedPages?.entries.filter { $0.key.hasPrefix("search/") } ?? [:]
        let reuseSearch =
            !previousSearch.isEmpty
            && previousSearch.allSatisfy { path, entry in
                var info = stat()
                return entry.fingerprint == searchFingerprint
                    && stat(options.output.appendingPathComponent(path).path, &info) == 0
                    && Int(info.st_size) == entry.size
            }
        // Otherwise a few changed articles are patched into the previous index; more, or no
        // usable previous index, and it is built whole.
        let previousIndex =
            options.useCache ? SearchIndexCache.load(sourceRoot: options.sourceRoot, output: options.output) : nil
        var searchFiles: [(path: String, text: String)] = []
        var searchCache = reuseSearch ? previousIndex.flatMap { $0.stamps == searchStamps ? $0 : nil } : nil
        let searchMode: BuildReport.SearchIndexMode
        if reuseSearch {
            searchMode = .reused
        } else if let previousIndex,
            let patched = SearchIndexBuilder.update(
                previousOutput: options.output, previous: previousIndex, stamps: searchStamps, model: model,
                bodies: renderedBodies)
        {
            searchMode = .patched
            searchFiles = patched.files
            searchCache = SearchIndexCache(shardCount: patched.shardCount, stamps: searchStamps)
        } else {
            searchMode = .rebuilt
            let index = SearchIndexBuilder.build(model: model, bodies: renderedBodies)
            searchFiles = index.files
            searchCache = SearchIndexCache(shardCount: index.shardCount, stamps: searchStamps)
        }
        // The plain text served only the index; pages need the HTML and summaries.
        let bodies = renderedBodies.map { RenderedBody(html: $0.html, summary: $0.summary) }
        clock.lap("search index")

        // Render pages and write
        let contexts = PageContexts(
            model: model, bodies: bodies, pageBodies: pageBodies, now: options.now, theme: theme,
            itemCache: options.useCache ? ItemCache.load(sourceRoot: options.sourceRoot) : ItemCache())
        let pageTheme = theme.withSitePartialsRendered(site: contexts.site)
        let jobs = PageJob.plan(for: model)
        clock.lap("page contexts")
        options.progress?.begin(.pages, total: jobs.count)
        let writeProblems = WriteProblems()
        let renderer = OutputRenderer(contexts: contexts, theme: pageTheme, jobs: jobs)
        let nextPages = PageCacheBuilder(output: options.output.path)
        let tally = RenderTally()
        parallelForEach(count: jobs.count) { i in
            if writeProblems.failed { return }
            defer { options.progress?.advance() }
            let prepared = renderer.prepare(jobs[i])
            if let fingerprint = prepared.fingerprint, let old = cachedPages?.entries[prepared.path],
                old.fingerprint == fingerprint, staging.keepPrevious(prepared.path, size: old.size)
            {
                nextPages.record(prepared.path, fingerprint: fingerprint, size: old.size)
                tally.count(reused: true)
                return
            }
            tally.count(reused: false)
            let text = prepared.render()
            do {
                try staging.write(text, to: prepared.path)
                if let fingerprint = prepared.fingerprint {
                    nextPages.record(prepared.path, fingerprint: fingerprint, size: text.utf8.count)
                }
            } catch {
                writeProblems.append(.error(options.output.path, nil, Message(.systemError, "\(error)")))
            }
        }
        if reuseSearch {
            for (path, entry) in previousSearch where !writeProblems.failed {
                if staging.keepPrevious(path, size: entry.size) {
                    nextPages.record(path, fingerprint: searchFingerprint, size: entry.size)
                } else {
                    writeProblems.append(.error(options.output.path, nil, Message(.searchFileNotKept, "\(path)")))
                }
            }
        }
        do {
            try staging.write(model.publishedURLs.text, to: PublishedURLs.fileName)
        } catch {
            writeProblems.append(.error(options.output.path, nil, Message(.systemError, "\(error)")))
        }
        for (path, text) in searchFiles where !writeProblems.failed {
            do {
                try staging.write(text, to: path)
                nextPages.record(path, fingerprint: searchFingerprint, size: text.utf8.count)
            } catch {
                writeProblems.append(.error(options.output.path, nil, Message(.systemError, "\(error)")))
            }
        }
        clock.lap("render and write pages")
        options.progress?.begin(.copying)
        let copies = AssetCopier.plan(model: model, builtInTheme: Theme.builtInRoot, sourceRoot: options.sourceRoot)
        diagnostics += copies.diagnostics
        for copy in copies.files {
            do {
                try staging.copy(from: copy.source, to: copy.destination)
            } catch {
                writeProblems.append(.error(copy.label, nil, Message(.systemError, "\(error)")))
            }
        }
        diagnostics += writeProblems.all
        if diagnostics.containsErrors {
            staging.discard()
            throw BuildFailure(diagnostics: diagnostics)
        }
        clock.lap("copy files")
        options.progress?.begin(.finishing)
        if options.useCache {
            PageCache.remove(sourceRoot: options.sourceRoot, output: options.output)
            SearchIndexCache.remove(sourceRoot: options.sourceRoot, output: options.output)
            UpToDateCheck.remove(sourceRoot: options.sourceRoot, output: options.output)
        }
        do {
            try staging.commit(removeOldInBackground: options.removeOldOutputInBackground)
        } catch {
            staging.discard()
            diagnostics.append(.error(options.output.path, nil, Message(.outputNotReplaced, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
        clock.lap("swap into place")
        if options.useCache {
            let pageCache = nextPages.cache
            pageCache.save(sourceRoot: options.sourceRoot)
            contexts.renderedItems.save(sourceRoot: options.sourceRoot)
            searchCache?.save(sourceRoot: options.sourceRoot, output: options.output)
            if let inputs, diagnostics.isEmpty {
                let files = UpToDateCheck.filesAndSizes(in: options.output)
                let record = UpToDateCheck.Record(
                    inputs: inputs, articles: model.articles.count, pages: jobs.count, copied: copies.files.count,
                    files: files, nextScheduled: model.scheduled.first, scheduled: model.scheduled.count)
                UpToDateCheck.save(record, sourceRoot: options.sourceRoot, output: options.output)
            }
        }
        withExtendedLifetime(lock) {}  // held until the output and its cache are both in place
        return BuildReport(
            articles: model.articles.count, pagesWritten: jobs.count, filesCopied: copies.files.count,
            seconds: Date().timeIntervalSince(started), diagnostics: diagnostics, stageSeconds: clock.laps,
            filesWritten: staging.writeCounts.written, filesUnchanged: staging.writeCounts.kept,
            searchIndex: searchMode, pagesRendered: tally.rendered, pagesReused: tally.reused,
            itemsRendered: contexts.itemsRendered, itemsReused: contexts.itemsReused, upToDate: false,
            leftoversSkipped: loaded.leftoversSkipped, scheduled: model.scheduled.count,
            nextScheduled: model.scheduled.first, timeZone: config.timeZone)
    }
}

extension SiteBuilder {
    /// The previous build's record when it had these inputs and its output is whole; read and
    /// checked under the output's lock, so a build finishing meanwhile cannot be mistaken for it.
    static func upToDateRecord(inputs: UInt64, options: BuildOptions) -> UpToDateCheck.Record? {
        // A first look without the lock: most builds stop here, and need not wait for another.
        guard UpToDateCheck.load(sourceRoot: options.sourceRoot, output: options.output)?.inputs == inputs,
            let lock = try? BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
        else { return nil }
        defer { withExtendedLifetime(lock) {} }
        guard let record = UpToDateCheck.load(sourceRoot: options.sourceRoot, output: options.output),
            record.inputs == inputs, UpToDateCheck.outputIsIntact(record, output: options.output)
        else { return nil }
        // A scheduled article has come due: the same inputs now make another site.
        if let due = record.nextScheduled, options.now >= due { return nil }
        return record
    }
}

/// Write failures gathered from render threads. A full or read-only disk fails every write the
/// same way: the first few are kept, the rest counted, and rendering stops at the first.
final class WriteProblems: @unchecked Sendable {
    static let kept = 5
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var dropped = 0

    func append(_ d: Diagnostic) {
        lock.withLock {
            if items.count < Self.kept { items.append(d) } else { dropped += 1 }
        }
    }

    var failed: Bool { lock.withLock { !items.isEmpty } }

    var all: [Diagnostic] {
        lock.withLock {
            guard dropped > 0, let first = items.first else { return items }
            return items + [.error(first.file, nil, Message(.moreFilesNotWritten, .number(dropped)))]
        }
    }
}

/// Collects the fingerprints of this build's pages from render threads.
final class PageCacheBuilder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (fingerprint: UInt64, size: Int)] = [:]
    private let output: String

    init(output: String) { self.output = output }

    func record(_ path: String, fingerprint: UInt64, size: Int) {
        lock.withLock { entries[path] = (fingerprint, size) }
    }

    var cache: PageCache { lock.withLock { PageCache(output: output, entries: entries) } }
}

/// Counts pages rendered and kept, from render threads.
final class RenderTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (rendered: 0, reused: 0)

    func count(reused: Bool) {
        lock.withLock {
            if reused { counts.reused += 1 } else { counts.rendered += 1 }
        }
    }

    var rendered: Int { lock.withLock { counts.rendered } }
    var reused: Int { lock.withLock { counts.reused } }
}
