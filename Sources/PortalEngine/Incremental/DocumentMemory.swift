import Foundation

/// What a long-lived process (the preview server) keeps between its builds: each Markdown file's
/// parsed front matter and its rendered body, by content hash, so a rebuild reads and hashes
/// every file but parses and renders only what changed.
///
/// A body is reused only when its links and images still resolve as they did (`isValid`): an
/// article renamed re-renders the bodies that link to it. When the build's model is the last
/// build's (the preview's `ModelMemory`), the bodies that build used are not checked again.
/// Entries not used by a build are forgotten after it.
///
/// `build-site`, one build per process, backs it with a `DocumentStore` on disk: what the
/// memory lacks is looked up there, and `persist()` writes back what the build made. The
/// preview's memory starts from the same store: its first build then parses only what changed
/// since `build-site` (or the last preview) ran, and writes back what it made; later builds go
/// by memory alone.
public final class DocumentMemory: @unchecked Sendable {
    /// A loaded file: the document (nil when it had errors) and what loading it found.
    struct Loaded: Sendable {
        var document: SourceDocument?
        var problems: [Diagnostic]
    }

    /// A rendered body, what rendering found, and the links it was rendered with.
    public struct Rendered: Sendable {
        var body: RenderedBody
        var problems: [Diagnostic]
        var links = BodyLinks()
    }

    /// How many files and bodies the last build took from memory and how many it made.
    public struct Counts: Sendable, Equatable {
        public var loadsReused = 0
        public var loadsMade = 0
        public var bodiesReused = 0
        public var bodiesMade = 0
        /// Of the bodies reused, those `prefetchBodies` had decoded.
        public var bodiesPrefetched = 0
        /// Of the files reused, those taken by their stamp without reading them.
        public var loadsUnread = 0
        /// Of the bodies made, those written to the store as they were made (`stream`).
        public var bodiesStreamed = 0
        /// Of the files parsed, those written to the store beside them (`streamLoads`).
        public var loadsStreamed = 0
    }

    /// Entries kept from earlier builds and those this build used, and the key of each file's
    /// entry by its name (source path): for the last build that used any, and for this one.
    private struct Generations<Value> {
        var previous: [UInt64: Value] = [:]
        var current: [UInt64: Value] = [:]
        /// `previous` already holds `current` (after `forgetUnused`): merging would copy both.
        var previousHoldsCurrent = false
        var lastKeys: [String: UInt64] = [:]
        var keys: [String: UInt64] = [:]

        mutating func begin() {
            if !previousHoldsCurrent { previous.merge(current) { _, new in new } }
            current = [:]
            previousHoldsCurrent = false
            if !keys.isEmpty { (lastKeys, keys) = (keys, [:]) }
        }

        /// The entry the last build used for `name`, when still kept and `accept`ed by its key;
        /// it becomes this build's.
        mutating func takeLast(_ name: String, accept: (UInt64) -> Bool = { _ in true }) -> (
            key: UInt64, value: Value
        )? {
            guard let key = lastKeys[name], accept(key), let known = current[key] ?? previous[key] else { return nil }
            current[key] = known
            keys[name] = key
            return (key, known)
        }

        mutating func forgetUnused() {
            previous = current
            previousHoldsCurrent = true
        }
    }

    private let lock = NSLock()
    /// The bodies the last build used: their links were checked against that build's model.
    private var checkedLastBuild: Set<UInt64> = []
    private var trusted = 0
    private var loaded = Generations<Loaded>()
    private var rendered = Generations<Rendered>()
    private var counts = Counts()
    /// Until the first `persist()`.
    private var store: DocumentStore?
    /// The same store, for `keptBody` until the build ends: its mapping stays valid while
    /// `persist()` writes, as the file is appended to or replaced, never cut.
    private var storeToRead: DocumentStore?
    /// Keys this build took from the store, by table.
    private var fromStore: Set<UInt64> = []
    private var renderedFromStore: Set<UInt64> = []
    /// Bodies this build made and wrote to the store as it went (`stream`).
    private var renderedStreamed: Set<UInt64> = []
    /// Files written beside them (`streamLoads`), and those left to write once it began.
    private var loadsStreamed: Set<UInt64> = []
    private var loadsToStream: [UInt64]?
    /// `build-site`'s memory, for one build: it lets go of its entries once they are saved.
    private let forgetsWhenPersisted: Bool
    private let streamsFrom: Int
    /// Bodies are made, and written to the store, this many at a time (`streamChunk`).
    private let chunkSize: Int
    /// `prefetchBodies` gives the store's pages back after decoding this many bodies.
    private let bodiesPerRelease: Int
    /// Bodies decoded from the store ahead of `render`, by `prefetchBodies`.
    private var prefetched: [UInt64: Rendered] = [:]
    private let prefetching = DispatchGroup()
    /// This build's stamps of the files under content/ by path, when they were taken, and the
    /// last build's record of the stamp and key of each file it loaded (`SourceStampRecord`).
    private var observed: [String: FileStamp] = [:]
    private var observedAt: Int64 = 0
    private var stampRecord: SourceStampRecord?

    public init() {
        (store, forgetsWhenPersisted, streamsFrom) = (nil, false, .max)
        (chunkSize, bodiesPerRelease) = (Self.streamChunk, Self.bodiesPerRelease)
    }

    /// `streamsFrom`: how many bodies of a chunk of `chunkSize` must be made for them to be
    /// written to the store at once (`build-site`'s memory only).
    init(
        store: DocumentStore, forgetsWhenPersisted: Bool = true, streamsFrom: Int = DocumentMemory.streamChunk / 4,
        chunkSize: Int = DocumentMemory.streamChunk, bodiesPerRelease: Int = DocumentMemory.bodiesPerRelease
    ) {
        self.store = store
        self.bodiesPerRelease = max(1, bodiesPerRelease)
        storeToRead = store
        self.forgetsWhenPersisted = forgetsWhenPersisted
        self.streamsFrom = streamsFrom
        self.chunkSize = chunkSize
    }

    /// A memory that starts from the store kept in `sourceRoot`'s `.build-site-cache/`.
    public convenience init(startingFrom sourceRoot: URL) {
        self.init(store: DocumentStore(sourceRoot: sourceRoot), forgetsWhenPersisted: false)
    }

    /// What the last build reused.
    public var lastCounts: Counts { lock.withLock { counts } }
    /// Of the bodies the last build reused, those kept without checking their links.
    public var lastBodiesTrusted: Int { lock.withLock { trusted } }

    func beginBuild() {
        lock.withLock {
            counts = Counts()
            checkedLastBuild = Set(rendered.current.keys)
            trusted = 0
            (renderedStreamed, loadsStreamed, loadsToStream) = ([], [], nil)
            loaded.begin()
            rendered.begin()
        }
    }

    /// Forgets what this build did not use.
    func endBuild() {
        lock.withLock {
            storeToRead = nil
            prefetched = [:]
            loaded.forgetUnused()
            rendered.forgetUnused()
        }
    }

    /// The file loaded under `key`, or made; `name` is its path and time zone
    /// (`ContentLoader.loadName`), by which `lastLoads` finds it again.
    /// Made outside the lock: files are parsed in parallel.
    func load(_ key: UInt64, name: String, make: () -> Loaded) -> Loaded {
        let (known, kept) = lock.withLock { () -> (Loaded?, DocumentStore?) in
            loaded.keys[name] = key
            return (loaded.current[key] ?? loaded.previous[key], store)
        }
        let stored = known == nil ? kept.flatMap { Self.storedLoad(key, in: $0) } : nil
        let value = known ?? stored ?? make()
        lock.withLock {
            loaded.current[key] = value
            if stored != nil { fromStore.insert(key) }
            if known == nil && stored == nil { counts.loadsMade += 1 } else { counts.loadsReused += 1 }
        }
        return value
    }

    /// Takes the stamps the up-to-date check found, before any file is read; the first time,
    /// reads the record of the stamps the files had when last loaded.
    func observe(_ stamps: ObservedStamps) {
        let byPath = stamps.byPath
        lock.withLock {
            (observed, observedAt) = (byPath, stamps.takenAt)
            if stampRecord == nil, let store {
                stampRecord = SourceStampRecord.load(SourceStampRecord.url(nextTo: store.url))
            }
        }
    }

    /// For each file (its load name and its path), the key it was last loaded under, when its
    /// stamp is still the one it had then: the file need not be read to know its bytes.
    func stampedKeys(of files: [(name: String, path: String)]) -> [UInt64?] {
        lock.withLock {
            guard let stampRecord, !observed.isEmpty else { return Array(repeating: nil, count: files.count) }
            return files.map { file in
                guard let entry = stampRecord.entries[file.name], let stamp = observed[file.path],
                    stamp == entry.stamp
                else { return nil }
                return entry.key
            }
        }
    }

    /// A file `keptLoads` found, and where.
    private struct Taken: Sendable {
        var value: Loaded
        var fromStore: Bool
    }

    /// For each file (nil: not asked), the file kept under `key` (from `stampedKeys`), from the
    /// memory or the store; nil when neither holds it any more (the caller reads the file).
    /// Decoded in parallel with one lock before and one after: a lock per file made the
    /// threads wait on each other for a third of the time.
    func keptLoads(_ files: [(key: UInt64, name: String, path: String)?]) -> [Loaded?] {
        let (known, kept) = lock.withLock { () -> ([Loaded?], DocumentStore?) in
            let known = files.map { (file: (key: UInt64, name: String, path: String)?) -> Loaded? in
                guard let key = file?.key else { return nil }
                return loaded.current[key] ?? loaded.previous[key]
            }
            return (known, store)
        }
        let found = parallelMap(Array(files.indices)) { (i: Int) -> Taken? in
            guard let file = files[i] else { return nil }
            var taken = known[i].map { Taken(value: $0, fromStore: false) }
            if taken == nil, let kept, let value = Self.storedLoad(file.key, in: kept) {
                taken = Taken(value: value, fromStore: true)
            }
            // A damaged record must not give one file another's text.
            guard let taken, taken.value.document?.file.sourcePath == file.path else { return nil }
            return taken
        }
        lock.withLock {
            for (file, taken) in zip(files, found) {
                guard let file, let taken else { continue }
                loaded.keys[file.name] = file.key
                // `build-site`'s memory lets go of its entries once saved, and saves those taken
                // from the store by `fromStore` alone: copying 10,000 documents into it took a
                // third of this call.
                if !forgetsWhenPersisted || !taken.fromStore { loaded.current[file.key] = taken.value }
                if taken.fromStore { fromStore.insert(file.key) }
                counts.loadsReused += 1
                counts.loadsUnread += 1
            }
        }
        return found.map { $0?.value }
    }

    /// For each name (nil: not asked), the file as the last build loaded it, when it is still
    /// kept: for files the caller knows are unchanged since (the preview's watch), which are
    /// then not read again. One lock for all: a lock per file cost more than the lookups.
    func lastLoads(ofUnchanged names: [String?]) -> [Loaded?] {
        lock.withLock {
            names.map { name -> Loaded? in
                guard let name, let (_, known) = loaded.takeLast(name) else { return nil }
                counts.loadsReused += 1
                return known
            }
        }
    }

    /// For each path (nil: not asked), the body the last build used for that file and its key:
    /// for files the caller knows are unchanged since, when the model is the last build's too.
    /// The body is then the one that build made of the same text, with links that resolve as
    /// they did; it is taken without hashing the text or checking its links.
    func lastBodies(ofUnchanged paths: [String?]) -> [(key: UInt64, rendered: Rendered)?] {
        lock.withLock {
            paths.map { path -> (UInt64, Rendered)? in
                guard let path, let taken = rendered.takeLast(path, accept: checkedLastBuild.contains) else {
                    return nil
                }
                counts.bodiesReused += 1
                trusted += 1
                return taken
            }
        }
    }

    /// Decodes from the store, on a thread of its own, the bodies under `keys` that the memory
    /// does not hold: the model is built meanwhile, on one core for most of its 0.3 s at
    /// 10,000 articles, and the bodies' stage then only checks their links. `render` takes them
    /// after `waitForPrefetchedBodies`.
    func prefetchBodies(_ keys: [UInt64]) {
        let taken: (DocumentStore, [UInt64])? = lock.withLock {
            guard let store else { return nil }
            return (store, keys.filter { rendered.current[$0] == nil && rendered.previous[$0] == nil })
        }
        guard let (store, wanted) = taken, !wanted.isEmpty else { return }
        prefetching.enter()
        let releasesEvery = bodiesPerRelease
        Thread.detachNewThread { [self] in
            var found: [UInt64: Rendered] = [:]
            found.reserveCapacity(wanted.count)
            for (i, key) in wanted.enumerated() {
                found[key] = Self.storedBody(key, in: store)
                // The pages read so far given back as it goes: the bodies point into the file and
                // read it again if asked, and an edit at 100,000 articles otherwise held 1.4 GB of
                // them (its peak 2.4 GB against the full build's 1.7).
                if i % releasesEvery == releasesEvery - 1 { store.releasePages() }
            }
            lock.withLock { prefetched = found }
            prefetching.leave()
        }
    }

    func waitForPrefetchedBodies() { prefetching.wait() }

    /// How many bodies `prefetchBodies` decodes between two `DocumentStore.releasePages`: some
    /// 30 MB of the store, and a call to walk the file's mapping every few milliseconds.
    static let bodiesPerRelease = 2_048

    /// The file the store holds under `key`, decoded; nil when it has none or it is damaged. Its
    /// Markdown is read where it lies, unchecked: `BodyRenderer` checks it if it renders it.
    private static func storedLoad(_ key: UInt64, in store: DocumentStore) -> Loaded? {
        store.decode(.loaded, key) { payload in
            CacheBytesReader.whole(payload) { reader in
                SourceDocument.decode(&reader) { hash in
                    store.uncheckedPayload(.markdown, key).map {
                        StoredText(mapped: $0, owner: store, stableHash: hash)
                    }
                }
            }.map { Loaded(document: $0, problems: []) }
        }
    }

    /// The body the store holds under `key`, decoded; nil when it has none or it is damaged.
    private static func storedBody(_ key: UInt64, in store: DocumentStore) -> Rendered? {
        store.decode(.rendered, key) { payload in CacheBytesReader.whole(payload, owner: store) { Rendered.decode(&$0) }
        }
    }

    /// For each body (its key and its file's path), the one kept under its key if `isValid`
    /// (its links still resolve as they did), or `make`d. With `sameLinksAsLastBuild` (the
    /// model is the last build's), a body that build used is valid without checking its links
    /// again. One lock before and one after for all of them, the rest in parallel: a few locks
    /// per body made the threads wait on each other.
    func render(
        _ bodies: [(key: UInt64, path: String)], sameLinksAsLastBuild: Bool = false,
        isValid: @Sendable (Int, Rendered) -> Bool, make: @Sendable (Int) -> Rendered
    ) -> [Rendered] {
        let (found, keptIn) = lock.withLock { () -> ([Found], DocumentStore?) in
            let found = bodies.map { body -> Found in
                rendered.keys[body.path] = body.key
                let trusted = sameLinksAsLastBuild && checkedLastBuild.contains(body.key)
                if let known = rendered.current[body.key] ?? rendered.previous[body.key] {
                    return Found(value: known, from: .memory, trusted: trusted)
                }
                return Found(value: prefetched.removeValue(forKey: body.key), from: .prefetch, trusted: false)
            }
            return (found, store)
        }
        var taken: [Found] = []
        taken.reserveCapacity(bodies.count)
        // Each chunk is written to the store while the next one is made: written on this
        // thread, between chunks, it left a core idle for a third of a full build's stage.
        var writing: Pending<[Found]>?
        for start in stride(from: 0, to: bodies.count, by: chunkSize) {
            let range = start..<min(bodies.count, start + chunkSize)
            let chunk = parallelMap(Array(range)) { (i: Int) -> Found in
                Self.find(i, found[i], bodies[i].key, in: keptIn, isValid: isValid, make: make)
            }
            if let writing { taken += writing.value }
            writing = nil
            guard forgetsWhenPersisted, let keptIn else {
                taken += chunk
                continue
            }
            let keys = bodies[range].map(\.key)
            writing = Pending { [self] in
                var chunk = chunk
                if stream(&chunk, keys: keys, to: keptIn) { streamLoads(upTo: chunkSize, to: keptIn) }
                return chunk
            }
        }
        if let writing { taken += writing.value }
        if let keptIn, lock.withLock({ loadsToStream != nil }) { streamLoads(upTo: .max, to: keptIn) }
        lock.withLock {
            for (body, result) in zip(bodies, taken) {
                guard let value = result.value else { continue }
                if result.from == .made { counts.bodiesMade += 1 } else { counts.bodiesReused += 1 }
                if result.from == .prefetch { counts.bodiesPrefetched += 1 }
                if result.trusted { trusted += 1 }
                let fromStore = result.from == .prefetch || result.from == .store
                if fromStore { renderedFromStore.insert(body.key) }
                // `build-site`'s memory saves what it took from the store by key alone.
                if !(forgetsWhenPersisted && fromStore) { rendered.current[body.key] = value }
            }
        }
        return taken.map { $0.value! }
    }

    /// Body `i` as `render` finds it: `known` if valid, else from the store if there and valid,
    /// else made.
    private static func find(
        _ i: Int, _ known: Found, _ key: UInt64, in keptIn: DocumentStore?, isValid: (Int, Rendered) -> Bool,
        make: (Int) -> Rendered
    ) -> Found {
        switch known.from {
        case .memory:
            if let value = known.value, known.trusted || isValid(i, value) { return known }
        case .prefetch, .store:
            let stored = known.value ?? keptIn.flatMap { Self.storedBody(key, in: $0) }
            let from: Found.Source = known.value == nil ? .store : .prefetch
            if let stored, isValid(i, stored) { return Found(value: stored, from: from, trusted: false) }
        case .made: break
        }
        return Found(value: make(i), from: .made, trusted: false)
    }

    /// Half what it was before chunks were written beside the next one's rendering, which
    /// holds one chunk more: 2,048 left the peak at 100,000 articles 110 MB higher.
    static let streamChunk = 1024

    /// When a chunk of bodies made many (a full build), writes them to the store at once and
    /// keeps each as texts read back from it: a full build held every article's HTML and words
    /// until the pages were written (1.5 GB at 100,000 articles). `persist` leaves them out.
    /// True when it wrote them.
    private func stream(_ chunk: inout [Found], keys: [UInt64], to store: DocumentStore) -> Bool {
        let made = chunk.indices.filter { chunk[$0].from == .made && chunk[$0].value!.problems.isEmpty }
        guard !made.isEmpty, made.count >= streamsFrom else { return false }
        let values = made.map { chunk[$0].value! }
        let payloads = parallelMap(values, Self.payload)
        guard let written = store.stream(made.indices.map { (.rendered, keys[made[$0]], payloads[$0]) }) else {
            return false
        }
        lock.withLock {
            for n in made { renderedStreamed.insert(keys[n]) }
            counts.bodiesStreamed += made.count
        }
        let readBack = parallelMap(Array(made.indices)) { m in
            payloads[m].withUnsafeBytes {
                CacheBytesReader.whole($0, file: (written.file, written.payloadOffsets[m])) { Rendered.decode(&$0) }
            }
        }
        for (m, n) in made.enumerated() { if let value = readBack[m] { chunk[n].value = value } }
        return true
    }

    /// Writes up to `limit` of the files this build parsed (their document and Markdown) to the
    /// store, beside the bodies being streamed; the rest once the last body is made. Then no
    /// file waits for `persist`, whose writer beside the search index held every Markdown text
    /// (710 MB at 100,000 articles) while the index grew: the build's peak, when it was slow.
    private func streamLoads(upTo limit: Int, to store: DocumentStore) {
        let taken = lock.withLock { () -> [(UInt64, SourceDocument)] in
            if loadsToStream == nil {
                loadsToStream = loaded.current.compactMap { isNewFile($0, $1) ? $0 : nil }
            }
            var taken: [(UInt64, SourceDocument)] = []
            while taken.count < limit, let key = loadsToStream?.popLast() {
                guard let document = loaded.current[key]?.document else { continue }
                loadsStreamed.insert(key)
                counts.loadsStreamed += 1
                taken.append((key, document))
            }
            return taken
        }
        guard !taken.isEmpty else { return }
        _ = store.stream(Array(parallelMap(taken, Self.records).joined()))
    }

    /// A parsed file this build made, to be written to the store (under `lock`).
    private func isNewFile(_ key: UInt64, _ value: Loaded) -> Bool {
        !fromStore.contains(key) && value.problems.isEmpty && value.document != nil
    }

    /// A parsed file's two records: its document, and its Markdown.
    private static func records(ofFile key: UInt64, _ document: SourceDocument) -> [(
        DocumentStore.Table, UInt64, [UInt8]
    )] {
        var writer = CacheBytesWriter()
        document.encode(into: &writer)
        return [(.loaded, key, writer.bytes), (.markdown, key, document.markdownRecord)]
    }

    /// A body's record.
    private static func payload(_ body: Rendered) -> [UInt8] {
        var writer = CacheBytesWriter()
        body.encode(into: &writer)
        return writer.bytes
    }

    /// A body `render` found, and where.
    private struct Found: Sendable {
        enum Source: Sendable { case memory, prefetch, store, made }
        var value: Rendered?
        var from: Source
        var trusted: Bool
    }

    /// The body kept under `key` by this build or an earlier one, as it was kept (not checked,
    /// not counted): the search patch reads an edited article's previous text from it.
    func keptBody(_ key: UInt64) -> RenderedBody? {
        let (known, store) = lock.withLock { (rendered.current[key] ?? rendered.previous[key], storeToRead) }
        if let known { return known.body }
        return store.flatMap { Self.storedBody(key, in: $0) }?.body
    }

    private let persisting = DispatchGroup()

    /// `persist()` on a thread of its own, beside the rest of the build; `waitUntilPersisted()`
    /// waits for it. What it writes is taken out of the memory's tables first, on this thread:
    /// once the caller lets go of its own, only the writer holds them.
    func startPersisting() {
        let taken = takeForPersisting()
        persisting.enter()
        Thread.detachNewThread { [self] in
            write(taken)
            persisting.leave()
        }
    }

    func waitUntilPersisted() { persisting.wait() }

    /// Once a stage has taken what it needs from the store.
    func releaseStorePages() { lock.withLock { store }?.releasePages() }

    /// Writes to the store what this build used: the entries it took from there stay, the
    /// ones it made are added unless they had problems (those are parsed again, to report them).
    func persist() { write(takeForPersisting()) }

    /// What `persist` writes, out of the memory's tables.
    private struct Persisting {
        var store: DocumentStore
        var stamps: SourceStampRecord?
        var newLoads: Handout<(UInt64, SourceDocument)>
        var newBodies: [(UInt64, Rendered)]
        var keptLoads: Set<UInt64>
        var keptBodies: Set<UInt64>
    }

    private func takeForPersisting() -> Persisting? {
        let stamps = stampsToSave()  // before the entries are let go
        return lock.withLock { () -> Persisting? in
            defer {
                store = nil
                if forgetsWhenPersisted { (loaded, rendered) = (.init(), .init()) }
            }
            guard let store else { return nil }
            let newLoads = loaded.current.compactMap { key, value in
                isNewFile(key, value) && !loadsStreamed.contains(key) ? value.document.map { (key, $0) } : nil
            }
            let newBodies = rendered.current.filter {
                !renderedFromStore.contains($0.key) && !renderedStreamed.contains($0.key) && $0.value.problems.isEmpty
            }
            return Persisting(
                store: store, stamps: stamps, newLoads: Handout(newLoads), newBodies: Array(newBodies),
                keptLoads: fromStore, keptBodies: renderedFromStore)
        }
    }

    private func write(_ taken: Persisting?) {
        guard let taken else { return }
        let (store, newLoads, newBodies) = (taken.store, taken.newLoads, taken.newBodies)
        taken.stamps?.save(to: SourceStampRecord.url(nextTo: store.url))
        var kept: [(DocumentStore.Table, UInt64)] = taken.keptLoads.flatMap { [(.loaded, $0), (.markdown, $0)] }
        kept += taken.keptBodies.map { (.rendered, $0) }
        let loadCount = newLoads.count
        // Encoded a batch at a time as they are written: all at once would double the memory.
        // Each file is two records, the document and its Markdown, and is let go once encoded:
        // then its Markdown, which nothing else holds any more in `build-site` (710 MB at
        // 100,000 articles), is freed while the search index is built, not after.
        store.save(kept: kept, added: loadCount + newBodies.count) { i in
            if i < loadCount {
                let (taken, emptied) = newLoads.take(i)
                // An edit's few files free too little to be worth a walk of the heap.
                defer { if emptied && loadCount >= 1000 { Self.returnFreedMemory() } }
                return taken.map { Self.records(ofFile: $0, $1) } ?? []
            }
            let (key, value) = newBodies[i - loadCount]
            return [(.rendered, key, Self.payload(value))]
        }
    }

    /// Once the caller has let go of the files' Markdown: gives the memory back to the system
    /// when this build wrote many files to the store as it went (`streamLoads`), as `persist`
    /// does for the files it writes.
    func returnFreedMemoryOfStreamedFiles() {
        if lock.withLock({ loadsStreamed.count }) >= 1000 { Self.returnFreedMemory() }
    }

    /// Gives the memory freed back to the system: freed small blocks otherwise stay in the
    /// process, where the search index's large arrays cannot use them.
    private static func returnFreedMemory() { _ = mallocTrim?(0) }

    /// glibc's `malloc_trim`, which its Swift module does not export; nil elsewhere.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// The stamp each file this build loaded had before it was read, with the key it was
    /// loaded under; a stamp so recent that the file could change again unseen is left out.
    private func stampsToSave() -> SourceStampRecord? {
        lock.withLock { () -> SourceStampRecord? in
            guard store != nil, !observed.isEmpty else { return nil }
            var record = SourceStampRecord()
            record.entries.reserveCapacity(loaded.keys.count)
            for (name, key) in loaded.keys {
                guard let stamp = observed[ContentLoader.path(ofLoadName: name)], !stamp.isRecent(at: observedAt)
                else { continue }
                record.entries[name] = .init(stamp: stamp, key: key)
            }
            stampRecord = record
            return record
        }
    }

}
