import Foundation

/// Runs the pipeline: load → model → render → search → write. Each stage decides for itself;
/// this only sequences them. The published output changes only when the whole build succeeded.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var run = BuildRun()

        // Load. The inputs are stamped before anything is read, so a file edited during this
        // build makes the next one build.
        let (config, theme) = try loadSettings(options, diagnostics: &run.diagnostics)
        run.lap("config and templates")
        let (inputs, stamps) = inputsStamp(options, config: config, settingsRead: run.diagnostics.isEmpty)
        let upToDate = inputs.flatMap { upToDateRecord(inputs: $0, options: options) }
        run.lap("up-to-date check")
        if let upToDate { return .upToDate(upToDate, seconds: run.seconds, laps: run.clock.laps, config: config) }
        let documents = BuildMemory.documents(options)  // forgets what it did not use only if the build succeeds
        defer { documents?.waitUntilPersisted() }
        var loaded = loadContent(options, config: config, documents: documents, stamps: stamps)
        run.diagnostics += loaded.diagnostics
        run.lap("load content")
        let photoCache = readPhotos(&loaded, options)
        let sources = PageInputs.sources(loaded, options: options)
        let early = BuildMemory.startReading(options)  // the memory of the last output, beside the model
        run.lap("read photos")
        options.progress?.begin(.markdown, total: loaded.documents.count)

        // Model. The URL record is read without the output's lock: a build finishing meanwhile
        // can only add URLs it also knows, and this build's record replaces it.
        var (model, modelProblems, modelKept) = buildModel(loaded, sources: sources, options: options)
        run.diagnostics += modelProblems
        run.lap("model")

        // Render bodies, even when the model found errors, so that one run reports the missing
        // images and broken links too (the articles in error are not in the model).
        guard let theme else { throw BuildFailure(diagnostics: run.diagnostics) }
        let bodies = renderBodies(&model, &loaded, documents, modelKept: modelKept, options, run: &run)
        run.lap("markdown")
        options.progress?.begin(.search)
        try run.stopIfFailed(strict: options.strict)

        // From here on the previous output and its memory are read: no other build of it may
        // swap them meanwhile (the lock is taken before the model when it can be).
        let (lock, staging) = try prepareOutput(options, lock: early?.lock, diagnostics: &run.diagnostics)
        var memory = BuildMemory.load(options, reading: early?.memory)

        // Search; a whole index writes its term files as it makes them.
        let problems = WriteProblems()
        let search = planSearch(model, bodies, documents, memory: &memory, staging: staging, problems, options)
        run.lap("search index")

        // Render pages and write them.
        let (jobs, contexts, written) = writePages(
            model, bodies, theme: theme, sources: sources, memory: &memory, search: search, staging: staging,
            problems: problems, options: options, run: &run)
        run.lap("render and write pages")
        let (files, photos) = publishFiles(
            model, bodies, photos: loaded.photos, cache: photoCache, staging: staging, problems: problems,
            options: options, run: &run)
        run.diagnostics += problems.all
        if run.diagnostics.containsErrors { staging.discard() }
        try run.stopIfFailed(strict: false)

        // Swap into place, then remember this build for the next one.
        options.progress?.begin(.finishing)
        try commit(staging, options, memory: &memory, diagnostics: &run.diagnostics)
        run.lap("swap into place")
        let record = run.diagnostics.isEmpty ? inputs : nil  // warnings are printed again by building
        let (pageCount, outputFiles) = (jobs.count, staging.files)
        memory.save(options) { [model] in
            record.map {
                UpToDateCheck.Record(inputs: $0, model: model, pages: pageCount, copied: files, files: outputFiles)
            }
        }
        withExtendedLifetime(lock) {}  // held until the output and its memory are both in place
        finish(documents, data: (loaded, bodies, jobs, contexts, memory, search, model), options)
        return BuildReport(
            model: model, loaded: loaded, run: run, pages: jobs.count, copied: files, photos: photos, staging: staging,
            search: search, written: written, contexts: contexts, sources: documents?.lastCounts ?? .init(),
            modelKept: modelKept)
    }
}
