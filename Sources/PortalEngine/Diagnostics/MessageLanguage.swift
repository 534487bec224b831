import Foundation

/// Which language a command speaks: `--lang`, else the site's `language`, else Vietnamese.
public enum MessageLanguage {
    /// From a command line's words: `--lang en` / `--lang=en`, or the site.yaml of `--source DIR`
    /// (or of the current folder). A broken or missing site.yaml means Vietnamese.
    public static func detect(arguments: [String], currentDirectory: String) -> Language {
        if let lang = value(of: "--lang", in: arguments) { return Language(code: lang) }
        let source = value(of: "--source", in: arguments) ?? "."
        let root = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: currentDirectory))
        return of(sourceRoot: root)
    }

    /// The language of the site at `sourceRoot`.
    public static func of(sourceRoot: URL) -> Language {
        SiteConfigLoader.load(from: sourceRoot).0.map { Language(code: $0.language) } ?? .vi
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        for (i, word) in arguments.enumerated() {
            if word == option, i + 1 < arguments.count { return arguments[i + 1] }
            if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
        }
        return nil
    }
}
