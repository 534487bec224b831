import Foundation

/// The load stage's output: settings, documents and files to copy, plus what was wrong.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var documents: [SourceDocument]
    /// Non-Markdown files under `content/`, copied as they are.
    public var contentAssets: [SourceFileRef]
    /// Files under `site/static/`, copied to the output root.
    public var staticAssets: [SourceFileRef]
    /// Bytes of each file under content/ that is not Markdown, by content-relative path.
    public var assetSizes: [String: Int] = [:]
    /// The raster images among `contentAssets`, probed.
    public var photos = PhotoCatalogue()
    /// Backups, lock files and system files under content/ and site/static/, left out.
    public var leftoversSkipped = 0
    public var diagnostics: [Diagnostic]
}

/// Walks `content/` and `site/static/` and reads every Markdown file once, in parallel.
public enum ContentLoader {
    /// With `memory`, a file whose bytes are unchanged since the process's previous build is
    /// not parsed again; one of `unchanged` (paths from the source folder, known unchanged since
    /// that build) is not even read.
    /// `walked`: what the up-to-date check's walk met under content/, which is then not walked
    /// again.
    public static func load(
        sourceRoot: URL, config: SiteConfig, memory: DocumentMemory? = nil, unchanged: Set<String>? = nil,
        walked: [FileTree.Entry]? = nil
    ) -> LoadedSite {
        let content = ContentWalker.walk(
            root: sourceRoot.appendingPathComponent("content"), prefix: "content",
            rules: .content(extraTypes: config.publishFileTypes), walked: walked)
        let staticFiles = ContentWalker.walk(
            root: sourceRoot.appendingPathComponent("site/static"), prefix: "site/static", rules: .anyFile)
        var diagnostics = content.diagnostics
        for file in content.unlisted {
            let type = PublishableFiles.fileType(of: file.relativePath)
            let text =
                type.isEmpty ? Message(.fileWithoutTypeNotPublished) : Message(.fileTypeNotPublished, "\(type)")
            diagnostics.append(.warning(file.sourcePath, nil, text))
        }
        if !FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent("content").path) {
            diagnostics.append(.error("content", nil, Message(.noContentFolder)))
        }
        if FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent("site/static").path) {
            diagnostics += staticFiles.diagnostics
        }
        let parser = FrontMatterParser(dates: DateParser(zone: config.timeZone))
        let root = sourceRoot.path
        let zone = config.timeZone.identifier
        // Files known unchanged are taken from the memory at once, under one lock; by path and
        // time zone, as dates are parsed in it.
        let names = content.markdown.map { loadName($0.sourcePath, zone: zone) }
        let kept = unchanged.flatMap { unchanged in
            memory?.lastLoads(
                ofUnchanged: content.markdown.indices.map {
                    unchanged.contains(content.markdown[$0].sourcePath) ? names[$0] : nil
                })
        }
        // Files whose stamp is the one they had when last loaded are taken from the store unread.
        let unread = memory.map { memory in
            let stamped = memory.stampedKeys(of: Array(zip(names, content.markdown.map(\.sourcePath))))
            return memory.keptLoads(
                content.markdown.indices.map { i in
                    kept?[i] != nil ? nil : stamped[i].map { ($0, names[i], content.markdown[i].sourcePath) }
                })
        }
        let loaded = parallelMap(Array(content.markdown.indices)) { i in
            if let known = kept?[i] ?? unread?[i] { return (known.document, known.problems) }
            return loadDocument(
                content.markdown[i], name: names[i], root: root, parser: parser, memory: memory, zone: zone)
        }
        memory?.releaseStorePages()
        var documents: [SourceDocument] = []
        documents.reserveCapacity(loaded.count)
        for (document, problems) in loaded {
            if let document { documents.append(document) }
            diagnostics += problems
        }
        var sizes: [String: Int] = [:]
        for file in content.assets {
            var info = stat()
            if stat(root + "/" + file.sourcePath, &info) == 0 { sizes[file.relativePath] = Int(info.st_size) }
        }
        return LoadedSite(
            config: config, documents: documents, contentAssets: content.assets,
            staticAssets: staticFiles.assets, assetSizes: sizes,
            leftoversSkipped: content.leftovers + staticFiles.leftovers, diagnostics: diagnostics)
    }

    /// Reads one file, then decodes, splits and parses it unless `memory` has it.
    /// `name` is its `loadName`.
    static func loadDocument(
        _ ref: SourceFileRef, name: String, root: String, parser: FrontMatterParser, memory: DocumentMemory?,
        zone: String
    ) -> (SourceDocument?, [Diagnostic]) {
        let file = ref.sourcePath
        guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
            return (nil, [.error(file, nil, Message(.fileUnreadable))])
        }
        guard let memory else { return parse(data, ref, parser: parser) }
        var key = StableHasher()
        key.add(file)
        key.add(ref.relativePath)
        key.add(zone)
        data.withUnsafeBytes { key.add(bytes: $0) }
        let loaded = memory.load(key.value, name: name) {
            let (document, problems) = parse(data, ref, parser: parser)
            return DocumentMemory.Loaded(document: document, problems: problems)
        }
        return (loaded.document, loaded.problems)
    }

    /// What the memory knows a loaded file by, besides its bytes: its path, and the time zone
    /// its dates were read in.
    static func loadName(_ path: String, zone: String) -> String { path + "\u{0}" + zone }

    /// The path `loadName` was made from.
    static func path(ofLoadName name: String) -> String { String(name.utf8.prefix { $0 != 0 })! }

    /// Decodes, splits and parses one file's bytes.
    static func parse(_ data: Data, _ ref: SourceFileRef, parser: FrontMatterParser) -> (
        SourceDocument?, [Diagnostic]
    ) {
        let file = ref.sourcePath
        let text: String
        switch SourceText.decode(data) {
        case .success(let t): text = t
        case .failure(let e): return (nil, [.error(file, e.position, e.message)])
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(text) {
        case .success(let p): parts = p
        case .failure(.emptyFile):
            return (
                nil, [.error(file, nil, Message(.fileEmpty))]
            )
        case .failure(.missingOpening):
            return (
                nil,
                [
                    .error(
                        file, SourcePosition(line: 1, column: 1),
                        Message(.frontMatterNotOpened))
                ]
            )
        case .failure(.neverClosed):
            // The closing line belongs where the fields end: the first empty line, if there is one.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let blank = lines.dropFirst().firstIndex(where: { $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
                return (nil, [.error(file, SourcePosition(line: blank + 1, column: 1), Message(.frontMatterCloseHere))])
            }
            return (nil, [.error(file, SourcePosition(line: 1, column: 1), Message(.frontMatterNotClosed))])
        }
        let (parsed, problems) = parser.parse(parts.yaml, file: file, firstLine: parts.yamlFirstLine)
        guard let front = parsed else { return (nil, problems) }
        let kind = SourceDocument.Kind(path: ref.relativePath, type: front.type)
        var stamp = StableHasher()
        stamp.add(parts.yaml)
        let document = SourceDocument(
            file: ref, kind: kind, frontMatter: front, markdown: .hashing(parts.body),
            bodyFirstLine: parts.bodyFirstLine,
            frontMatterStamp: stamp.value)
        return (document, problems)
    }
}
