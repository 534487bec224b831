import Foundation

/// Turns a file's bytes into the text every later stage sees: UTF-8 without BOM, LF line ends, NFC.
public enum SourceText {
    /// Why bytes are not text we accept, with where the first bad byte is.
    public struct DecodingError: Error, Sendable, Equatable {
        public var position: SourcePosition
        public var message: Message
    }

    public static func decode(_ data: Data) -> Result<String, DecodingError> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        // The standard library's validator is fast; the byte walk below only runs to place an error.
        let valid = bytes.withUnsafeBytes { String(validating: $0, as: UTF8.self) }
        if valid == nil, let bad = firstInvalidUTF8Offset(bytes) {
            let prefix = bytes[bytes.startIndex..<bad]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            return .failure(
                DecodingError(
                    position: SourcePosition(line: line, column: column),
                    message: Message(utf16 ? .notUTF8LooksUTF16 : .notUTF8)))
        }
        var text = valid ?? String(decoding: bytes, as: UTF8.self)
        if UTF8Scan.contains(text, 0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(normalizedNFC(text))
    }

    /// NFC. Foundation's normalisation is skipped when every scalar is one that NFC leaves alone
    /// in any context: measured at about 7% of a 10,000-article build before this check.
    static func normalizedNFC(_ text: String) -> String {
        if isStableUnderNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when the text has only scalars from blocks whose every character is NFC_QC=Yes and
    /// never combines with a neighbour: ASCII, Latin-1, Latin Extended-A/B, Latin Extended
    /// Additional (all precomposed Vietnamese letters), general punctuation and currency signs.
    /// Combining marks (NFD input) or anything else take the slow, exact path.
    static func isStableUnderNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i < bytes.count {
                // Eight ASCII bytes at a time, then a scalar at a time (a String's UTF-8 is valid).
                if i + 8 <= bytes.count,
                    raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                    continue
                }
                let (value, length) = UTF8Scan.validScalar(at: i, in: bytes)
                guard isStableUnderNFC(value) else { return false }
                i += length
            }
            return true
        }
    }

    /// The blocks above, compared inline: through an array of ranges, this was the loader's
    /// biggest cost after YAML.
    @inline(__always)
    private static func isStableUnderNFC(_ v: UInt32) -> Bool {
        v <= 0x024F || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v)
            || (0x2030...0x205E).contains(v) || (0x20A0...0x20C0).contains(v)
    }

    private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Data.Index? {
        let offset = bytes.withUnsafeBytes { raw in UTF8Scan.firstInvalid(in: raw.bindMemory(to: UInt8.self)) }
        return offset.map { bytes.startIndex + $0 }
    }
}
