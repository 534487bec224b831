/// Resolves what editors write as link and image targets against the content folder.
public struct ContentPaths: Sendable {
    /// What a written reference turned out to be.
    public enum Resolution: Sendable, Equatable {
        /// Leave the URL as written (external, fragment-only, or a site path we do not check).
        case unchanged
        /// A site URL to write instead (already percent-encoded, base path included).
        case site(String)
        /// A content file that does not exist; the URL is still written. `suggestions(forReference:)`
        /// says what was meant: asked only then, as it scans every file.
        case missing(url: String, contentPath: String)
        /// Not allowed: the reason.
        case rejected(Message)
        /// A document that exists but is not in this build: why ("a draft (draft: true)").
        case unpublished(contentPath: String, reason: Message)
    }

    /// Content-relative Markdown path → article URL.
    public var documentURLs: [String: String]
    /// Content-relative paths of files copied as they are (content/ and site/static/).
    public var assets: Set<String>
    public var urls: SiteURLs
    /// Content-relative Markdown paths left out of this build (drafts, scheduled) → why.
    public var unpublished: [String: Message] = [:]
    /// The raster images under content/, and how they are made into web sizes.
    public var photos = PhotoCatalogue()
    public var photoSettings = PhotoSettings()

    public init(documentURLs: [String: String], assets: Set<String>, urls: SiteURLs) {
        self.documentURLs = documentURLs
        self.assets = assets
        self.urls = urls
    }

    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    /// `directory` is the referring file's folder relative to content/ ("" for content/ itself).
    public func resolve(_ reference: String, fromDirectory directory: String, isImage: Bool) -> Resolution {
        let raw = reference.trimmedWhitespace
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("?") { return .unchanged }
        if let scheme = Self.scheme(of: raw) {
            return Self.unsafeSchemes.contains(scheme.lowercased())
                ? .rejected(Message(.schemeNotAllowed, "\(scheme)")) : .unchanged
        }
        if raw.hasPrefix("//") { return .unchanged }

        guard let target = Self.target(of: raw, fromDirectory: directory, basePath: urls.basePath) else {
            return .rejected(Message(.pointsOutside, "\(reference)"))
        }
        let (normalized, rooted, suffix) = (target.normalized, target.rooted, target.suffix)
        func missing(_ url: String) -> Resolution { .missing(url: url, contentPath: "content/" + normalized) }
        let type = PublishableFiles.fileType(of: normalized)
        if type == "md" || type == "markdown" {
            if let url = documentURLs[normalized] { return .site(url + suffix) }
            if let reason = unpublished[normalized] {
                return .unpublished(contentPath: "content/" + normalized, reason: reason)
            }
            return missing(raw)
        }
        if assets.contains(normalized) {
            return .site(urls.asset(URLEncoding.encodePath(normalized)) + suffix)
        }
        if rooted {
            // Root links to generated pages (/some-slug/) are not files: only images and files of
            // a type that is published from content/ are checked.
            return isImage || PublishableFiles.defaultTypes.contains(type) ? missing(raw) : .unchanged
        }
        if normalized.isEmpty { return .site(urls.home + suffix) }
        return missing(urls.asset(URLEncoding.encodePath(normalized)) + suffix)
    }

    /// A reference written in front matter (`image:`, `files:`): from content/, as the README
    /// shows, or like a body link from the article's folder, which wins when both name a file.
    /// Also the directory it was resolved from, to find the file itself.
    public func resolveFrontMatter(_ reference: String, articleFolder: String, isImage: Bool) -> (
        resolution: Resolution, directory: String
    ) {
        let fromContent = resolve(reference, fromDirectory: "", isImage: isImage)
        // Written from the site root, it names the same file from any folder: resolved once.
        let trimmed = reference.trimmedWhitespace
        if trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") {
            if case .site = fromContent { return (fromContent, articleFolder) }
            return (fromContent, "")
        }
        if fromContent != .unchanged, mayNameAFile(trimmed, fromDirectory: articleFolder),
            case .site(let url) = resolve(reference, fromDirectory: articleFolder, isImage: isImage)
        {
            return (.site(url), articleFolder)
        }
        return (fromContent, "")
    }

    /// False when `resolve` from `directory` cannot give `.site`: most front matter names its
    /// image from content/, and resolving it from the article's folder too, its URL and its
    /// error made for nothing, was a quarter to a third of the lead images' time. Each `.site`
    /// of `resolve` must be a yes here (`ContentPathsTests` checks them side by side).
    func mayNameAFile(_ raw: String, fromDirectory directory: String) -> Bool {
        guard let target = Self.target(of: raw, fromDirectory: directory, basePath: urls.basePath) else { return false }
        let normalized = target.normalized
        if normalized.isEmpty || assets.contains(normalized) { return true }
        return PublishableFiles.kind(of: normalized) == .markdown && documentURLs[normalized] != nil
    }

    /// The error for a front matter reference that `resolveFrontMatter` found `.missing`.
    public func missingFrontMatterMessage(contentPath: String, articleFolder: String, isImage: Bool) -> Message {
        let suggestions = suggestions(
            for: String(contentPath.dropFirst("content/".count)), orRootRelative: nil, fromDirectory: articleFolder)
        return Self.missingMessage(isImage: isImage, contentPath: contentPath, suggestions: suggestions)
    }

    /// The photo an image reference names (content-relative path and probe), when it names one
    /// under content/ that exists.
    public func photo(ofImage reference: String, fromDirectory directory: String) -> (path: String, probe: PhotoProbe)?
    {
        guard let path = asset(reference, fromDirectory: directory), let probe = photos.photos[path] else { return nil }
        return (path, probe)
    }

    /// The content-relative path of the file under content/ that a reference names, if any.
    public func asset(_ reference: String, fromDirectory directory: String) -> String? {
        let raw = reference.trimmedWhitespace
        guard Self.scheme(of: raw) == nil, !raw.hasPrefix("//"),
            let target = Self.target(of: raw, fromDirectory: directory, basePath: urls.basePath),
            assets.contains(target.normalized)
        else { return nil }
        return target.normalized
    }

    /// A written reference as a content-relative path (nil when it climbs above content/), whether
    /// it was written from the site root, its `#…`/`?…` part, and the path as written (decoded,
    /// without the base path), for the suggestions to try from content/ itself.
    private static func target(of raw: String, fromDirectory directory: String, basePath: String) -> (
        normalized: String, rooted: Bool, suffix: String, written: String
    )? {
        var path = raw
        var suffix = ""
        if let cut = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(path[cut...])
            path = String(path[..<cut])
        }
        // Foundation's decoding costs more than the rest of resolving: most paths have nothing to decode.
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        let rooted = path.hasPrefix("/")
        if rooted, !basePath.isEmpty, path.hasPrefix(basePath) {
            path = String(path.dropFirst(basePath.count))
        }
        guard let normalized = normalize(rooted ? path : (directory.isEmpty ? path : directory + "/" + path))
        else { return nil }
        return (normalized, rooted, suffix, path)
    }

    /// What the editor may have meant by `reference`, resolved `.missing` from `directory`.
    public func suggestions(forReference reference: String, fromDirectory directory: String) -> [String] {
        guard
            let target = Self.target(of: reference.trimmedWhitespace, fromDirectory: directory, basePath: urls.basePath)
        else { return [] }
        let rootRelative = target.rooted ? nil : Self.normalize(target.written)
        return suggestions(for: target.normalized, orRootRelative: rootRelative, fromDirectory: directory)
    }

    /// What the editor may have meant by a reference to `missing` (content-relative): a file
    /// that differs only in case, the same path taken from content/ instead of the article's
    /// folder, or the only file with that name. Each is offered relative to the article and
    /// from the site root. Only a missed reference asks, so the files are scanned then rather
    /// than indexed for every build.
    func suggestions(for missing: String, orRootRelative rootRelative: String?, fromDirectory directory: String)
        -> [String]
    {
        let known = assets.union(documentURLs.keys).sorted()
        var found: [String] = []
        for candidate in [missing, rootRelative].compactMap({ $0 }) {
            let lower = candidate.lowercased()
            found += known.filter { $0.lowercased() == lower }
        }
        if found.isEmpty, let name = missing.split(separator: "/").last?.lowercased() {
            let sameName = known.filter { $0.split(separator: "/").last?.lowercased() == name }
            if sameName.count == 1 { found = sameName }
        }
        var result: [String] = []
        for path in found {
            for form in [Self.relative(path, fromDirectory: directory), "/" + path] where !result.contains(form) {
                result.append(form)
            }
        }
        return result
    }

    /// The error for a reference to a file that is not there.
    public static func missingMessage(isImage: Bool, contentPath: String, suggestions: [String]) -> Message {
        let hint =
            suggestions.isEmpty ? Message(.hintCheckName) : Message(.hintDidYouMean, .alternatives(suggestions))
        return Message(isImage ? .imageNotFound : .fileNotFound, "\(contentPath)", .message(hint))
    }

    /// `images/a.jpg` seen from `articles/2019` → `../../images/a.jpg`.
    static func relative(_ path: String, fromDirectory directory: String) -> String {
        var from = directory.split(separator: "/")
        var to = path.split(separator: "/")
        while let f = from.first, let t = to.first, f == t, to.count > 1 {
            from.removeFirst()
            to.removeFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }

    /// `path` with empty, `.` and `..` segments resolved ("a/./b/../c" → "a/c"); nil when `..`
    /// climbs above the root.
    /// Split at the byte `/`, as the file system does (Characters cost a tenth of the model).
    static func normalize(_ path: String) -> String? {
        var parts: [Substring.UTF8View] = []
        var clean = true  // no segment to drop or resolve: the path comes back as it is
        for part in path.utf8.split(separator: 0x2F, omittingEmptySubsequences: false) {
            if part.isEmpty || part.elementsEqual(".".utf8) {
                clean = false
            } else if part.elementsEqual("..".utf8) {
                if parts.isEmpty { return nil }
                parts.removeLast()
                clean = false
            } else {
                parts.append(Substring(part).utf8)
            }
        }
        if clean { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for (k, part) in parts.enumerated() {
            if k > 0 { out.append(0x2F) }
            out.append(contentsOf: part)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func scheme(of text: String) -> String? {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = text.utf8[..<colon]
        let isLetter = { (b: UInt8) in (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        guard let first = candidate.first, isLetter(first),
            candidate.allSatisfy({
                isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D
            })
        else { return nil }
        return String(Substring(candidate))
    }
}

/// Percent-encoding for paths we write into URLs ourselves.
public enum URLEncoding {
    /// Keeps `/` and URL-safe ASCII; encodes spaces, Vietnamese letters and the rest as UTF-8 bytes.
    public static func encodePath(_ path: String) -> String {
        if path.utf8.allSatisfy(isKept) { return path }  // most paths: nothing to encode
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: return true
        default: return false
        }
    }
}
