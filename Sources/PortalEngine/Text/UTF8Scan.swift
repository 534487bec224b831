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

    /// Whether every scalar of `text` is in `ranges`, or ASCII. `text` is valid UTF-8, as every
    /// String is.
    static func allScalars(of text: String, in ranges: [ClosedRange<UInt32>]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let value: UInt32
                if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value =
                        UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if !ranges.contains(where: { $0.contains(value) }) { return false }
            }
            return true
        }
    }
}
