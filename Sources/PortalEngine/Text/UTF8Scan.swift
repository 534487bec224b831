import Foundation

/// Questions about a text answered over its UTF-8 bytes in one pass. `String.utf8` walked as a
/// generic sequence costs an iterator step per byte; a whole article's text was a few percent
/// of a build in `contains` alone.
enum UTF8Scan {
    /// Whether `text` holds `byte` (an ASCII byte: it never occurs inside a multi-byte letter).
    static func contains(_ text: some StringProtocol, _ byte: UInt8) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty ? false : memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        }
        return found ?? text.utf8.contains(byte)
    }

    /// The scalar whose UTF-8 starts at `i` of text known to be UTF-8 (a String's, or bytes
    /// written from one), and its length, without checking the bytes again; a sequence cut short
    /// by the end reads as U+FFFD up to the end.
    @inline(__always)
    static func validScalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + length <= bytes.count else { return (0xFFFD, bytes.count - i) }
        switch length {
        case 2: return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        case 3: return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        default:
            let high = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            return (high | UInt32(bytes[i + 3] & 0x3F), 4)
        }
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
    /// surrogates and values past U+10FFFF refused), or nil when all of `bytes` is UTF-8.
    static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            guard let (_, length) = scalar(at: i, in: bytes) else { return i }
            i += length
        }
        return nil
    }

    /// The scalar whose UTF-8 starts at `i`, and its length in bytes; nil when it is not UTF-8.
    @inline(__always)
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int)? {
        let lead = bytes[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
        default: return nil
        }
        guard bytes.count - i >= length else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            let next = bytes[i + k]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return nil }
        return (value, length)
    }
}
