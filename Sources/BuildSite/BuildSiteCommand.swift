import ArgumentParser
import Foundation
import PortalEngine

/// `build-site`: turns content/ and site/ into a static portal in public/ (`build`, the default),
/// or checks a built site (`check`).
@main
struct BuildSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build the portal: content/ and site/ into public/.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self)
}

/// `build-site check`: every internal link and image resolves, no page carries script markup.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a built site: internal links and images resolve, no unsafe markup.")

    @Option(name: .long, help: "The site folder, holding content/ and site/.")
    var source: String = "."

    @Option(name: .long, help: "The built site to check (default: <source>/public).")
    var output: String?

    func run() throws {
        let (sourceRoot, outputURL) = siteFolders(source: source, output: output)
        let (config, _) = SiteConfigLoader.load(from: sourceRoot)
        let result = OutputCheck.run(output: outputURL, basePath: config?.basePath ?? "/")
        let prefix = outputURL.lastPathComponent + "/"
        for problem in result.problems.sortedForDisplay() {
            var shown = problem
            shown.file = prefix + problem.file
            FileHandle.standardError.write(Data((shown.description + "\n").utf8))
        }
        print(
            "build-site check: \(result.pages) pages, \(result.links) internal links, \(result.problems.count) problem(s)"
        )
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}

/// `build-site build` (the default): content/ and site/ into public/.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the portal: content/ and site/ into public/.",
        discussion:
            "Errors and warnings are printed as file:line:column: severity: message. Exit status 1 on any error.")

    @Option(name: .long, help: "The site folder, holding content/ and site/.")
    var source: String = "."

    @Option(name: .long, help: "Where to write the site (default: <source>/public).")
    var output: String?

    @Flag(name: .long, help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Publish articles dated in the future now, instead of waiting for their date.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Use this base URL instead of site.yaml's base_url.")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Print errors only, no warnings or summary.")
    var quiet = false

    @Flag(name: .long, help: "Print the time each stage took.")
    var timings = false

    func run() throws {
        let (sourceRoot, outputURL) = siteFolders(source: source, output: output)
        var options = BuildOptions(
            sourceRoot: sourceRoot, output: outputURL, includeDrafts: drafts, baseURLOverride: baseURL, strict: strict)
        options.removeOldOutputInBackground = true
        options.includeFuture = future
        let outputName = options.output.lastPathComponent
        options.onWaitForOtherBuild = {
            FileHandle.standardError.write(
                Data("build-site: another build is writing \(outputName)/; waiting for it to finish\n".utf8))
        }
        do {
            let report = try SiteBuilder.build(options)
            if timings {
                for (stage, seconds) in report.stageSeconds {
                    let padded = stage.padding(toLength: 24, withPad: " ", startingAt: 0)
                    printError("  \(padded) \(String(format: "%7.3f", seconds)) s")
                }
                printError("  search index: \(report.searchIndex.rawValue)")
            }
            if !quiet {
                for diagnostic in report.diagnostics.sortedForDisplay() { printError(diagnostic.description) }
                let outputPath = options.output.path.replacingOccurrences(of: sourceRoot.path + "/", with: "")
                print(
                    "build-site: \(report.articles) articles, \(report.pagesWritten) pages, \(report.filesCopied) files copied (\(report.filesWritten) written, \(report.filesUnchanged) unchanged) in \(String(format: "%.2f", report.seconds)) s → \(outputPath)/"
                )
                for note in report.notes { print("build-site: " + note) }
            }
        } catch {
            let shown = quiet ? error.diagnostics.filter { $0.severity == .error } : error.diagnostics
            for diagnostic in shown.sortedForDisplay() { printError(diagnostic.description) }
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            printError("build-site: \(errors) error(s); the output folder was not changed")
            throw ExitCode(1)
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The site folder and the output folder from the command line, relative to the working
/// directory; the output defaults to `<source>/public`.
func siteFolders(source: String, output: String?) -> (source: URL, output: URL) {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let sourceRoot = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL
    let outputURL =
        output.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        ?? sourceRoot.appendingPathComponent("public")
    return (sourceRoot, outputURL)
}
