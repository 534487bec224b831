import ArgumentParser
import Foundation
import PortalEngine
import PortalPreview

/// `preview-site`: builds the portal into a private folder, serves it on loopback and rebuilds
/// and reloads the open pages whenever content/ or site/ changes.
@main
struct PreviewSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-site", abstract: CommandText.text(.previewAbstract),
        discussion: CommandText.text(.previewDiscussion),
        version: PortalEngineVersion.value)

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionSource)))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.previewOptionHost)))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.previewOptionPort)))
    var port: Int = 1313

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionDrafts)))
    var drafts = false

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionFuture)))
    var future = false

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionLang)))
    var lang: String?

    @Flag(name: .long, help: ArgumentHelp(CommandText.text(.cliOptionTimings)))
    var timings = false

    static func main() async {
        CommandText.decideLanguage()
        await main(nil)
    }

    func run() async throws {
        let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        var options = PreviewOptions(sourceRoot: root, host: host, port: port, includeDrafts: drafts)
        options.timings = timings
        options.includeFuture = future
        let server = PreviewServer(options) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        do {
            try await server.run(
                onReady: { url in
                    let line =
                        "preview-site: " + CommandText.text(.previewServing, "\(root.lastPathComponent)", "\(url)")
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                })
        } catch {
            let busy = PreviewServer.isAddressInUse(error)
            let message =
                busy
                ? CommandText.text(.previewPortBusy, .number(port), .number(port + 1))
                : CommandText.text(.previewCannotServe, "\(host)", .number(port), "\(error)")
            let word = CommandText.text(.severityError)
            FileHandle.standardError.write(Data("preview-site: \(word): \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
