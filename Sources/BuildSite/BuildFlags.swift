import ArgumentParser
import Foundation
import PortalEngine

/// The options of a build, shared by `build-site` and `build-site build`.
struct BuildFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionSource)))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionOutput)))
    var output: String?

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionDrafts)))
    var drafts = false

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionFuture)))
    var future = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp(CommandText.text(.cliOptionBaseURL)))
    var baseURL: String?

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionStrict)))
    var strict = false

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionQuiet)))
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionTimings)))
    var timings = false

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionLang)))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionReport)))
    var report: String?

    /// Seconds before the progress line shows; tests set 0 to see it on a small site.
    @Option(name: .customLong("progress-after"), help: .hidden)
    var progressAfter: Double = 1

    func build() throws {
        let (sourceRoot, outputURL) = siteFolders(source: source, output: output)
        var options = BuildOptions(
            sourceRoot: sourceRoot, output: outputURL, includeDrafts: drafts, baseURLOverride: baseURL, strict: strict)
        options.removeOldOutputInBackground = true
        options.dataDisposal = .keepUntilExit  // the process ends once the summary is printed
        options.includeFuture = future
        let outputName = options.output.lastPathComponent
        options.onWaitForOtherBuild = {
            printError("build-site: " + CommandText.text(.waitingForOtherBuild, "\(outputName)"))
        }
        let language = CommandText.language
        var progressLine: ProgressLine?
        if !quiet, ProgressLine.isWanted {
            let progress = BuildProgress()
            options.progress = progress
            progressLine = ProgressLine(progress, after: progressAfter)
            progressLine?.start()
        }
        let outcome = Result { () throws(BuildFailure) in try SiteBuilder.build(options) }
        progressLine?.finish()
        do {
            let report = try outcome.get()
            if timings {
                for (stage, seconds) in report.stageSeconds {
                    let padded = stage.padding(toLength: 24, withPad: " ", startingAt: 0)
                    printError("  \(padded) \(String(format: "%7.3f", seconds)) s")
                }
                printError("  " + CommandText.text(.timingsSearch, "\(report.searchIndex.rawValue)"))
                if let tokenizing = report.searchTokenizing {
                    let megabytes = String(format: "%.1f", Double(tokenizing.bytes) / 1e6)
                    let speed = String(format: "%.1f", tokenizing.megabytesPerSecond)
                    printError("  " + CommandText.text(.timingsTokenizing, .text(megabytes), .text(speed)))
                }
                if let shards = report.searchShardsRead {
                    printError(
                        "  " + CommandText.text(.timingsSearchPatch, .number(shards.read), .number(shards.of)))
                }
                printError(
                    "  "
                        + CommandText.text(
                            .timingsPages, .number(report.pagesRendered), .number(report.pagesReused),
                            .number(report.pagesKeptUnseen)))
                let sources = report.sources
                printError(
                    "  "
                        + CommandText.text(
                            .timingsSources, .number(sources.loadsMade), .number(sources.loadsReused),
                            .number(sources.bodiesMade), .number(sources.bodiesReused)))
            }
            if self.report == "json" {
                for diagnostic in report.diagnostics.sortedForDisplay() { printError(diagnostic.formatted(language)) }
                print(report.json)
                return
            }
            guard !quiet else { return }
            for diagnostic in report.diagnostics.sortedForDisplay() { printError(diagnostic.formatted(language)) }
            let outputPath = options.output.path.replacingOccurrences(of: sourceRoot.path + "/", with: "")
            let summary = CommandText.text(
                .buildSummary, .message(report.count), .number(report.pagesWritten), .number(report.filesCopied),
                .number(report.filesWritten), .number(report.filesUnchanged),
                "\(String(format: "%.2f", report.seconds))",
                "\(outputPath)")
            print("build-site: " + summary)
            for note in report.notes { print("build-site: " + note.text(language)) }
        } catch {
            let shown = quiet ? error.diagnostics.filter { $0.severity == .error } : error.diagnostics
            for diagnostic in shown.sortedForDisplay() { printError(diagnostic.formatted(language)) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("build-site: " + CommandText.text(.buildFailed, .number(errors)))
            throw ExitCode(1)
        }
    }
}
