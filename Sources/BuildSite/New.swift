import ArgumentParser
import Foundation
import PortalEngine

/// `build-site new "Tiêu đề"`: starts an article as a draft, dated now.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: CommandText.text(.cliNewAbstract))

    @ParentCommand var command: BuildSiteCommand

    @Argument(help: ArgumentHelp(CommandText.text(.cliNewTitle)))
    var title: String

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliNewCategory)))
    var category: String?

    @Option(name: .long, help: ArgumentHelp(CommandText.text(.cliNewBloc)))
    var bloc: String?

    func run() throws {
        let (sourceRoot, _) = siteFolders(source: command.flags.source, output: nil)
        func fail(_ file: String, _ text: Message) throws -> Never {
            printError(Diagnostic.error(file, nil, text).formatted(CommandText.language))
            throw ExitCode(1)
        }
        guard FileManager.default.fileExists(atPath: sourceRoot.appendingPathComponent(SiteConfigLoader.path).path)
        else { try fail(SiteConfigLoader.path, Message(.newNoSite)) }
        let (loaded, _) = SiteConfigLoader.load(from: sourceRoot)
        guard let config = loaded else { try fail(SiteConfigLoader.path, Message(.newBrokenSite)) }
        if let category {
            let tree = CategoryTree(config.categories, urls: SiteURLs(basePath: "/"))
            if tree.index(ofKey: category) == nil {
                let meant = FrontMatterHints.categoryKey(
                    meaning: category, in: tree.categories.map { ($0.key, $0.title) })
                let known = tree.categories.map(\.key).joined(separator: ", ")
                try fail(
                    "--category",
                    meant.map { Message(.unknownCategoryMeant, "\(category)", "\($0)") }
                        ?? Message(.unknownCategory, "\(category)", "\(known)"))
            }
        }
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        guard
            let (path, text) = ArticleScaffold.make(
                title: title, category: category, bloc: bloc, now: now, config: config, language: CommandText.language)
        else { try fail("--title", Message(.newNoSlug)) }
        let url = sourceRoot.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // O_EXCL: an existing file, even one created a moment ago, is never overwritten.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { try fail(path, Message(.newExists, "\(path)")) }
            try fail(path, Message(.initCannotWrite, "\(path)", "\(String(cString: strerror(errno)))"))
        }
        let written = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == text.utf8.count else { try fail(path, Message(.initCannotWrite, "\(path)", "short write")) }
        print("build-site: " + CommandText.text(.newCreated, "\(path)"))
    }
}
