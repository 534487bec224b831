import Foundation

/// Everything a build remembers for the next one, in `.build-site-cache/`: parsed files and
/// rendered bodies (`documents`, for any output folder), and for the same output folder page
/// fingerprints, what the pages and the search index were made from. Those are loaded once before
/// rendering, forgotten before the output is swapped (a build killed after the swap must not
/// leave a memory of the site it replaced), saved after.
struct BuildMemory: Sendable {
    var pages: PageCache?
    var searchIndex: SearchIndexCache?
    var pageInputs: PageInputs?
    /// What the output and its spare hold: read before the spare is written, saved after the swap.
    var folders = OutputFolderFiles()

    /// The preview's memory when it runs the build; otherwise one backed by the store on disk
    /// (none when `useCache` is off). Read before loading: entries are found by content hash,
    /// so they cannot describe another site. Its build has begun. Not opened before the
    /// up-to-date check: a build with nothing to do would read the index of every record.
    static func documents(_ options: BuildOptions) -> DocumentMemory? {
        let memory =
            options.documentMemory
            ?? (options.useCache ? DocumentMemory(store: DocumentStore(sourceRoot: options.sourceRoot)) : nil)
        memory?.beginBuild()
        return memory
    }

    /// The output's lock, and the memory being read under it on a thread of its own while the
    /// model is built (0.05 s of an edit at 10,000 articles). Nil for the preview, which keeps
    /// its memory in the process, without `useCache`, or when the lock cannot be taken yet (the
    /// output's folder is not there): the build then takes both once its content is sound, and
    /// says why when it cannot.
    static func startReading(_ options: BuildOptions) -> (lock: BuildLock, memory: Pending<BuildMemory>)? {
        let parent = options.output.standardizedFileURL.deletingLastPathComponent().path
        guard options.useCache, options.memoryKeeper == nil, !options.writeInPlace,
            FileManager.default.fileExists(atPath: parent),
            let lock = try? BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
        else { return nil }
        let (root, output) = (options.sourceRoot, options.output)
        return (lock, Pending { read(root: root, output: output, inPlace: false) })
    }

    /// Empty when `useCache` is off; `reading` when `startReading` gave it. For a build that
    /// writes in place, the memory is also forgotten on disk once read: the output stops
    /// matching it with the first file written. The record of the folders goes too: the build
    /// changes both. A process that keeps its memory (`BuildMemoryKeeper`) takes it from there
    /// when it can.
    static func load(_ options: BuildOptions, reading: Pending<BuildMemory>? = nil) -> BuildMemory {
        guard options.useCache else { return BuildMemory(pages: nil, searchIndex: nil, pageInputs: nil) }
        let kept = options.memoryKeeper?.take(options)
        defer {
            if options.writeInPlace {
                forget(options)
            } else {
                OutputFolderFiles.remove(sourceRoot: options.sourceRoot, output: options.output)
            }
        }
        if let kept { return kept }
        return reading?.value ?? read(root: options.sourceRoot, output: options.output, inPlace: options.writeInPlace)
    }

    /// The files side by side: one after the other they took 0.08 s of an edit at 10,000
    /// articles, each listing every page, article or output file.
    /// Nothing is read when the output is gone (deleted by hand): every part describes its files.
    static func read(root: URL, output: URL, inPlace: Bool) -> BuildMemory {
        guard OutputStaging.isFolder(output.standardizedFileURL.path) else {
            return BuildMemory(pages: PageCache(output: output.path), searchIndex: nil, pageInputs: nil)
        }
        let parts = parallelMap(Array(0..<4)) { i -> Part in
            switch i {
            case 0: return .pages(PageCache.load(sourceRoot: root, output: output))
            case 1: return .searchIndex(SearchIndexCache.load(sourceRoot: root, output: output))
            case 2: return .pageInputs(PageInputs.load(sourceRoot: root, output: output))
            default:
                return .folders(
                    inPlace ? OutputFolderFiles() : OutputFolderFiles.read(sourceRoot: root, output: output))
            }
        }
        var memory = BuildMemory(pages: nil, searchIndex: nil, pageInputs: nil)
        for part in parts {
            switch part {
            case .pages(let pages): memory.pages = pages
            case .searchIndex(let index): memory.searchIndex = index
            case .pageInputs(let inputs): memory.pageInputs = inputs
            case .folders(let folders): memory.folders = folders
            }
        }
        return memory
    }

    /// One of the files `read` reads.
    private enum Part: Sendable {
        case pages(PageCache)
        case searchIndex(SearchIndexCache?)
        case pageInputs(PageInputs?)
        case folders(OutputFolderFiles)
    }

    static func forget(_ options: BuildOptions) {
        guard options.useCache else { return }
        PageCache.remove(sourceRoot: options.sourceRoot, output: options.output)
        SearchIndexCache.remove(sourceRoot: options.sourceRoot, output: options.output)
        PageInputs.remove(sourceRoot: options.sourceRoot, output: options.output)
        UpToDateCheck.remove(sourceRoot: options.sourceRoot, output: options.output)
    }

    /// After the swap. The up-to-date record is saved only for a build without warnings: they
    /// are printed again by building. It is made where it is written: it lists the output's
    /// files, which a kept memory does on its own thread.
    func save(_ options: BuildOptions, upToDate: @escaping @Sendable () -> UpToDateCheck.Record?) {
        guard options.useCache else { return }
        if let keeper = options.memoryKeeper {
            keeper.keep(self, upToDate: upToDate, options: options)
        } else {
            write(options, upToDate: upToDate)
        }
    }

    /// Into `.build-site-cache/`, the files side by side: one after the other they took 0.09 s
    /// of an edit at 10,000 articles, each listing every page, article or output file.
    func write(_ options: BuildOptions, upToDate: () -> UpToDateCheck.Record?) {
        let (root, output, record) = (options.sourceRoot, options.output, upToDate())
        DispatchQueue.concurrentPerform(iterations: 5) { i in
            switch i {
            case 0: pages?.save(sourceRoot: root)
            case 1: searchIndex?.save(sourceRoot: root, output: output)
            case 2: pageInputs?.save(sourceRoot: root, output: output)
            case 3: if !options.writeInPlace { folders.save(sourceRoot: root, output: output) }
            default: if let record { UpToDateCheck.save(record, sourceRoot: root, output: output) }
            }
        }
    }
}
