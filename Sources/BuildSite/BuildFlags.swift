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
                for line in report.timingLines(in: CommandText.language) { printError(line) }
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
