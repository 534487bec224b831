/// Front matter that reads right to a person but not to YAML: lists written as one line of
/// commas, titles pasted from Word with curly quotes, a category named by its title.
public enum FrontMatterHints {
    /// `sơ kết, nông thôn mới` → its items; nil when the text has no comma between two words.
    static func commaSeparated(_ text: String) -> [String]? {
        guard text.contains(",") || text.contains(";") else { return nil }
        let items = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmedWhitespace }
            .filter { !$0.isEmpty }
        return items.count > 1 ? items : nil
    }

    static func listMessage(key: String, items: [String]) -> Message {
        let list = items.map { "\"\($0)\"" }.joined(separator: ", ")
        return Message(.commaList, "\(key)", .number(items.count), "\(list)")
    }

    private static let quotePairs: [(Character, Character)] = [
        ("“", "”"), ("”", "”"), ("„", "“"), ("‘", "’"), ("«", "»"),
    ]

    /// The title without the curly quotes wrapping it whole; nil when it is not so wrapped.
    static func withoutCurlyQuotes(_ title: String) -> String? {
        // Its length last: counting the characters of every title was most of this check.
        guard let first = title.first, let last = title.last,
            quotePairs.contains(where: { $0.0 == first && $0.1 == last }), title.count > 2
        else { return nil }
        let inner = String(title.dropFirst().dropLast()).trimmedWhitespace
        // “A” và “B”: the quotes belong to the words, not around the title.
        if inner.contains(where: { c in quotePairs.contains { $0.0 == c || $0.1 == c } }) { return nil }
        return inner.isEmpty ? nil : inner
    }

    /// The category key an editor meant: one whose title or key reads the same without
    /// diacritics and case, or a key within two typing mistakes.
    public static func categoryKey(meaning written: String, in categories: [(key: String, title: String)]) -> String? {
        let folded = Slug.make(from: written)
        if let match = categories.first(where: { $0.key == folded || Slug.make(from: $0.title) == folded }) {
            return match.key
        }
        let close = categories.map { ($0.key, editDistance(folded, $0.key)) }.filter { $0.1 <= 2 }
        return close.min(by: { $0.1 < $1.1 })?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
