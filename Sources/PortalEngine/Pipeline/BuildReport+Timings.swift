import Foundation

extension BuildReport {
    /// What `--timings` prints: the seconds of each stage, then how the search index, the pages
    /// and the Markdown files were made.
    public func timingLines(in language: Language) -> [String] {
        let text = { (id: MessageID, arguments: [Message.Argument]) in Message(id, arguments: arguments).text(language)
        }
        var lines = stageSeconds.map { stage, seconds in
            stage.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + String(format: "%7.3f", seconds) + " s"
        }
        lines.append(text(.timingsSearch, ["\(searchIndex.rawValue)"]))
        if let tokenizing = searchTokenizing {
            let megabytes = String(format: "%.1f", Double(tokenizing.bytes) / 1e6)
            let speed = String(format: "%.1f", tokenizing.megabytesPerSecond)
            lines.append(text(.timingsTokenizing, [.text(megabytes), .text(speed)]))
        }
        if let shards = searchShardsRead {
            lines.append(text(.timingsSearchPatch, [.number(shards.read), .number(shards.of)]))
        }
        lines.append(text(.timingsPages, [.number(pagesRendered), .number(pagesReused), .number(pagesKeptUnseen)]))
        lines.append(
            text(
                .timingsSources,
                [
                    .number(sources.loadsMade), .number(sources.loadsReused), .number(sources.bodiesMade),
                    .number(sources.bodiesReused), .number(sources.loadsUnread), .number(sources.bodiesStreamed),
                ]))
        return lines.map { "  " + $0 }
    }
}
