import Foundation

/// Everything a build remembers for the next one, in `.build-site-cache/`: parsed files and
/// rendered bodies (`documents`, for any output folder), and for the same output folder page
/// fingerprints, what the pages and the search index were made from. Those are loaded once before
/// rendering, forgotten before the output is swapped (a build killed after the swap must not
/// leave a memory of the site it replaced), saved after.
struct BuildMemory {
    var pages: PageCache?
    var searchIndex: SearchIndexCache?
    var pageInputs: PageInputs?

    /// The preview's memory when it runs the build; otherwise one backed by the store on disk
    /// (none when `useCache` is off). Read before loading: entries are found by content hash,
    /// so they cannot describe another site. Its build has begun.
    static func documents(_ options: BuildOptions) -> DocumentMemory? {
        let memory =
            options.documentMemory
            ?? (options.useCache ? DocumentMemory(store: DocumentStore(sourceRoot: options.sourceRoot)) : nil)
        memory?.beginBuild()
        return memory
    }

    /// Empty when `useCache` is off. For a build that writes in place, the memory is also
    /// forgotten on disk once read: the output stops matching it with the first file written.
    static func load(_ options: BuildOptions) -> BuildMemory {
        guard options.useCache else { return BuildMemory(pages: nil, searchIndex: nil, pageInputs: nil) }
        defer { if options.writeInPlace { forget(options) } }
        return BuildMemory(
            pages: PageCache.load(sourceRoot: options.sourceRoot, output: options.output),
            searchIndex: SearchIndexCache.load(sourceRoot: options.sourceRoot, output: options.output),
            pageInputs: PageInputs.load(sourceRoot: options.sourceRoot, output: options.output))
    }

    static func forget(_ options: BuildOptions) {
        guard options.useCache else { return }
        PageCache.remove(sourceRoot: options.sourceRoot, output: options.output)
        SearchIndexCache.remove(sourceRoot: options.sourceRoot, output: options.output)
        PageInputs.remove(sourceRoot: options.sourceRoot, output: options.output)
        UpToDateCheck.remove(sourceRoot: options.sourceRoot, output: options.output)
    }

    /// After the swap. The up-to-date record is saved only for a build without warnings: they
    /// are printed again by building.
    func save(_ options: BuildOptions, upToDate: UpToDateCheck.Record?) {
        guard options.useCache else { return }
        pages?.save(sourceRoot: options.sourceRoot)
        searchIndex?.save(sourceRoot: options.sourceRoot, output: options.output)
        pageInputs?.save(sourceRoot: options.sourceRoot, output: options.output)
        if let upToDate { UpToDateCheck.save(upToDate, sourceRoot: options.sourceRoot, output: options.output) }
    }
}
