import ArgumentParser
import Foundation
import PortalEngine

/// `build-site check`: every internal link and image resolves, no page carries script markup.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CommandText.text(.cliCheckAbstract))

    /// `--source`, `--output` and `--lang` are the build's, written before or after `check`.
    @ParentCommand var command: BuildSiteCommand

    func run() throws {
        let (sourceRoot, outputURL) = siteFolders(source: command.flags.source, output: command.flags.output)
        guard FileManager.default.fileExists(atPath: outputURL.appendingPathComponent("index.html").path) else {
            printError(
                Diagnostic.error(outputURL.lastPathComponent, nil, Message(.checkNoSite)).formatted(
                    CommandText.language))
            throw ExitCode(1)
        }
        let (config, _) = SiteConfigLoader.load(from: sourceRoot)
        let result = OutputCheck.run(output: outputURL, basePath: config?.basePath ?? "/")
        let prefix = outputURL.lastPathComponent + "/"
        for problem in result.problems.sortedForDisplay() {
            var shown = problem
            shown.file = prefix + problem.file
            printError(shown.formatted(CommandText.language))
        }
        print(
            "build-site check: "
                + CommandText.text(
                    .checkSummary, .number(result.pages), .number(result.links), .number(result.problems.count)))
        if !result.problems.isEmpty { throw ExitCode(1) }
    }
}
