import Foundation
import Yams

/// Reads and checks `site/site.yaml`.
public enum SiteConfigLoader {
    public static let path = "site/site.yaml"

    /// The config, or nil when it cannot be used at all; diagnostics either way.
    public static func load(from sourceRoot: URL) -> (SiteConfig?, [Diagnostic]) {
        let url = sourceRoot.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [.error(path, nil, Message(.siteYAMLUnreadable))])
        }
        switch SourceText.decode(data) {
        case .failure(let e): return (nil, [.error(path, e.position, e.message)])
        case .success(let text):
            var (config, problems) = parse(text)
            var stamp = StableHasher()
            stamp.add(text)
            config?.textStamp = stamp.value
            return (config, problems)
        }
    }

    public static func parse(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let root: Node?
        switch YAMLReading.compose(yaml, file: path, firstLine: 1) {
        case .success(let node): root = node
        case .failure(let d): return (nil, [d])
        }
        guard case .mapping(let mapping)? = root else {
            return (nil, [.error(path, SourcePosition(line: 1, column: 1), Message(.siteYAMLNotMapping))])
        }
        var yaml = SiteYAML(mapping: mapping)
        var config = SiteConfig(title: "", baseURL: "/")
        readIdentity(&yaml, into: &config)
        config.perPage = yaml.positiveInt("per_page", default: 20)
        config.relatedCount = yaml.positiveInt("related_count", default: 5)
        problems = yaml.problems
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        if let node = mapping["unsafe_html"] {
            config.unsafeHTML = readBool(node, "unsafe_html", problems: &problems) ?? config.unsafeHTML
        }
        if let counter = mapping["counter"] {
            if case .mapping(let c) = counter {
                if let endpoint = c["endpoint"], case .scalar(let s) = endpoint, !endpoint.isNull {
                    config.counterEndpoint = s.string.trimmedWhitespace
                }
            } else if counter.isNull {
            } else {
                problems.append(.error(path, at(counter), Message(.counterMustBeMapping)))
            }
        }
        if let types = mapping["publish_file_types"] {
            config.publishFileTypes = readPublishFileTypes(types, problems: &problems)
        }
        if let node = mapping["relative_urls"] {
            config.relativeURLs = readBool(node, "relative_urls", problems: &problems) ?? false
        }
        if let node = mapping["deploy_files"] {
            readDeployFiles(node, into: &config.deployFiles, problems: &problems)
        }
        if let images = mapping["images"] {
            readPhotoSettings(images, into: &config.photos, problems: &problems)
        }
        if let documents = mapping["documents"] {
            readDocumentSettings(documents, into: &config.documents, problems: &problems)
        }
        if let urls = mapping["urls"] {
            readURLSegments(urls, into: &config.urlSegments, problems: &problems)
        }
        if let categories = mapping["categories"] {
            var seen: [String: SourcePosition?] = [:]
            config.categories = readCategories(categories, seen: &seen, problems: &problems)
        }
        let known: Set = [
            "title", "base_url", "language", "timezone", "per_page", "related_count", "categories", "counter",
            "unsafe_html", "publish_file_types", "urls", "relative_urls", "deploy_files", "images",
            "documents",
        ]
        for (key, value) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            config.extra[name] = YAMLValue(value)
        }
        return (problems.containsErrors ? nil : config, problems)
    }

    private static func readCategories(
        _ node: Node, seen: inout [String: SourcePosition?], problems: inout [Diagnostic]
    ) -> [CategoryConfig] {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        guard case .sequence(let items) = node else {
            if node.isNull { return [] }
            problems.append(.error(path, at(node), Message(.categoriesNotList)))
            return []
        }
        var result: [CategoryConfig] = []
        for item in items {
            guard case .mapping(let m) = item else {
                problems.append(.error(path, at(item), Message(.categoryNeedsKeyAndTitle)))
                continue
            }
            guard let keyNode = m["key"], let key = keyNode.string?.trimmedWhitespace, !key.isEmpty
            else {
                problems.append(.error(path, at(item), Message(.categoryNeedsKey)))
                continue
            }
            let position = at(keyNode)
            if let problem = Slug.problem(with: key) {
                problems.append(.error(path, position, Message(.categoryKeyProblem, .message(problem))))
            }
            if let first = seen[key] {
                let text =
                    first.map { Message(.categoryKeyTwiceAt, "\(key)", .number($0.line)) }
                    ?? Message(.categoryKeyTwice, "\(key)")
                problems.append(.error(path, position, text))
            } else {
                seen[key] = position
            }
            let title = m["title"]?.string?.trimmedWhitespace ?? ""
            if title.isEmpty {
                problems.append(.error(path, position, Message(.categoryNeedsTitle, "\(key)")))
            }
            let children = m["children"].map { readCategories($0, seen: &seen, problems: &problems) } ?? []
            result.append(CategoryConfig(key: key, title: title, children: children, position: position))
        }
        return result
    }

    /// The site's title, address, language and time zone.
    private static func readIdentity(_ yaml: inout SiteYAML, into config: inout SiteConfig) {
        if let (title, node) = yaml.text("title") {
            if title.isEmpty { yaml.problems.append(.error(path, yaml.at(node), Message(.siteTitleEmpty))) }
            config.title = title
        } else {
            yaml.problems.append(.error(path, SourcePosition(line: 1, column: 1), Message(.siteTitleMissing)))
        }
        if let (base, node) = yaml.text("base_url") {
            if let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
            {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                yaml.problems.append(
                    .error(
                        path, yaml.at(node),
                        Message(.baseURLInvalid)))
            }
        } else {
            yaml.problems.append(
                .error(
                    path, SourcePosition(line: 1, column: 1), Message(.baseURLMissing))
            )
        }
        if let (language, _) = yaml.text("language"), !language.isEmpty { config.language = language }
        if let (zoneName, node) = yaml.text("timezone") {
            if let zone = TimeZone(identifier: zoneName) {
                config.timeZone = zone
            } else {
                yaml.problems.append(
                    .error(path, yaml.at(node), Message(.unknownTimeZone, "\(zoneName)")))
            }
        }
    }
}

/// site.yaml's top mapping, read key by key, with the problems met.
struct SiteYAML {
    let mapping: Node.Mapping
    var problems: [Diagnostic] = []

    func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }

    /// A text value and its node; nil when absent or empty (null), with an error when not text.
    mutating func text(_ key: String) -> (String, Node)? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let s) = node, !node.isNull else {
            if case .scalar = node { return nil }
            problems.append(.error(SiteConfigLoader.path, at(node), Message(.fieldMustBeText, "\(key)")))
            return nil
        }
        return (s.string.trimmedWhitespace, node)
    }

    mutating func positiveInt(_ key: String, default value: Int) -> Int {
        guard let node = mapping[key] else { return value }
        guard let n = node.plainInt, n > 0 else {
            problems.append(.error(SiteConfigLoader.path, at(node), Message(.fieldMustBePositiveInt, "\(key)")))
            return value
        }
        return n
    }
}
