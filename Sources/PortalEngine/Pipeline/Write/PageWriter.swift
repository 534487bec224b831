import Foundation

/// Renders every page job on every core and writes it into the staging folder, keeping the
/// previous file instead where the page's fingerprint is unchanged, or where `PageInputs` knows
/// the page unchanged without one; then the search index and the other generated files.
/// Returns the page fingerprints and paths for the next build.
struct PageWriter {
    let staging: OutputStaging
    let renderer: OutputRenderer
    let problems: WriteProblems
    let progress: BuildProgress?
    /// Where a write failure is reported.
    let outputLabel: String

    /// How many pages were rendered and how many kept from the previous build.
    struct Outcome {
        var pages: PageCache
        /// Each job's output path.
        var paths: [String]
        var rendered: Int
        var reused: Int
        /// Of `reused`, those kept without being prepared.
        var unseen: Int
    }

    /// `unchanged` gives, for a job whose page is known unchanged, the path of its page.
    func write(
        _ jobs: [PageJob], previous: PageCache?, unchanged: (@Sendable (Int) -> String?)?, search: SearchIndexPlan,
        files: [(path: String, text: String)]
    ) -> Outcome {
        let next = PageCacheBuilder(output: staging.output.path, jobs: jobs.count)
        let tally = RenderTally()
        parallelForEach(count: jobs.count) { i in
            if problems.failed { return }
            defer { progress?.advance() }
            if let path = unchanged?(i), let old = previous?.entries[path], staging.keepPrevious(path, size: old.size) {
                next.record(path, fingerprint: old.fingerprint, size: old.size, job: i)
                tally.count(reused: true, unseen: true)
                return
            }
            let prepared = renderer.prepare(jobs[i])
            next.place(job: i, at: prepared.path)
            if let fingerprint = prepared.fingerprint, let old = previous?.entries[prepared.path],
                old.fingerprint == fingerprint, staging.keepPrevious(prepared.path, size: old.size)
            {
                next.record(prepared.path, fingerprint: fingerprint, size: old.size)
                tally.count(reused: true)
                return
            }
            tally.count(reused: false)
            let bytes = prepared.render()
            // Most outputs written in code (feeds, the sitemap…) have no fingerprint; they are
            // recorded by their text, so that `unchanged` can keep them.
            if write(bytes, to: prepared.path) {
                next.record(prepared.path, fingerprint: prepared.fingerprint ?? Self.stamp(bytes), size: bytes.count)
            }
        }
        for (path, size) in search.kept where !problems.failed {
            if staging.keepPrevious(path, size: size) {
                next.record(path, fingerprint: search.fingerprint, size: size)
            } else {
                problems.append(.error(outputLabel, nil, Message(.searchFileNotKept, "\(path)")))
            }
        }
        for (path, text) in files { _ = write(text, to: path) }
        for (path, size) in search.written { next.record(path, fingerprint: search.fingerprint, size: size) }
        for (path, bytes) in search.files where !problems.failed {
            if write(bytes, to: path) { next.record(path, fingerprint: search.fingerprint, size: bytes.count) }
        }
        return Outcome(
            pages: next.cache, paths: next.paths, rendered: tally.rendered, reused: tally.reused,
            unseen: tally.unseen)
    }

    private func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { write($0, to: path) }
    }

    private func write(_ bytes: some Collection<UInt8>, to path: String) -> Bool {
        staging.write(bytes, to: path, reportingTo: problems, label: outputLabel)
    }
}

extension OutputStaging {
    /// Writes the file, or adds why it could not to `problems` (`label` names the output).
    func write(_ bytes: some Collection<UInt8>, to path: String, reportingTo problems: WriteProblems, label: String)
        -> Bool
    {
        do {
            try write(bytes, to: path)
            return true
        } catch {
            problems.append(.error(label, nil, Message(.systemError, "\(error)")))
            return false
        }
    }
}

/// Write failures gathered from render threads. A full or read-only disk fails every write the
/// same way: the first few are kept, the rest counted, and rendering stops at the first.
final class WriteProblems: @unchecked Sendable {
    static let kept = 5
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    private var dropped = 0

    func append(_ d: Diagnostic) {
        lock.withLock {
            if items.count < Self.kept { items.append(d) } else { dropped += 1 }
        }
    }

    var failed: Bool { lock.withLock { !items.isEmpty } }

    var all: [Diagnostic] {
        lock.withLock {
            guard dropped > 0, let first = items.first else { return items }
            return items + [.error(first.file, nil, Message(.moreFilesNotWritten, .number(dropped)))]
        }
    }
}

extension PageWriter {
    /// Hashed as `StableHasher.add(_: String)` hashes the same text.
    static func stamp(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("written in code")
        bytes.withUnsafeBytes { hasher.add(utf8: $0) }
        return hasher.value
    }
}

/// Collects the fingerprints of this build's pages, and each job's path, from render threads.
final class PageCacheBuilder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (fingerprint: UInt64, size: Int)] = [:]
    private var jobPaths: [String]
    private let output: String

    init(output: String, jobs: Int) {
        self.output = output
        jobPaths = Array(repeating: "", count: jobs)
    }

    func record(_ path: String, fingerprint: UInt64, size: Int, job: Int? = nil) {
        lock.withLock {
            entries[path] = (fingerprint, size)
            if let job { jobPaths[job] = path }
        }
    }

    func place(job: Int, at path: String) { lock.withLock { jobPaths[job] = path } }

    var cache: PageCache { lock.withLock { PageCache(output: output, entries: entries) } }
    var paths: [String] { lock.withLock { jobPaths } }
}

/// Counts pages rendered and kept, from render threads.
final class RenderTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (rendered: 0, reused: 0, unseen: 0)

    func count(reused: Bool, unseen: Bool = false) {
        lock.withLock {
            if reused { counts.reused += 1 } else { counts.rendered += 1 }
            if unseen { counts.unseen += 1 }
        }
    }

    var rendered: Int { lock.withLock { counts.rendered } }
    var reused: Int { lock.withLock { counts.reused } }
    var unseen: Int { lock.withLock { counts.unseen } }
}
