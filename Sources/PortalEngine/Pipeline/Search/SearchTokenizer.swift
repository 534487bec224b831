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
        var scanner = SearchTokenScanner(text)
        while scanner.next() {
            tokens.append(
                Token(
                    exact: String(decoding: scanner.exact, as: UTF8.self),
                    folded: String(decoding: scanner.folded, as: UTF8.self)))
        }
        return tokens
    }

    static var lowercaseTable: [UInt32] { tables.lower }
    static var foldedTable: [UInt8] { tables.folded }
}

/// Walks a text's tokens one at a time over its UTF-8 bytes: after `next()` returns true,
/// `folded` and `exact` hold the token's bytes. No String is made for a token the table
/// folds, and no closure holds the buffers (each access would be checked at run time): this is
/// the index build's hot path.
struct SearchTokenScanner {
    private(set) var folded: [UInt8] = []
    private(set) var exact: [UInt8] = []
    private let bytes: [UInt8]
    private var position = 0
    private let lowerTable = SearchTokenizer.lowercaseTable
    private let foldedTable = SearchTokenizer.foldedTable

    init(_ text: String) {
        bytes = Array(text.utf8)
        folded.reserveCapacity(64)
        exact.reserveCapacity(64)
    }

    /// Moves to the next token; false at the end of the text.
    mutating func next() -> Bool {
        folded.removeAll(keepingCapacity: true)
        exact.removeAll(keepingCapacity: true)
        var slow = false  // a letter outside the table: fold this token the exact way
        while position < bytes.count {
            let (v, length) = decode(at: position)
            position += length
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
                if v < 0x80 {
                    if finish(slow: &slow) { return true }
                    continue
                }
            } else if (0x2000...0x206F).contains(v) {  // dashes, quotes, spaces: never letters
                if finish(slow: &slow) { return true }
                continue
            }
            if let p = Unicode.Scalar(v)?.properties, p.isAlphabetic || p.numericType != nil {
                append(v)
                slow = true
            } else if finish(slow: &slow) {
                return true
            }
        }
        return finish(slow: &slow)
    }

    /// True when a token ends here; a token of letters the table does not know is folded the
    /// exact (slow) way, and dropped when nothing of it folds.
    private mutating func finish(slow: inout Bool) -> Bool {
        guard !exact.isEmpty else { return false }
        guard slow else { return true }
        slow = false
        let lower = SourceText.normalizedNFC(String(decoding: exact, as: UTF8.self)).lowercased()
        let f = VietnameseFolding.fold(lower)
        folded = Array(f.utf8)
        exact = Array(lower.utf8)
        if f.isEmpty {
            exact.removeAll(keepingCapacity: true)
            return false
        }
        return true
    }

    private mutating func append(_ v: UInt32) {
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

    /// The scalar at `i` of valid UTF-8 (a String's), and its length in bytes.
    private func decode(at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
        return (v | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}
