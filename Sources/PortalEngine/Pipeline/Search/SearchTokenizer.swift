/// Splits Vietnamese text into syllables for the search index and for queries.
///
/// A syllable is a run of letters or digits; everything else separates. Each token keeps its
/// exact lowercase NFC form (to rank "hội" above "hồi" for a query typed with tones) and its
/// folded form (no tones or vowel marks, `đ` → `d`), which is what matching uses.
///
/// ASCII and precomposed Latin letters (all of Vietnamese) go through a table built once;
/// folding each syllable through Foundation was most of a 10,000-article index build.
public enum SearchTokenizer {
    public struct Token: Sendable, Equatable {
        /// Lowercase NFC, with its marks: "hội".
        public var exact: String
        /// Lowercase ASCII letters and digits where the text is Latin: "hoi".
        public var folded: String
    }

    /// For U+0000…U+1EFF: the lowercase scalar value, and the folded ASCII byte (0 when not a
    /// letter or digit that folds to ASCII). Two plain arrays: arrays of tuples made every
    /// lookup ask the runtime for tuple metadata.
    private static let tables: (lower: [UInt32], folded: [UInt8]) = {
        var lowerTable = [UInt32](repeating: 0, count: 0x1F00)
        var foldedTable = [UInt8](repeating: 0, count: 0x1F00)
        for value in UInt32(0)..<0x1F00 {
            lowerTable[Int(value)] = value
            guard let scalar = Unicode.Scalar(value) else { continue }
            let inRange = value < 0x80 || (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
            guard inRange, scalar.properties.isAlphabetic || (0x30...0x39).contains(value) else { continue }
            let lower = String(scalar).lowercased().unicodeScalars
            let folded = VietnameseFolding.fold(String(lower)).utf8
            if lower.count == 1, folded.count == 1, let byte = folded.first, byte < 0x80 {
                lowerTable[Int(value)] = lower.first!.value
                foldedTable[Int(value)] = byte
            }
        }
        return (lowerTable, foldedTable)
    }()

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        // UTF-8 bytes, not a UnicodeScalarView: appending scalars to a view went through an
        // unspecialised path that looked up generic metadata on every call.
        var exact: [UInt8] = []
        var folded: [UInt8] = []
        var slow = false  // a letter outside the table: fold this token the exact way
        func flush() {
            defer {
                exact.removeAll(keepingCapacity: true)
                folded.removeAll(keepingCapacity: true)
                slow = false
            }
            guard !exact.isEmpty else { return }
            if slow {
                let lower = SourceText.normalizedNFC(String(decoding: exact, as: UTF8.self)).lowercased()
                let f = VietnameseFolding.fold(lower)
                if !f.isEmpty { tokens.append(Token(exact: lower, folded: f)) }
            } else {
                tokens.append(
                    Token(
                        exact: String(decoding: exact, as: UTF8.self), folded: String(decoding: folded, as: UTF8.self)))
            }
        }
        func append(_ v: UInt32) {
            switch v {
            case 0..<0x80:
                exact.append(UInt8(v))
            case 0x80..<0x800:
                exact.append(UInt8(0xC0 | (v >> 6)))
                exact.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                exact.append(UInt8(0xE0 | (v >> 12)))
                exact.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                exact.append(UInt8(0x80 | (v & 0x3F)))
            default:
                exact.append(UInt8(0xF0 | (v >> 18)))
                exact.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                exact.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                exact.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        let lowerTable = tables.lower
        let foldedTable = tables.folded
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x1F00 {
                let f = foldedTable[Int(v)]
                if f != 0 {
                    append(lowerTable[Int(v)])
                    folded.append(f)
                    continue
                }
                if (0x0300...0x036F).contains(v) {  // a combining mark (NFD text)
                    append(v)
                    slow = true
                    continue
                }
                if v < 0x80 || !scalar.properties.isAlphabetic {
                    flush()
                    continue
                }
            }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                append(v)
                slow = true
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
