import PortalEngine

/// The language this run of `build-site` speaks, decided from the command line before it is
/// parsed, so that `--help` is in it too.
enum CLIText {
    nonisolated(unsafe) static var language: Language = .vi

    static func text(_ id: MessageID, _ arguments: Message.Argument...) -> String {
        Message(id, arguments: arguments).text(language)
    }
}
