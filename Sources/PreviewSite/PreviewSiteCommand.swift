import ArgumentParser
import Foundation
import PortalEngine
import PortalPreview

/// `preview-site`: builds the portal into a private folder, serves it on loopback and rebuilds
/// and reloads the open pages whenever content/ or site/ changes.
@main
struct PreviewSiteCommand: AsyncParsableCommand {
    /// Decided from the command line before it is parsed, so that `--help` speaks it too.
    nonisolated(unsafe) static var language: Language = .vi

    static func text(_ id: MessageID, _ arguments: Message.Argument...) -> String {
        Message(id, arguments: arguments).text(language)
    }

    static let configuration = CommandConfiguration(
        commandName: "preview-site", abstract: text(.previewAbstract), discussion: text(.previewDiscussion),
        version: PortalEngineVersion.value)

    @Option(name: .long, help: ArgumentHelp(text(.cliOptionSource)))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp(text(.previewOptionHost)))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp(text(.previewOptionPort)))
    var port: Int = 1313

    @Flag(name: .long, help: ArgumentHelp(text(.cliOptionDrafts)))
    var drafts = false

    @Option(name: .long, help: ArgumentHelp(text(.cliOptionLang)))
    var lang: String?

    static func main() async {
        language = MessageLanguage.detect(
            arguments: Array(CommandLine.arguments.dropFirst()),
            currentDirectory: FileManager.default.currentDirectoryPath)
        do {
            var command = try parseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        let options = PreviewOptions(sourceRoot: root, host: host, port: port, includeDrafts: drafts)
        let server = PreviewServer(options) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        do {
            try await server.run(
                onReady: { url in
                    let line = "preview-site: " + Self.text(.previewServing, "\(root.lastPathComponent)", "\(url)")
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                })
        } catch {
            let busy = PreviewServer.isAddressInUse(error)
            let message =
                busy
                ? Self.text(.previewPortBusy, .number(port), .number(port + 1))
                : Self.text(.previewCannotServe, "\(host)", .number(port), "\(error)")
            let word = Self.text(.severityError)
            FileHandle.standardError.write(Data("preview-site: \(word): \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
