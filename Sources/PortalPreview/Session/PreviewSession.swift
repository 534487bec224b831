import Foundation
import PortalEngine

/// Builds the site for the preview, then rebuilds it whenever content/ or site/ changes and
/// tells the open pages through the event hub.
public final class PreviewSession: @unchecked Sendable {
    public let options: PreviewOptions
    public let events = BuildEventHub()
    let firstBuild = FirstBuildGate()
    /// Distinguishes this run's versions from a previous run's, for pages left open across a restart.
    private let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var goodBuilds = 0
    /// Parsed files and rendered bodies from the previous rebuild: an edit re-parses one file.
    /// The first build starts from what `build-site` kept.
    private let documents: DocumentMemory
    private let modelMemory = ModelMemory()
    private let inPlaceFolder = InPlaceFolderMemory()
    private let memoryKeeper = BuildMemoryKeeper()
    private let log: @Sendable (String) -> Void

    public init(options: PreviewOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        documents = DocumentMemory(startingFrom: options.sourceRoot)
    }

    /// Waits until the last build's memory is written to `.build-site-cache/`.
    func waitUntilMemorySaved() { memoryKeeper.waitUntilSaved() }

    /// The first build, then one poll per interval until the task is cancelled.
    func watch(baseURL: String) async {
        var snapshot = SourceSnapshot.take(of: options.watchedFolders)
        let events = FolderEvents()
        events?.watch(snapshot.folders.union(options.watchedFolders))
        await rebuild(baseURL: baseURL, reason: nil)
        firstBuild.open()
        while !Task.isCancelled {
            do { try await pause(until: events) } catch { break }
            var next = SourceSnapshot.take(of: options.watchedFolders)
            let changed = snapshot.changes(to: next)
            if changed.isEmpty { continue }
            // An editor's save, or a folder of files copied in, often lands as several writes:
            // wait until two polls agree before building. Where the kernel watched every
            // folder that changed, 60 ms without an event say the same without a second walk.
            var watchedAll = events?.watches(foldersOf: changed) == true
            events?.watch(next.folders)  // new folders come with new files
            while !Task.isCancelled {
                do { try await Task.sleep(for: .milliseconds(60)) } catch { break }
                if watchedAll, events?.takeEvents() == false { break }
                watchedAll = false
                let again = SourceSnapshot.take(of: options.watchedFolders)
                if again == next { break }
                next = again
            }
            let unchanged = snapshot.unchanged(in: next, from: options.sourceRoot.path)
            snapshot = next
            await rebuild(baseURL: baseURL, reason: describe(changed), unchanged: unchanged)
        }
    }

    /// One poll interval, or less when the kernel reports a change in a watched folder: looked
    /// at every 10 ms (a system call that returns at once), not waited on, so no thread of the
    /// concurrency pool is held.
    private func pause(until events: FolderEvents?) async throws {
        guard let events else { return try await Task.sleep(for: options.pollInterval) }
        let step = Duration.milliseconds(10)
        var waited = Duration.zero
        while waited < options.pollInterval, !events.takeEvents() {
            try await Task.sleep(for: step)
            waited += step
        }
    }

    private func describe(_ changed: [String]) -> String {
        let root = options.sourceRoot.path + "/"
        let names = changed.prefix(3).map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }
        let more = changed.count > 3 ? ", … (+\(changed.count - 3))" : ""
        return names.joined(separator: ", ") + more
    }

    /// Runs one build off the concurrency pool (the engine uses every core) and publishes its outcome.
    /// `unchanged`: files the watch saw unchanged since the last build, by path from the site
    /// folder; they are not read again.
    private func rebuild(baseURL: String, reason: String?, unchanged: Set<String>? = nil) async {
        var buildOptions = BuildOptions(
            sourceRoot: options.sourceRoot, output: options.output, includeDrafts: options.includeDrafts,
            baseURLOverride: baseURL)
        buildOptions.counterEndpointOverride = "/api/counter"
        buildOptions.includeFuture = options.includeFuture
        buildOptions.documentMemory = documents
        buildOptions.unchangedFiles = unchanged
        buildOptions.modelMemory = modelMemory
        // The preview's folder is its own, and the browser reloads once a build is done.
        buildOptions.writeInPlace = true
        buildOptions.inPlaceFolder = inPlaceFolder
        buildOptions.memoryKeeper = memoryKeeper
        // A build for a change the watch saw has something to do; the first may have nothing.
        buildOptions.checkUpToDate = reason == nil
        buildOptions.dataDisposal = .freeInBackground
        let settings = buildOptions
        let outcome: Result<BuildReport, BuildFailure> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Result { () throws(BuildFailure) in try SiteBuilder.build(settings) })
            }
        }
        let language = MessageLanguage.of(sourceRoot: options.sourceRoot)
        switch outcome {
        case .success(let report):
            goodBuilds += 1
            for warning in report.diagnostics.sortedForDisplay() { log(warning.formatted(language)) }
            let values: [Message.Argument] = [
                .message(report.count), "\(String(format: "%.2f", report.seconds))", .number(report.filesWritten),
                .number(report.filesUnchanged),
            ]
            let built =
                reason.map { Message(.previewBuiltAfter, arguments: values + ["\($0)"]) }
                ?? Message(.previewBuilt, arguments: values)
            log("preview-site: " + built.text(language))
            if options.timings { for line in report.timingLines(in: language) { log(line) } }
            events.publish(.built(version: "\(runID)-\(goodBuilds)"))
        case .failure(let failure):
            for problem in failure.diagnostics.sortedForDisplay() { log(problem.formatted(language)) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            let failed =
                reason.map { Message(.previewFailedAfter, .number(errors), "\($0)") }
                ?? Message(.previewFailed, .number(errors))
            log("preview-site: " + failed.text(language))
            events.publish(
                .failed(version: events.current.servedVersion, diagnostics: failure.diagnostics, language: language))
        }
    }
}
