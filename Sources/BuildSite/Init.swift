import ArgumentParser
import Foundation
import PortalEngine

/// `build-site init DIR`: a new site that `build-site --source DIR` builds at once.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CommandText.text(.cliInitAbstract))

    @Argument(help: ArgumentHelp(CommandText.text(.cliInitFolder)))
    var folder: String

    func run() throws {
        let (root, _) = siteFolders(source: folder, output: nil)
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970) - 60)
        let files = SiteScaffold.files(now: now, language: CommandText.language)
        for existing in ["site", "content"]
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(existing).path) {
            printError(
                Diagnostic.error(folder, nil, Message(.initNotEmpty, "\(folder)", "\(existing)/"))
                    .formatted(CommandText.language))
            throw ExitCode(1)
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                printError(
                    Diagnostic.error(path, nil, Message(.initCannotWrite, "\(path)", "\(error.localizedDescription)"))
                        .formatted(CommandText.language))
                throw ExitCode(1)
            }
        }
        let list = files.map(\.path).joined(separator: ", ")
        print("build-site: " + CommandText.text(.initCreated, "\(folder)", "\(list)"))
    }
}
