/// Splits Vietnamese text into syllables for the search index and for queries.
///
/// A syllable is a run of letters or digits; everything else separates. Each token keeps its
/// exact lowercase NFC form (to rank "hội" above "hồi" for a query typed with tones) and its
/// folded form (no tones or vowel marks, `đ` → `d`), which is what matching uses.
public enum SearchTokenizer {
    public struct Token: Sendable, Equatable {
        /// Lowercase NFC, with its marks: "hội".
        public var exact: String
        /// Lowercase ASCII letters and digits: "hoi".
        public var folded: String
    }

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let exact = String(current).lowercased()
            let folded = VietnameseFolding.fold(exact)
            if !folded.isEmpty { tokens.append(Token(exact: exact, folded: folded)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in SourceText.normalizedNFC(text).unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || (0x0300...0x036F).contains(scalar.value) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
