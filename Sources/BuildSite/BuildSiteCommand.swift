import ArgumentParser
import Foundation
import PortalEngine

/// `build-site`: turns content/ and site/ into a static portal in public/; `build-site check`
/// checks a built site.
@main
struct BuildSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: CommandText.text(.cliAbstract),
        discussion: CommandText.text(.cliBuildDiscussion),
        version: PortalEngineVersion.value,
        subcommands: [Check.self, New.self, Init.self])

    @OptionGroup var flags: BuildFlags

    static func main() {
        CommandText.decideLanguage()
        main(nil)
    }

    func run() throws { try flags.build() }
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

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
