import Foundation

/// Runs the pipeline: load → model → render → search → write. Each stage decides for itself;
/// this only sequences them. The published output changes only when the whole build succeeded.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let started = Date()
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        func stopIfErrors() throws(BuildFailure) {
            if diagnostics.containsErrors { throw BuildFailure(diagnostics: diagnostics) }
        }

        // Load
        let (config, theme) = try loadSettings(options, diagnostics: &diagnostics)
        clock.lap("config and templates")
        // The inputs are stamped before anything is read, so a file edited during this build
        // makes the next one build.
        let inputs = options.useCache && diagnostics.isEmpty ? UpToDateCheck.inputs(options, config: config) : nil
        if let inputs, let record = upToDateRecord(inputs: inputs, options: options) {
            clock.lap("up-to-date check")
            return .upToDate(record, seconds: Date().timeIntervalSince(started), laps: clock.laps, config: config)
        }
        clock.lap("up-to-date check")
        let loaded = ContentLoader.load(sourceRoot: options.sourceRoot, config: config)
        diagnostics += loaded.diagnostics
        clock.lap("load content")
        options.progress?.begin(.markdown, total: loaded.documents.count)

        // Model. The URL record is read without the output's lock: a build finishing meanwhile
        // can only add URLs it also knows, and this build's record replaces it.
        let (model, modelProblems) = ModelBuilder.build(
            loaded, includeDrafts: options.includeDrafts, now: options.now, includeFuture: options.includeFuture,
            published: PublishedURLs.load(fromOutput: options.output))
        diagnostics += modelProblems
        clock.lap("model")
        // Bodies are rendered even when the model found errors, so that one run reports the
        // missing images and broken links too; the articles in error are not in the model.
        guard let theme else { throw BuildFailure(diagnostics: diagnostics) }

        // Render bodies
        let (bodies, bodyProblems) = BodyRenderer.renderAll(
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

        // From here on the previous output and the memory of it are read: another build of the
        // same output must not swap them meanwhile.
        let (lock, staging) = try prepareOutput(options, diagnostics: &diagnostics)
        var memory = BuildMemory.load(options)

        // Search
        let search = SearchIndexPlan.make(
            model: model, bodies: bodies, previousPages: memory.pages, previousIndex: memory.searchIndex,
            output: options.output)
        memory.searchIndex = search.record
        clock.lap("search index")

        // Render pages and write. The plain text served only the index.
        let contexts = PageContexts(
            model: model, bodies: bodies.map { RenderedBody(html: $0.html, summary: $0.summary) },
            pageBodies: pageBodies, now: options.now, theme: theme, itemCache: memory.items)
        let jobs = PageJob.plan(for: model)
        clock.lap("page contexts")
        options.progress?.begin(.pages, total: jobs.count)
        let problems = WriteProblems()
        let writer = PageWriter(
            staging: staging,
            renderer: OutputRenderer(
                contexts: contexts, theme: theme.withSitePartialsRendered(site: contexts.site), jobs: jobs),
            problems: problems, progress: options.progress, outputLabel: options.output.path)
        let written = writer.write(
            jobs, previous: memory.pages, search: search,
            files: [(PublishedURLs.fileName, model.publishedURLs.text)])
        memory.pages = written.pages
        memory.items = contexts.renderedItems
        clock.lap("render and write pages")
        options.progress?.begin(.copying)
        let copies = AssetCopier.plan(model: model, builtInTheme: Theme.builtInRoot, sourceRoot: options.sourceRoot)
        diagnostics += copies.diagnostics
        for copy in copies.files {
            do { try staging.copy(from: copy.source, to: copy.destination) } catch {
                problems.append(.error(copy.label, nil, Message(.systemError, "\(error)")))
            }
        }
        diagnostics += problems.all
        if diagnostics.containsErrors {
            staging.discard()
            throw BuildFailure(diagnostics: diagnostics)
        }
        clock.lap("copy files")

        // Swap into place, then remember this build for the next one.
        options.progress?.begin(.finishing)
        BuildMemory.forget(options)
        do { try staging.commit(removeOldInBackground: options.removeOldOutputInBackground) } catch {
            staging.discard()
            diagnostics.append(.error(options.output.path, nil, Message(.outputNotReplaced, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
        clock.lap("swap into place")
        let record = inputs.flatMap { inputs in
            diagnostics.isEmpty
                ? UpToDateCheck.Record(
                    inputs: inputs, articles: model.articles.count, pages: jobs.count, copied: copies.files.count,
                    files: UpToDateCheck.filesAndSizes(in: options.output), nextScheduled: model.scheduled.first,
                    scheduled: model.scheduled.count) : nil
        }
        memory.save(options, upToDate: record)
        withExtendedLifetime(lock) {}  // held until the output and its memory are both in place
        return BuildReport(
            articles: model.articles.count, pagesWritten: jobs.count, filesCopied: copies.files.count,
            seconds: Date().timeIntervalSince(started), diagnostics: diagnostics, stageSeconds: clock.laps,
            filesWritten: staging.writeCounts.written, filesUnchanged: staging.writeCounts.kept,
            searchIndex: search.mode, pagesRendered: written.rendered, pagesReused: written.reused,
            itemsRendered: contexts.itemsRendered, itemsReused: contexts.itemsReused, upToDate: false,
            leftoversSkipped: loaded.leftoversSkipped, scheduled: model.scheduled.count,
            nextScheduled: model.scheduled.first, timeZone: config.timeZone)
    }
}
