import Foundation

/// Turns `aliases:` into redirect pages, refusing ones that would overwrite a page or leave the site.
enum AliasPlanner {
    static func plan(_ documents: [Article], taken: Set<String>, urls: SiteURLs, diagnostics: inout [Diagnostic])
        -> [Alias]
    {
        var aliases: [Alias] = []
        var owners: [String: String] = [:]
        let reserved = urls.reservedSegments
        for document in documents {
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
                if taken.contains(asURL) || reserved.contains(first) || output == "index.html" || output == "404.html" {
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
        return aliases
    }
}
