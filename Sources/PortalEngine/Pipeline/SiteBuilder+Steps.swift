import Foundation

extension SiteBuilder {
    /// site.yaml with the command line's overrides applied, and the theme (nil when a template
    /// is broken; the diagnostics say why).
    static func loadSettings(_ options: BuildOptions, diagnostics: inout [Diagnostic]) throws(BuildFailure) -> (
        SiteConfig, Theme?
    ) {
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
        return (config, theme)
    }

    /// Every Markdown file under content/, through the memory of parsed files when there is one;
    /// the memory then starts decoding their bodies.
    static func loadContent(
        _ options: BuildOptions, config: SiteConfig, documents: DocumentMemory?, stamps: ObservedStamps
    ) -> LoadedSite {
        documents?.observe(stamps)
        let loaded = ContentLoader.load(
            sourceRoot: options.sourceRoot, config: config, memory: documents, unchanged: options.unchangedFiles,
            walked: stamps.contentEntries)
        prefetchBodies(loaded, config: config, documents: documents, options: options)
        return loaded
    }

    /// Starts decoding the loaded files' bodies from the store while the model is built. Not
    /// for the preview's builds with a kept model: they take unchanged bodies unread.
    static func prefetchBodies(
        _ loaded: LoadedSite, config: SiteConfig, documents: DocumentMemory?, options: BuildOptions
    ) {
        guard let documents, options.modelMemory == nil else { return }
        documents.prefetchBodies(BodyRenderer.bodyKeys(of: loaded.documents, unsafeHTML: config.unsafeHTML))
    }

    /// The model; with a `ModelMemory`, the one kept from the last build when nothing it is made
    /// of changed since (`sources`, and the URL record of the output).
    static func buildModel(_ loaded: LoadedSite, sources: PageInputs.Sources, options: BuildOptions) -> (
        model: SiteModel, problems: [Diagnostic], kept: Bool
    ) {
        let record = PublishedURLs.recordData(in: options.output)  // parsed only to build the model
        // The preview keeps its whole model instead.
        let relatedStore =
            options.useCache && options.modelMemory == nil
            ? RelatedNewsStore(sourceRoot: options.sourceRoot, settings: loaded.config.textStamp) : nil
        let build = {
            ModelBuilder.build(
                loaded, includeDrafts: options.includeDrafts, now: options.now, includeFuture: options.includeFuture,
                published: PublishedURLs.parse(record), relatedStore: relatedStore)
        }
        guard let memory = options.modelMemory else {
            let (model, problems) = build()
            return (model, problems, false)
        }
        var key = StableHasher()
        key.add(sources.value)
        key.add(PublishedURLs.stamp(of: record))
        if let (kept, problems) = memory.model(for: key.value, now: options.now) {
            var model = kept
            model.takeMarkdown(from: loaded.documents)
            return (model, problems, true)
        }
        let (model, problems) = build()
        memory.remember(model, problems: problems, key: key.value, now: options.now)
        return (model, problems, false)
    }

    /// Every body, through the memory; the memory is then saved (while the build goes on), even
    /// when the build will fail: what parsed cleanly is worth keeping. The Markdown texts are
    /// then let go: nothing after needs them (710 MB at 100,000 articles).
    static func renderBodies(
        _ model: inout SiteModel, _ loaded: inout LoadedSite, _ documents: DocumentMemory?, modelKept: Bool,
        _ options: BuildOptions, run: inout BuildRun
    ) -> BodyRenderer.SiteBodies {
        let bodies = BodyRenderer.renderSite(
            model, unsafeHTML: model.config.unsafeHTML, memory: documents, sameLinksAsLastBuild: modelKept,
            unchanged: options.unchangedFiles)
        run.diagnostics += bodies.diagnostics
        documents?.startPersisting()
        loaded.documents = []
        model.forgetMarkdown()
        documents?.returnFreedMemoryOfStreamedFiles()
        return bodies
    }

    /// The output's lock (`lock` when the build has it already) and a staging folder beside it.
    static func prepareOutput(_ options: BuildOptions, lock: BuildLock?, diagnostics: inout [Diagnostic])
        throws(BuildFailure) -> (BuildLock, OutputStaging)
    {
        do {
            let lock = try lock ?? BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
            let staging = try OutputStaging(
                output: options.output, inPlace: options.writeInPlace, keepSpare: options.useCache,
                folderMemory: options.inPlaceFolder)
            return (lock, staging)
        } catch {
            diagnostics.append(.error(options.output.path, nil, Message(.outputUnprepared, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
    }

    /// The memory forgets what the build did not use; the build's data goes as `options` say.
    static func finish(_ documents: DocumentMemory?, data: Any, _ options: BuildOptions) {
        documents?.endBuild()
        options.dataDisposal.dispose(data)
    }

    /// The stamp of every input, for the up-to-date check and the next build's, and each file of
    /// content/'s own stamp, for the loader; none without the cache, without the check, or when
    /// the settings had problems.
    static func inputsStamp(_ options: BuildOptions, config: SiteConfig, settingsRead: Bool) -> (
        UInt64?, ObservedStamps
    ) {
        var stamps = ObservedStamps()
        guard options.useCache, options.checkUpToDate, settingsRead else { return (nil, stamps) }
        return (UpToDateCheck.inputs(options, config: config, stamps: &stamps), stamps)
    }

    /// The previous build's record when it had these inputs and its output is whole; read and
    /// checked under the output's lock, so a build finishing meanwhile cannot be mistaken for it.
    static func upToDateRecord(inputs: UInt64, options: BuildOptions) -> UpToDateCheck.Record? {
        // A first look without the lock: most builds stop here, and need not wait for another.
        guard UpToDateCheck.recordedInputs(sourceRoot: options.sourceRoot, output: options.output) == inputs,
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

extension BuildReport {
    /// The report of a build that found nothing to do.
    static func upToDate(_ record: UpToDateCheck.Record, seconds: Double, laps: [(String, Double)], config: SiteConfig)
        -> BuildReport
    {
        BuildReport(
            articles: record.articles, documents: record.documents, pagesWritten: record.pages,
            filesCopied: record.copied, seconds: seconds,
            diagnostics: [], stageSeconds: laps, filesWritten: 0, filesUnchanged: record.files.count,
            searchIndex: .reused, upToDate: true, scheduled: record.scheduled, nextScheduled: record.nextScheduled,
            timeZone: config.timeZone)
    }
}

/// What a build carries from stage to stage: its diagnostics and its clock.
struct BuildRun {
    private let started = Date()
    var clock = StageClock()
    var diagnostics: [Diagnostic] = []

    var seconds: Double { Date().timeIntervalSince(started) }

    mutating func lap(_ stage: String) { clock.lap(stage) }

    /// Stops on an error, and on any warning with `strict`.
    mutating func stopIfFailed(strict: Bool) throws(BuildFailure) {
        if diagnostics.containsErrors { throw BuildFailure(diagnostics: diagnostics) }
        if strict, !diagnostics.isEmpty {
            diagnostics.append(.error("build-site", nil, Message(.strictWarnings, .number(diagnostics.count))))
            throw BuildFailure(diagnostics: diagnostics)
        }
    }
}

extension SiteBuilder {
    /// Renders every output into the staging folder, reusing what `memory` says is unchanged,
    /// and updates `memory` with what was rendered. The bodies' plain text served only the index.
    /// `sources` is `PageInputs.sources` of the loaded site.
    static func writePages(
        _ model: SiteModel, _ bodies: BodyRenderer.SiteBodies, theme: Theme, sources: PageInputs.Sources,
        memory: inout BuildMemory, search: SearchIndexPlan, staging: OutputStaging, problems: WriteProblems,
        options: BuildOptions, run: inout BuildRun
    ) -> (jobs: [PageJob], contexts: PageContexts, written: PageWriter.Outcome) {
        let contexts = PageContexts(
            model: model,
            bodies: bodies.articles.map {
                RenderedBody(
                    storedHTML: $0.storedHTML, summary: $0.summary, storedPlainText: StoredText(""), photos: [])
            },
            pageBodies: bodies.pages, now: options.now, archivedBodies: bodies.archived,
            kept: options.modelMemory?.entries)
        options.modelMemory?.entries = contexts.entriesToKeep
        let jobs = PageJob.plan(for: model)
        var inputs = PageInputs.make(sources: sources, contexts: contexts, theme: theme, now: options.now)
        run.lap("page contexts")
        options.progress?.begin(.pages, total: jobs.count)
        let writer = PageWriter(
            staging: staging,
            renderer: OutputRenderer(
                contexts: contexts, theme: theme.withSitePartialsRendered(site: contexts.site), jobs: jobs),
            problems: problems, progress: options.progress, outputLabel: options.output.path)
        let written = writer.write(
            jobs, previous: memory.pages,
            unchanged: inputs.unchangedPages(since: memory.pageInputs, jobs: jobs, contexts: contexts),
            search: search, files: [(PublishedURLs.fileName, model.publishedURLs.text)])
        memory.pages = written.pages
        inputs.paths = written.paths
        memory.pageInputs = inputs
        return (jobs, contexts, written)
    }

    /// How this build gets its search index (`SearchIndexPlan`); `memory` records it.
    static func planSearch(
        _ model: SiteModel, _ bodies: BodyRenderer.SiteBodies, _ documents: DocumentMemory?, memory: inout BuildMemory,
        staging: OutputStaging, _ problems: WriteProblems, _ options: BuildOptions
    ) -> SearchIndexPlan {
        let search = SearchIndexPlan.make(
            model: model, bodies: bodies.articles, bodyKeys: bodies.articleKeys, documents: documents,
            previousPages: memory.pages, previousIndex: memory.searchIndex, output: options.output
        ) { path, bytes in
            staging.write(bytes, to: path, reportingTo: problems, label: options.output.path)
        }
        memory.searchIndex = search.record
        return search
    }

    /// Probes the raster images under content/; returns the photo cache it used (none without
    /// `useCache`), for publishing them.
    static func readPhotos(_ loaded: inout LoadedSite, _ options: BuildOptions) -> PhotoCache? {
        let cache = options.useCache ? PhotoCache(sourceRoot: options.sourceRoot) : nil
        loaded.photos = PhotoProber.catalogue(loaded.contentAssets, sourceRoot: options.sourceRoot, cache: cache)
        return cache
    }

    /// Copies the site's files into the staging folder, and publishes its photos: full-size
    /// copies without metadata, and the variants the pages name. Returns how many files.
    static func publishFiles(
        _ model: SiteModel, _ bodies: BodyRenderer.SiteBodies, photos catalogue: PhotoCatalogue, cache: PhotoCache?,
        staging: OutputStaging, problems: WriteProblems, options: BuildOptions, run: inout BuildRun
    ) -> (files: Int, photos: PhotoMaker.Outcome) {
        options.progress?.begin(.copying)
        let copied = AssetCopier.copyAll(
            model: model, sourceRoot: options.sourceRoot, into: staging, problems: problems,
            skipping: catalogue.madeIntoVariants)
        run.lap("copy files")
        options.progress?.begin(.photos)
        let photos = PhotoMaker.publish(
            catalogue, uses: PhotoMaker.uses(model, bodies), settings: model.config.photos,
            sourceRoot: options.sourceRoot, cache: cache, into: staging)
        run.diagnostics += copied.diagnostics + photos.diagnostics
        run.lap("photos")
        return (copied.count + photos.files, photos)
    }

    /// Swaps the staged output into place; the memory of the last build is forgotten first, so
    /// a build killed meanwhile leaves no memory that the output does not match. The memory
    /// then knows what the output and its spare hold.
    static func commit(
        _ staging: OutputStaging, _ options: BuildOptions, memory: inout BuildMemory, diagnostics: inout [Diagnostic]
    ) throws(BuildFailure) {
        BuildMemory.forget(options)
        do {
            try staging.commit(
                removeOldInBackground: options.removeOldOutputInBackground, spareFiles: memory.folders.spare)
            memory.folders = OutputFolderFiles(output: staging.files, spare: memory.folders.output)
        } catch {
            staging.discard()
            diagnostics.append(.error(options.output.path, nil, Message(.outputNotReplaced, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
    }
}

extension BuildReport {
    /// The report of a build that rendered and wrote.
    init(
        model: SiteModel, loaded: LoadedSite, run: BuildRun, pages: Int, copied: Int, photos: PhotoMaker.Outcome,
        staging: OutputStaging, search: SearchIndexPlan, written: PageWriter.Outcome, contexts: PageContexts,
        sources: DocumentMemory.Counts, modelKept: Bool
    ) {
        self.init(
            articles: model.newsCount,
            documents: model.documents.documents.count, pagesWritten: pages, filesCopied: copied, seconds: run.seconds,
            diagnostics: run.diagnostics, stageSeconds: run.clock.laps, filesWritten: staging.writeCounts.written,
            filesUnchanged: staging.writeCounts.kept, searchIndex: search.mode, searchTokenizing: search.tokenizing,
            pagesRendered: written.rendered,
            pagesReused: written.reused, pagesKeptUnseen: written.unseen,
            upToDate: false, leftoversSkipped: loaded.leftoversSkipped, scheduled: model.scheduled.count,
            nextScheduled: model.scheduled.first, timeZone: model.config.timeZone)
        (photosRead, photosMade, photosFromCache) = (loaded.photos.filesRead, photos.made, photos.reused)
        self.sources = sources
        self.modelKept = modelKept
        searchShardsRead = search.shardsRead
    }
}
