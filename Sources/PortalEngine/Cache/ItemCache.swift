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
        sourceRoot.appendingPathComponent(PageCache.folder).appendingPathComponent(fileName)
    }

    public static func load(sourceRoot: URL) -> ItemCache {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot).path),
            let entries = try? JSONDecoder().decode([String: [String]].self, from: data)
        else { return ItemCache() }
        return ItemCache(entries: entries)
    }

    public func save(sourceRoot: URL) {
        let target = Self.url(sourceRoot: sourceRoot)
        try? FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.appendingPathExtension("tmp-\(getpid())")
        if let data = try? JSONEncoder().encode(entries), (try? data.write(to: temporary)) != nil {
            _ = rename(temporary.path, target.path)
        }
    }
}
