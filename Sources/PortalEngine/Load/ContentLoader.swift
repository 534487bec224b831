import Foundation

/// The load stage's output: settings, documents and files to copy, plus what was wrong.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var documents: [SourceDocument]
    /// Non-Markdown files under `content/`, copied as they are.
    public var contentAssets: [SourceFileRef]
    /// Files under `site/static/`, copied to the output root.
    public var staticAssets: [SourceFileRef]
    /// Backups, lock files and system files under content/ and site/static/, left out.
    public var leftoversSkipped = 0
    public var diagnostics: [Diagnostic]
}

/// Walks `content/` and `site/static/` and reads every Markdown file once, in parallel.
public enum ContentLoader {
    public static func load(sourceRoot: URL, config: SiteConfig) -> LoadedSite {
        let content = ContentWalker.walk(
            root: sourceRoot.appendingPathComponent("content"), prefix: "content",
            rules: .content(extraTypes: config.publishFileTypes))
        let staticFiles = ContentWalker.walk(
            root: sourceRoot.appendingPathComponent("site/static"), prefix: "site/static", rules: .anyFile)
        var diagnostics = content.diagnostics
        for file in content.unlisted {
            let type = PublishableFiles.fileType(of: file.relativePath)
            let what = type.isEmpty ? "a file without a type (.pdf, .jpg…)" : "'.\(type)' files"
            let fix =
                type.isEmpty ? "rename it with its type" : "add \(type) to site.yaml's publish_file_types to publish it"
            diagnostics.append(
                .warning(
                    file.sourcePath, nil,
                    "not published: \(what) are not on the list of files to publish (images, PDF, office documents, archives, audio, video); \(fix)"
                ))
        }
        if !FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent("content").path) {
            diagnostics.append(.error("content", nil, "no content/ folder here; is --source the site's folder?"))
        }
        if FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent("site/static").path) {
            diagnostics += staticFiles.diagnostics
        }
        let parser = FrontMatterParser(dates: DateParser(zone: config.timeZone))
        let root = sourceRoot.path
        let loaded = parallelMap(content.markdown) { ref in
            loadDocument(ref, root: root, parser: parser)
        }
        var documents: [SourceDocument] = []
        documents.reserveCapacity(loaded.count)
        for (document, problems) in loaded {
            if let document { documents.append(document) }
            diagnostics += problems
        }
        return LoadedSite(
            config: config, documents: documents, contentAssets: content.assets,
            staticAssets: staticFiles.assets, leftoversSkipped: content.leftovers + staticFiles.leftovers,
            diagnostics: diagnostics)
    }

    /// Reads, decodes, splits and parses one file.
    public static func loadDocument(_ ref: SourceFileRef, root: String, parser: FrontMatterParser) -> (
        SourceDocument?, [Diagnostic]
    ) {
        let file = ref.sourcePath
        guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
            return (nil, [.error(file, nil, "cannot read file (check its permissions)")])
        }
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
                nil, [.error(file, nil, "file is empty; an article needs front matter with title, date and category")]
            )
        case .failure(.missingOpening):
            return (
                nil,
                [
                    .error(
                        file, SourcePosition(line: 1, column: 1),
                        "file must start with a '---' line opening the front matter")
                ]
            )
        case .failure(.neverClosed):
            return (
                nil,
                [
                    .error(
                        file, SourcePosition(line: 1, column: 1),
                        "front matter opened here is never closed with a '---' line")
                ]
            )
        }
        let (parsed, problems) = parser.parse(parts.yaml, file: file, firstLine: parts.yamlFirstLine)
        guard let front = parsed else { return (nil, problems) }
        let kind: SourceDocument.Kind = ref.relativePath.lowercased().hasPrefix("pages/") ? .page : .article
        let document = SourceDocument(
            file: ref, kind: kind, frontMatter: front, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        return (document, problems)
    }
}
