import Foundation

/// Skips a build whose inputs are exactly those of the previous successful build into the same
/// output, as `make` does: every file under `content/`, `site/` and the built-in theme (path,
/// size, modification and change times, inode), the engine binary, the build options and what
/// "now" contributes to pages (the day, which documents' status is given "as of", and the UTC
/// offset in the site's time zone).
///
/// The previous output must still hold every file it was built with, at its recorded size, and
/// that build must have had no warnings (they are printed again by building).
struct UpToDateCheck {
    /// What the previous build recorded.
    struct Record: Equatable {
        var inputs: UInt64
        var articles: Int
        var documents = 0
        var pages: Int
        var copied: Int
        /// Output path → size, every file of the output.
        var files: [String: Int]
        /// The earliest date of an article left out as scheduled: from then on the output is out
        /// of date although no input changed.
        var nextScheduled: Timestamp? = nil
        /// How many articles wait, for the summary of a build that stops here.
        var scheduled = 0
    }

    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "inputs-v2", ext: "txt")
    }

    /// The fingerprint of everything a build reads; `stamps` gets each file of `content/`'s
    /// stamp, for the loader to take unchanged files unread.
    static func inputs(_ options: BuildOptions, config: SiteConfig, stamps: inout ObservedStamps) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("inputs-v1")
        hasher.add(EngineIdentity.value)
        hasher.add(options.output.path)
        hasher.add(options.includeDrafts ? "drafts" : "no drafts")
        hasher.add(options.includeFuture ? "future" : "no future")
        hasher.add(options.baseURLOverride ?? "-")
        hasher.add(options.counterEndpointOverride ?? "-")
        hasher.add(options.strict ? "strict" : "lenient")
        let now = LocalDateTime(options.now, in: config.timeZone)
        hasher.add(UInt64(now.year))
        hasher.add(UInt64(now.month))
        hasher.add(UInt64(now.day))
        hasher.add(UInt64(bitPattern: Int64(now.utcOffsetSeconds)))
        var folders = [
            options.sourceRoot.appendingPathComponent("content").path,
            options.sourceRoot.appendingPathComponent("site").path,
        ]
        if let theme = Theme.builtInRoot { folders.append(theme.path) }
        stamps.takenAt = ObservedStamps.now()
        var contentEntries: [FileTree.Entry] = []
        for (i, folder) in folders.enumerated() {
            hasher.add(folder)
            stampTree(folder, into: &hasher) { if i == 0 { contentEntries.append($0) } }  // content/ comes first
        }
        stamps.contentEntries = contentEntries
        return hasher.value
    }

    /// The files the build reads, by the build's own rules (`FileTree.Rules.source`); a link
    /// is stamped by its target.
    private static func stampTree(
        _ root: String, into hasher: inout StableHasher, seen: (FileTree.Entry) -> Void = { _ in }
    ) {
        FileTree.walk(root, rules: .source) { entry in
            seen(entry)
            switch entry {
            case .file(let relative, let info):
                hasher.add(root + "/" + relative)
                hasher.add(UInt64(info.st_size))
                hasher.add(UInt64(info.st_ino))
                hasher.add(UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
                hasher.add(UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
                hasher.add(UInt64(bitPattern: Int64(info.st_ctim.tv_sec)))
                hasher.add(UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)))
            case .leftover: break
            case .linkToFolder(let relative), .brokenLink(let relative):
                hasher.add("link " + relative)
            case .unreadableFolder(let relative, _), .unreadableEntry(let relative, _):
                hasher.add("unreadable " + relative)
            }
        }
    }

    static func load(sourceRoot: URL, output: URL) -> Record? {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output).path) else {
            return nil
        }
        // Parsed as bytes: the record lists every output file, and splitting it into Characters
        // took 80 ms at 10,000 articles.
        var lines = CacheTextLines([UInt8](data))
        guard let first = lines.next(), var record = header(first) else { return nil }
        record.files.reserveCapacity(lines.count)
        while let line = lines.next() {
            let fields = CacheTextLines.fields(line, maxSplits: 1)
            guard fields.count == 2, let size = CacheTextLines.int(fields[0]) else { return nil }
            record.files[CacheTextLines.text(fields[1])] = size
        }
        return record
    }

    /// The inputs the record was made for, from its first line alone: most builds that are
    /// not up to date need no more of it.
    static func recordedInputs(sourceRoot: URL, output: URL) -> UInt64? {
        let fd = open(url(sourceRoot: sourceRoot, output: output).path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0, let end = buffer[..<count].firstIndex(of: 0x0A) else { return nil }
        return header(buffer[..<end])?.inputs
    }

    /// The record's first line, without its files.
    private static func header(_ line: ArraySlice<UInt8>) -> Record? {
        let fields = String(decoding: line, as: UTF8.self).split(separator: "\t")
        guard fields.count == 6, fields[0] == "v2", let inputs = UInt64(fields[1], radix: 16),
            let pages = Int(fields[3]), let copied = Int(fields[4])
        else { return nil }
        // "10:5": news articles and documents.
        let counts = fields[2].split(separator: ":").compactMap { Int($0) }
        guard counts.count == 2 else { return nil }
        let schedule = fields[5].split(separator: ":")
        let nextScheduled = schedule.count == 2 ? Int64(schedule[1]).map { Timestamp(secondsSince1970: $0) } : nil
        let scheduled = nextScheduled == nil ? 0 : Int(schedule[0]) ?? 0
        return Record(
            inputs: inputs, articles: counts[0], documents: counts[1], pages: pages, copied: copied, files: [:],
            nextScheduled: nextScheduled, scheduled: scheduled)
    }

    /// True when every recorded file is in the output at its recorded size.
    static func outputIsIntact(_ record: Record, output: URL) -> Bool {
        let root = output.path + "/"
        for (path, size) in record.files {
            var info = stat()
            guard stat(root + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else {
                return false
            }
        }
        return !record.files.isEmpty
    }

    /// Removed before the output is swapped and written after, like the page cache.
    static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output))
    }

    static func save(_ record: Record, sourceRoot: URL, output: URL) {
        let scheduled = record.nextScheduled.map { "\(record.scheduled):\($0.secondsSince1970)" } ?? "-"
        var text =
            "v2\t\(String(record.inputs, radix: 16))\t\(record.articles):\(record.documents)\t\(record.pages)\t\(record.copied)\t\(scheduled)\n"
        for (path, size) in record.files.sorted(by: { $0.key < $1.key }) { text += "\(size)\t\(path)\n" }
        CacheFiles.write(Data(text.utf8), to: url(sourceRoot: sourceRoot, output: output))
    }
}

extension UpToDateCheck.Record {
    /// The record of a build just swapped into `output`.
    init(inputs: UInt64, model: SiteModel, pages: Int, copied: Int, files: [String: Int]) {
        self.init(
            inputs: inputs, articles: model.newsCount,
            documents: model.documents.documents.count, pages: pages, copied: copied, files: files,
            nextScheduled: [model.scheduled.first, model.expiring.first, model.documentChanges.first].compactMap { $0 }
                .min(),
            scheduled: model.scheduled.count)
    }
}
