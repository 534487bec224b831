import Foundation

/// Each article's rendered list entries (`html`, `link_html`) by fingerprint, from the last build
/// into the same output folder.
///
/// The fingerprint covers the entry's fields, the templates and the engine build, so an entry is
/// reused only where rendering it again would give the same bytes.
public struct ItemCache: Sendable {

    /// Fingerprint (hex) → [html, link_html].
    public var entries: [String: [String]]

    public init(entries: [String: [String]] = [:]) {
        self.entries = entries
    }

    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "items-v2", ext: "json")
    }

    public static func load(sourceRoot: URL, output: URL) -> ItemCache {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output).path),
            let entries = try? JSONDecoder().decode([String: [String]].self, from: data)
        else { return ItemCache() }
        return ItemCache(entries: entries)
    }

    public func save(sourceRoot: URL, output: URL) {
        if let data = try? JSONEncoder().encode(entries) {
            CacheFiles.write(data, to: Self.url(sourceRoot: sourceRoot, output: output))
        }
    }
}
