import Foundation

/// Turns a file's bytes into the text every later stage sees: UTF-8 without BOM, LF line ends, NFC.
public enum SourceText {
    /// Why bytes are not text we accept, with where the first bad byte is.
    public struct DecodingError: Error, Sendable, Equatable {
        public var position: SourcePosition
        public var message: String
    }

    public static func decode(_ data: Data) -> Result<String, DecodingError> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            let prefix = bytes[bytes.startIndex..<bad]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            let hint =
                bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? " (it looks like UTF-16)" : ""
            return .failure(
                DecodingError(
                    position: SourcePosition(line: line, column: column),
                    message: "file is not UTF-8 text\(hint); save it as UTF-8"))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(normalizedNFC(text))
    }

    /// NFC, skipped for pure ASCII where it cannot change anything.
    static func normalizedNFC(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Data.Index? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch b {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return i
            }
            guard end - i >= length else { return i }
            var value = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += length
        }
        return nil
    }
}
