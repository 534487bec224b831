import Foundation

/// What a finished build did, for the CLI's summary line.
public struct BuildReport: Sendable {
    /// News articles; the documents (văn bản) are counted apart.
    public var articles: Int
    public var documents = 0
    public var pagesWritten: Int
    public var filesCopied: Int
    public var seconds: Double
    /// Warnings (a build with errors throws instead of reporting).
    public var diagnostics: [Diagnostic]
    /// Seconds spent in each stage, in order, for `--timings` and the benchmark.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
    /// Output files written anew, and files left as they were (same bytes, same modification time).
    public var filesWritten = 0
    public var filesUnchanged = 0
    /// How the search index was made this time.
    public var searchIndex: SearchIndexMode = .rebuilt
    /// The text the index build split into terms, and how fast, when it built the index whole.
    public var searchTokenizing: SearchIndexBuilder.Tokenizing?
    /// The term shards a patch read, and all of them, when it patched the index.
    public var searchShardsRead: (read: Int, of: Int)?
    /// Outputs rendered, and templated pages whose fingerprint matched the last build's and were
    /// kept without rendering (the page cache).
    public var pagesRendered = 0
    public var pagesReused = 0
    /// Of `pagesReused`, those known unchanged without building their data (`PageInputs`).
    public var pagesKeptUnseen = 0
    /// Markdown files parsed and bodies rendered by this build, and those taken from the last.
    public var sources = DocumentMemory.Counts()
    /// Photos decoded to make their variants, and photos published from the cache's variants.
    public var photosMade = 0
    /// Image files read and hashed (the others were known by their size, times and inode).
    public var photosRead = 0
    public var photosFromCache = 0
    /// Nothing the build reads had changed and the output was whole: nothing was built.
    public var upToDate = false
    /// The model was the one kept from the process's last build (`ModelMemory`).
    public var modelKept = false
    /// Backups, lock files and system files left out of content/ and site/static/.
    public var leftoversSkipped = 0
    /// Articles dated in the future, left out until then (none with `includeFuture`).
    public var scheduled = 0
    /// The earliest of their dates.
    public var nextScheduled: Timestamp?
    /// The site's time zone, to show `nextScheduled` as editors wrote it.
    public var timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// "10 bài viết, 5 văn bản", or "10 bài viết" for a site without documents.
    public var count: Message {
        documents > 0
            ? Message(.countArticlesAndDocuments, .number(articles), .number(documents))
            : Message(.countArticles, .number(articles))
    }

    /// Lines the CLI prints under the summary: what was left out and why.
    public var notes: [Message] {
        var lines: [Message] = []
        if leftoversSkipped > 0 {
            lines.append(Message(.leftoversNote, .number(leftoversSkipped)))
        }
        if let next = nextScheduled, scheduled > 0 {
            let when = VietnameseDateFormat(zone: timeZone).shortWithTime(next)
            lines.append(Message(.scheduledNote, .number(scheduled), "\(when)"))
        }
        return lines
    }

    /// The previous index kept (nothing searchable changed), patched (a few articles changed),
    /// or built whole.
    public enum SearchIndexMode: String, Sendable {
        case reused
        case patched
        case rebuilt
    }
}
