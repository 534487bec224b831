import Foundation

/// Every URL each article has been published at, kept in the output itself
/// (`published-urls.tsv`), so an article whose URL changes (title edited without `slug:`, slug
/// changed) leaves a redirect at its old URL, even after `.build-site-cache/` is deleted.
public struct PublishedURLs: Sendable, Equatable {
    /// The output file that holds the record; it is published with the site (nothing secret:
    /// source file names and public URLs).
    public static let fileName = "published-urls.tsv"

    /// Content file (`content/articles/x.md`) → its URLs as site paths without the base path
    /// (`slug/`), the current one first.
    public var urlsBySource: [String: [String]] = [:]

    public init(urlsBySource: [String: [String]] = [:]) {
        self.urlsBySource = urlsBySource
    }

    /// The record in a previous output; empty when there is none or it cannot be read.
    public static func load(fromOutput output: URL) -> PublishedURLs { parse(recordData(in: output)) }

    /// The record's bytes in `output`, unparsed: a build that keeps its model needs only
    /// their `stamp`.
    static func recordData(in output: URL) -> Data? {
        FileManager.default.contents(atPath: output.appendingPathComponent(fileName).path)
    }

    /// A hash of the record's bytes; 0 when there is none.
    static func stamp(of data: Data?) -> UInt64 {
        guard let data else { return 0 }
        var stamp = StableHasher()
        data.withUnsafeBytes { stamp.add(bytes: $0) }
        return stamp.value
    }

    /// The record read from its bytes: lines of tab-separated fields, split as bytes.
    static func parse(_ data: Data?) -> PublishedURLs {
        guard let data else { return PublishedURLs() }
        var record = PublishedURLs()
        data.withUnsafeBytes { raw in
            let lines = raw.split(separator: 0x0A)
            record.urlsBySource.reserveCapacity(lines.count)
            for var line in lines where line.first != 0x23 {  // "#" starts a comment
                if line.last == 0x0D { line = line.dropLast() }  // a file saved again with CRLF
                let fields = line.split(separator: 0x09).map { String(decoding: $0, as: UTF8.self) }
                guard fields.count >= 2, fields[0].hasPrefix("content/") else { continue }
                record.urlsBySource[fields[0]] = Array(fields.dropFirst())
            }
        }
        return record
    }

    public var text: String {
        var out =
            "# Every URL each article has had, newest first. build-site reads it to keep old URLs working; do not edit.\n"
        for (source, urls) in urlsBySource.sorted(by: { $0.key < $1.key }) {
            out += ([source] + urls).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Redirects from the previous URLs of `documents` to their current ones, the warnings that
    /// ask editors to make them permanent, and the record for the next build. Sources that still
    /// exist but are not built (drafts, scheduled) keep their lines; deleted ones lose them.
    static func plan(
        previous: PublishedURLs, documents: [[Article]], existingSources: Set<String>, taken: [String: String],
        aliases: [Alias], urls: SiteURLs
    ) -> (redirects: [Alias], next: PublishedURLs, warnings: [Diagnostic]) {
        // Most lines stay as they are: the record is taken whole, and only what changed is written.
        var next = previous
        // Room for every article at once: a first build grew the record from nothing, rehashing
        // it again and again.
        next.urlsBySource.reserveCapacity(max(previous.urlsBySource.count, documents.reduce(0) { $0 + $1.count }))
        for source in previous.urlsBySource.keys where !existingSources.contains(source) {
            next.urlsBySource[source] = nil
        }
        var redirects: [Alias] = []
        var warnings: [Diagnostic] = []
        var redirected = Set(aliases.map(\.outputPath))
        // By index: an article copied out is 25 counted references retained and released.
        for list in documents {
            for i in list.indices {
                let source = list[i].file.sourcePath
                let unchanged = list[i].url.dropFirst(urls.basePath.count)  // no new text for most
                let known = previous.urlsBySource[source] ?? []
                if known.count == 1 && known[0] == unchanged { continue }
                let current = String(unchanged)
                let earlier = known.filter { $0 != current }
                next.urlsBySource[source] = [current] + earlier
                for old in earlier {
                    let output = old.hasSuffix("/") ? old + "index.html" : old
                    // Another page lives there now, or an alias already redirects it.
                    if taken[urls.basePath + old] != nil || redirected.contains(output) { continue }
                    redirected.insert(output)
                    redirects.append(Alias(outputPath: output, targetURL: list[i].url))
                    warnings.append(
                        .warning(
                            source, list[i].positionOfSlugOrTitle,
                            Message(
                                .urlChanged, "\(urls.basePath + old)", "\(list[i].url)",
                                "\(old.trimmingCharacters(in: CharacterSet(charactersIn: "/")))")
                        ))
                }
            }
        }
        return (redirects, next, warnings)
    }
}
