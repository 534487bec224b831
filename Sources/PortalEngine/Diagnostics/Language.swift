/// The language messages are printed in: the site's `language`, or `--lang`.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en

    /// `vi`, `vi-VN` → Vietnamese; `en…` → English; anything else → Vietnamese, the portals'.
    public init(code: String) {
        self = code.lowercased().hasPrefix("en") ? .en : .vi
    }
}
