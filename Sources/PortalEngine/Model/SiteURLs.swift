/// Where each kind of page lives; the one place URL shapes are decided.
public struct SiteURLs: Sendable {
    /// "/" or "/portal/".
    public let basePath: String

    /// First URL segments the generator itself uses; an article slug may not take them.
    public static let reservedSegments: Set<String> = [
        "category", "page", "bloc", "units", "tags", "404.html", "tim-kiem", "search",
    ]

    public init(basePath: String) {
        self.basePath = basePath
    }

    public var home: String { basePath }
    public func article(slug: String) -> String { basePath + slug + "/" }
    public func category(key: String) -> String { basePath + "category/" + key + "/" }
    public var search: String { basePath + "tim-kiem/" }
    public func asset(_ relativePath: String) -> String { basePath + relativePath }

    /// Page `number` (1-based) of a paginated list whose first page is `listURL`.
    public func paginated(_ listURL: String, page number: Int) -> String {
        number <= 1 ? listURL : listURL + "page/\(number)/"
    }

    /// Output file for a site path: "/x/" → "x/index.html", "/" → "index.html".
    public func outputPath(forURL url: String) -> String {
        var path = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : String(url.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
