import Foundation

/// Turns `aliases:` into redirect pages, refusing ones that would overwrite a page or leave the site.
enum AliasPlanner {
    /// `taken`: article and page URLs (to their files); `lists`: URLs of the generator's list pages (categories,
    /// terms, taxonomy indexes, search), whose numbered pages are taken too.
    static func plan(
        _ documents: [[Article]], taken: [String: String], lists: [String], urls: SiteURLs,
        diagnostics: inout [Diagnostic]
    ) -> [Alias] {
        var aliases: [Alias] = []
        var owners: [String: String] = [:]
        let listPaths = Set(lists.map { urls.outputPath(forURL: $0) })
        let listFolders = Set(lists.map { String(urls.outputPath(forURL: $0).dropLast("index.html".count)) })
        let files: Set = [
            "index.html", "404.html", "search", "index.xml", "sitemap.xml", "robots.txt", ".htaccess", "web.config",
            PublishedURLs.fileName,
        ]
        /// A list page, one of its numbered pages (`…/trang/2/`), or a file the generator writes.
        func isGenerated(_ output: String, first: String) -> Bool {
            if listPaths.contains(output) || files.contains(first) { return true }
            let parts = output.split(separator: "/")
            for (k, part) in parts.enumerated() where part == urls.segments.page {
                if listFolders.contains(parts[..<k].joined(separator: "/") + "/") { return true }
            }
            return false
        }
        func planAliases(of document: Article) {
            let file = document.file.sourcePath
            for raw in document.aliases {
                let at = document.positionOfAliases
                var path = raw.trimmedWhitespace
                if let scheme = ContentPaths.scheme(of: path) {
                    diagnostics.append(
                        .error(file, at, Message(.aliasScheme, "\(raw)", "\(scheme)")))
                    continue
                }
                path = path.removingPercentEncoding ?? path
                guard let normalized = ContentPaths.normalize(path), !normalized.isEmpty,
                    !path.split(separator: "/").contains("..")
                else {
                    diagnostics.append(.error(file, at, Message(.aliasOutside, "\(raw)")))
                    continue
                }
                if normalized.split(separator: "/").contains(where: { $0.utf8.count > Slug.maximumLength }) {
                    diagnostics.append(
                        .error(
                            file, at,
                            Message(.aliasTooLong, "\(raw.prefix(60))", .number(Slug.maximumLength))))
                    continue
                }
                let isFile = normalized.hasSuffix(".html") || normalized.hasSuffix(".htm")
                let output = isFile ? normalized : normalized + "/index.html"
                let asURL = isFile ? urls.basePath + normalized : urls.basePath + normalized + "/"
                let first = String(normalized.split(separator: "/")[0])
                if taken[asURL] != nil || isGenerated(output, first: first) {
                    diagnostics.append(.error(file, at, Message(.aliasReplacesPage, "\(raw)")))
                    continue
                }
                if let owner = owners[output] {
                    if owner != file {
                        diagnostics.append(.error(file, at, Message(.aliasTwice, "\(raw)", "\(owner)")))
                    }
                    continue
                }
                owners[output] = file
                aliases.append(Alias(outputPath: output, targetURL: document.url))
            }
        }
        // By index, and only those with aliases copied out: most have none.
        for list in documents {
            for i in list.indices where !list[i].aliases.isEmpty { planAliases(of: list[i]) }
        }
        return aliases
    }
}
