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

    /// Scalars below this are looked up in the tables.
    static let tableSize = 0x1F00

    /// For U+0000…U+1EFF: the lowercase scalar's UTF-8 (length in the top byte, then up to three
    /// bytes), and the folded ASCII byte (0 when not a letter or digit that folds to ASCII).
    /// Allocated once and never freed: read on every scalar of every body, so without the
    /// bounds checks and reference counting of an array.
    nonisolated(unsafe) static let lowercaseUTF8: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: tableSize)
        for value in 0..<UInt32(tableSize) {
            let lower = foldedAndLower(value)?.lower ?? value
            let utf8 = Array(String(Unicode.Scalar(lower).map(Character.init) ?? " ").utf8)
            var packed = UInt32(utf8.count) << 24
            for (k, byte) in utf8.enumerated() where k < 3 { packed |= UInt32(byte) << (8 * UInt32(2 - k)) }
            table[Int(value)] = packed
        }
        return UnsafePointer(table)
    }()

    nonisolated(unsafe) static let foldedASCII: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: tableSize)
        for value in 0..<UInt32(tableSize) { table[Int(value)] = foldedAndLower(value)?.folded ?? 0 }
        return UnsafePointer(table)
    }()

    /// The lowercase scalar and its folded ASCII byte, for a Latin letter or digit that folds
    /// to one ASCII byte.
    private static func foldedAndLower(_ value: UInt32) -> (lower: UInt32, folded: UInt8)? {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let inRange = value < 0x80 || (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
        guard inRange, scalar.properties.isAlphabetic || (0x30...0x39).contains(value) else { return nil }
        let lower = String(scalar).lowercased().unicodeScalars
        let folded = VietnameseFolding.fold(String(lower)).utf8
        guard lower.count == 1, folded.count == 1, let byte = folded.first, byte < 0x80 else { return nil }
        return (lower.first!.value, byte)
    }

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            var scanner = SearchTokenScanner(bytes)
            var folded = ByteBuffer()
            var exact = ByteBuffer()
            while scanner.next(folded: &folded, exact: &exact) {
                tokens.append(
                    Token(
                        exact: String(decoding: exact.bytes, as: UTF8.self),
                        folded: String(decoding: folded.bytes, as: UTF8.self)))
                folded.truncate(to: 0)
            }
        }
        return tokens
    }
}

/// Walks the tokens of UTF-8 text one at a time. No String is made for a token the table
/// folds, and nothing is counted or checked per byte beyond the tables: this is the index
/// build's hot path.
struct SearchTokenScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private let lower = SearchTokenizer.lowercaseUTF8
    private let foldedTable = SearchTokenizer.foldedASCII

    /// `bytes` must stay valid while the scanner is used; UTF-8 cut short at the end separates.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Appends the next token's folded bytes to `folded` and makes `exact` its exact bytes;
    /// false at the end of the text (then both are as they were given, `exact` emptied).
    mutating func next(folded: inout ByteBuffer, exact: inout ByteBuffer) -> Bool {
        exact.truncate(to: 0)
        let start = folded.count
        var slow = false  // a letter outside the table: fold this token the exact way
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {  // ASCII: most of every text, spaces and punctuation included
                position += 1
                let f = foldedTable[Int(byte)]
                if f != 0 {
                    exact.append(f)  // an ASCII letter or digit's exact form is its folded one
                    folded.append(f)
                } else if finish(slow: &slow, folded: &folded, from: start, exact: &exact) {
                    return true
                }
                continue
            }
            let (v, length) = UTF8Scan.validScalar(at: position, in: bytes)
            position += length
            if v < UInt32(SearchTokenizer.tableSize) {
                let f = foldedTable[Int(v)]
                if f != 0 {
                    let packed = lower[Int(v)]
                    exact.append(UInt8(truncatingIfNeeded: packed >> 16))
                    if packed >> 24 > 1 { exact.append(UInt8(truncatingIfNeeded: packed >> 8)) }
                    if packed >> 24 > 2 { exact.append(UInt8(truncatingIfNeeded: packed)) }
                    folded.append(f)
                    continue
                }
                if (0x0300...0x036F).contains(v) {  // a combining mark (NFD text)
                    appendScalar(v, to: &exact)
                    slow = true
                    continue
                }
            } else if (0x2000...0x206F).contains(v) {  // dashes, quotes, spaces: never letters
                if finish(slow: &slow, folded: &folded, from: start, exact: &exact) { return true }
                continue
            }
            if let p = Unicode.Scalar(v)?.properties, p.isAlphabetic || p.numericType != nil {
                appendScalar(v, to: &exact)
                slow = true
            } else if finish(slow: &slow, folded: &folded, from: start, exact: &exact) {
                return true
            }
        }
        return finish(slow: &slow, folded: &folded, from: start, exact: &exact)
    }

    /// True when a token ends here; a token of letters the table does not know is folded the
    /// exact (slow) way, and dropped when nothing of it folds.
    private func finish(slow: inout Bool, folded: inout ByteBuffer, from start: Int, exact: inout ByteBuffer) -> Bool {
        guard exact.count > 0 else { return false }
        guard slow else { return true }
        slow = false
        let lower = SourceText.normalizedNFC(String(decoding: exact.bytes, as: UTF8.self)).lowercased()
        let f = VietnameseFolding.fold(lower)
        folded.truncate(to: start)
        folded.append(contentsOf: f.utf8)
        exact.truncate(to: 0)
        if f.isEmpty { return false }
        exact.append(contentsOf: lower.utf8)
        return true
    }

    private func appendScalar(_ v: UInt32, to exact: inout ByteBuffer) {
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
}
