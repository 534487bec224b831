import Foundation

extension BuildReport {
    /// The report as one JSON object, for benchmarks and scripts (`build-site --report json`).
    public var json: String {
        let object: [String: Any] = [
            "articles": articles, "documents": documents, "pages": pagesWritten, "files_copied": filesCopied,
            "files_written": filesWritten, "files_unchanged": filesUnchanged, "seconds": seconds,
            "up_to_date": upToDate, "model_kept": modelKept, "search_index": searchIndex.rawValue,
            "pages_rendered": pagesRendered, "pages_reused": pagesReused,
            "pages_kept_unseen": pagesKeptUnseen,
            "files_parsed": sources.loadsMade, "files_reused": sources.loadsReused, "files_unread": sources.loadsUnread,
            "bodies_rendered": sources.bodiesMade, "bodies_reused": sources.bodiesReused,
            "bodies_streamed": sources.bodiesStreamed,
            "photos_read": photosRead, "photos_made": photosMade, "photos_from_cache": photosFromCache,
            "warnings": diagnostics.count, "scheduled": scheduled,
            "stages": stageSeconds.map { ["stage": $0.stage, "seconds": $0.seconds] as [String: Any] },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
