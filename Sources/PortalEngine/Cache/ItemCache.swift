import Foundation

/// Each article's rendered list entries (`html`, `link_html`) by fingerprint, from the last build.
///
/// The fingerprint covers the entry's fields, the templates and the engine build, so an entry is
/// reused only where rendering it again would give the same bytes.
public struct ItemCache: Sendable {
    static let fileName = "items-v1.json"

    /// Fingerprint (hex) → [html, link_html].
    public var entries: [String: [String]]

    public init(entries: [String: [String]] = [:]) {
        self.entries = entries
    }

    static func url(sourceRoot: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, name: fileName)
    }

    public static func load(sourceRoot: URL) -> ItemCache {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot).path),
            let entries = try? JSONDecoder().decode([String: [String]].self, from: data)
        else { return ItemCache() }
        return ItemCache(entries: entries)
    }

    public func save(sourceRoot: URL) {
        if let data = try? JSONEncoder().encode(entries) {
            CacheFiles.write(data, to: Self.url(sourceRoot: sourceRoot))
        }
    }
}
