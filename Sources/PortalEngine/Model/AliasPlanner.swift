import Foundation

/// Turns `aliases:` into redirect pages, refusing ones that would overwrite a page or leave the site.
enum AliasPlanner {
    static func plan(_ documents: [Article], taken: Set<String>, urls: SiteURLs, diagnostics: inout [Diagnostic])
        -> [Alias]
    {
        var aliases: [Alias] = []
        var owners: [String: String] = [:]
        let reserved = SiteURLs.reservedSegments
        for document in documents {
            let file = document.file.sourcePath
            for raw in document.aliases {
                let at = document.positionOfAliases
                var path = raw.trimmedWhitespace
                if let scheme = ContentPaths.scheme(of: path) {
                    diagnostics.append(
                        .error(file, at, "alias '\(raw)' must be a path on this site, not a '\(scheme):' URL"))
                    continue
                }
                path = path.removingPercentEncoding ?? path
                guard let normalized = ContentPaths.normalize(path), !normalized.isEmpty,
                    !path.split(separator: "/").contains("..")
                else {
                    diagnostics.append(.error(file, at, "alias '\(raw)' is not a path inside the site"))
                    continue
                }
                if normalized.split(separator: "/").contains(where: { $0.utf8.count > Slug.maximumLength }) {
                    diagnostics.append(
                        .error(
                            file, at,
                            "alias '\(raw.prefix(60))…' has a part longer than \(Slug.maximumLength) characters"))
                    continue
                }
                let isFile = normalized.hasSuffix(".html") || normalized.hasSuffix(".htm")
                let output = isFile ? normalized : normalized + "/index.html"
                let asURL = isFile ? urls.basePath + normalized : urls.basePath + normalized + "/"
                let first = String(normalized.split(separator: "/")[0])
                if taken.contains(asURL) || reserved.contains(first) || output == "index.html" || output == "404.html" {
                    diagnostics.append(.error(file, at, "alias '\(raw)' would replace a page of the site"))
                    continue
                }
                if let owner = owners[output] {
                    if owner != file {
                        diagnostics.append(.error(file, at, "alias '\(raw)' is also an alias of \(owner)"))
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
