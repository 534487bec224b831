import Foundation

/// The language a command (`build-site`, `preview-site`) speaks, decided from its command line
/// before it is parsed, so that `--help` is in it too.
public enum CommandText {
    nonisolated(unsafe) public static var language: Language = .vi

    /// Reads `--lang` or the site.yaml of `--source` from this process's arguments.
    public static func decideLanguage() {
        language = MessageLanguage.detect(
            arguments: Array(CommandLine.arguments.dropFirst()),
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    public static func text(_ id: MessageID, _ arguments: Message.Argument...) -> String {
        Message(id, arguments: arguments).text(language)
    }
}
