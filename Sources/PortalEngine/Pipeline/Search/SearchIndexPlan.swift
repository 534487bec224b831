import Foundation

/// How this build gets its search index: the previous build's files kept when nothing
/// searchable changed and they are all still in the output, a few changed articles patched into
/// them, or the index built whole.
struct SearchIndexPlan {
    var mode: BuildReport.SearchIndexMode
    /// Shared by every index file: the page cache records it for them.
    var fingerprint: UInt64
    /// Files to write (none when the previous ones are kept).
    var files: [(path: String, bytes: [UInt8])]
    /// Files written already, as they were made (`write`), with their sizes.
    var written: [(path: String, size: Int)] = []
    /// Previous files to keep, with their sizes (when reused).
    var kept: [(path: String, size: Int)]
    /// What the next build needs to patch this index.
    var record: SearchIndexCache?
    /// How fast the build split text into terms (when it built the index whole).
    var tokenizing: SearchIndexBuilder.Tokenizing?
    /// Term shards a patch read, of all (when it patched).
    var shardsRead: (read: Int, of: Int)?

    /// `previousPages` tells which index files the previous build wrote and with what fingerprint.
    /// `bodyKeys` are the bodies' keys in `documents`, where a patch finds the previous text of
    /// an edited article.
    /// A whole build hands each term shard to `write` as it is made.
    static func make(
        model: SiteModel, bodies: [RenderedBody], bodyKeys: [UInt64], documents: DocumentMemory?,
        previousPages: PageCache?, previousIndex: SearchIndexCache?, output: URL,
        write: ((String, [UInt8]) -> Bool)? = nil
    ) -> SearchIndexPlan {
        let stamped = SearchIndexBuilder.documentStamps(model: model, bodies: bodies)
        let stamps = stamped.map(\.stamp)
        let record = { (shardCount: Int) in
            SearchIndexCache(
                shardCount: shardCount, stamps: stamps,
                sources: SearchIndexBuilder.termSources(
                    model: model, textHashes: stamped.map(\.textHash), bodyKeys: bodyKeys))
        }
        let fingerprint = SearchIndexBuilder.fingerprint(model: model, stamps: stamps)
        let previousFiles = previousPages?.entries.filter { $0.key.hasPrefix("\(SiteURLs.searchIndexFolder)/") } ?? [:]
        let reusable =
            !previousFiles.isEmpty
            && previousFiles.allSatisfy { path, entry in
                var info = stat()
                return entry.fingerprint == fingerprint
                    && stat(output.appendingPathComponent(path).path, &info) == 0
                    && Int(info.st_size) == entry.size
            }
        if reusable {
            return SearchIndexPlan(
                mode: .reused, fingerprint: fingerprint, files: [],
                kept: previousFiles.map { ($0.key, $0.value.size) }.sorted { $0.path < $1.path },
                record: previousIndex.flatMap { $0.stamps == stamps ? record($0.shardCount) : nil })
        }
        if let previousIndex,
            let patched = SearchIndexBuilder.update(
                previousOutput: output, previous: previousIndex, stamps: stamps, model: model, bodies: bodies,
                previousBody: { documents?.keptBody($0) })
        {
            return SearchIndexPlan(
                mode: .patched, fingerprint: fingerprint, files: patched.files, kept: patched.kept,
                record: record(patched.shardCount), shardsRead: (patched.shardsRead, patched.shardCount))
        }
        let index = SearchIndexBuilder.build(model: model, bodies: bodies, write: write)
        return SearchIndexPlan(
            mode: .rebuilt, fingerprint: fingerprint, files: index.files, written: index.written, kept: [],
            record: record(index.shardCount), tokenizing: index.tokenizing)
    }
}
