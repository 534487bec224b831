import Foundation

/// Checks a built site as a reader's browser would meet it: every internal link and image
/// resolves to a file, and no page carries markup that could run script.
public enum OutputCheck {
    private static let reference = try! NSRegularExpression(pattern: #"(?:href|src|(?<=\s)data)="([^"]*)""#)
    private static let candidates = try! NSRegularExpression(pattern: #"srcset="([^"]*)""#)

    /// `basePath` is the site's path prefix ("/" or "/portal/"); diagnostics name output files.
    public static func run(output: URL, basePath: String = "/") -> (pages: Int, links: Int, problems: [Diagnostic]) {
        let root = output.standardizedFileURL.path
        var files: [String] = []
        FileTree.walk(root, rules: .everyFile) { entry in
            if case .file(let relative, _) = entry, relative.hasSuffix(".html") { files.append(relative) }
        }
        files.sort()
        let results = parallelMap(files) { page -> (Int, [Diagnostic]) in
            guard let data = FileManager.default.contents(atPath: root + "/" + page) else {
                return (0, [.error(page, nil, Message(.checkUnreadable))])
            }
            let html = String(decoding: data, as: UTF8.self)
            var problems = UnsafeMarkup.findings(in: html).map {
                Diagnostic.error(page, nil, Message(.unsafeMarkup, "\($0)"))
            }
            var links = 0
            for raw in references(in: html) {
                guard let target = localTarget(raw, page: page, basePath: basePath) else { continue }
                links += 1
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: root + "/" + target, isDirectory: &isFolder)
                if !exists || isFolder.boolValue {
                    problems.append(.error(page, nil, Message(.brokenLink, "\(raw)", "\(target)")))
                }
            }
            return (links, problems)
        }
        return (files.count, results.map(\.0).reduce(0, +), results.flatMap(\.1))
    }

    /// Every `href`, `src` and `data` (an embedded PDF's), and each URL of every `srcset` ("url 480w, url 800w").
    static func references(in html: String) -> [String] {
        let text = html as NSString
        let whole = NSRange(location: 0, length: text.length)
        func value(_ match: NSTextCheckingResult) -> String {
            text.substring(with: match.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
        }
        var found = reference.matches(in: html, range: whole).map(value)
        for match in candidates.matches(in: html, range: whole) {
            found += value(match).split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        return found
    }

    /// The output file a link points to, or nil for external links, fragments and other schemes.
    static func localTarget(_ raw: String, page: String, basePath: String) -> String? {
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("//") || ContentPaths.scheme(of: raw) != nil {
            return nil
        }
        var path = String(raw.prefix { $0 != "#" && $0 != "?" })
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) else { return path }  // outside the site's base: reported as broken
            path = String(path.dropFirst(basePath.count))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            path = folder.isEmpty ? path : folder + "/" + path
        }
        guard var normalized = ContentPaths.normalize(path) else { return path }
        if path.isEmpty || path.hasSuffix("/") { normalized += normalized.isEmpty ? "index.html" : "/index.html" }
        return normalized
    }
}
