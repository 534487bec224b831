import Foundation

/// Folds Vietnamese text to plain ASCII letters for slugs and matching.
///
/// Own implementation rather than Foundation's `.stripDiacritics`, which leaves `đ`/`Đ`
/// alone, and rather than ICU transforms, whose data may be missing on a minimal host.
public enum VietnameseFolding {
    /// Removes tone and vowel marks (NFC or NFD input alike), maps `đ`/`Đ` to `d`/`D`.
    public static func fold(_ text: String) -> String {
        // Letters of the Latin blocks fold through a table made once; anything else (another
        // script, a mark outside the common block) takes the whole text through NFD, as before.
        // NFD per letter gives the same as NFD of the text here: it only reorders marks, and
        // every mark these letters decompose into is dropped.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let folded = foldThroughTable(text, { out.append($0) }, other: { _ in false })
        return folded ? String(decoding: out, as: UTF8.self) : foldDecomposing(text)
    }

    /// Gives `body` the bytes of the text's fold, letter by letter through the table; a letter
    /// the table does not fold goes to `other`, and when `other` returns false this stops and
    /// returns false (the text must then be folded through its NFD).
    @inline(__always)
    static func foldThroughTable(_ text: String, _ body: (UInt8) -> Void, other: (UInt32) -> Bool) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                body(UInt8(value))
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if !LatinTable.shared.forEachFoldedByte(value, body), !other(value) {
                return false
            }
        }
        return true
    }

    /// The definition: NFD, then combining marks dropped and `đ`/`Đ` mapped.
    static func foldDecomposing(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F:
                continue  // combining marks: tones and vowel hats
            case 0x0111:
                scalars.append("d")
            case 0x0110:
                scalars.append("D")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The fold of each letter of Latin-1 Supplement, Latin Extended-A and -B, and Latin
    /// Extended Additional (where Vietnamese's toned letters are), when it is that letter's
    /// decomposition without marks of the common block.
    final class LatinTable: Sendable {
        static let shared = LatinTable()
        static let ranges: [ClosedRange<UInt32>] = [0x00A0...0x024F, 0x1E00...0x1EFF]
        /// The folded letters' UTF-8 bytes one after another, and per letter of both ranges
        /// where its bytes start (`noFold` when it has no fold here): an array per letter was
        /// retained and released at every lookup.
        private let bytes: [UInt8]
        private let starts: [UInt32]
        private static let noFold = UInt32.max

        private init() {
            var bytes: [UInt8] = []
            var starts: [UInt32] = []
            for range in Self.ranges {
                for value in range {
                    guard let fold = Self.fold(of: value) else {
                        starts.append(Self.noFold)
                        continue
                    }
                    starts.append(UInt32(bytes.count) << 8 | UInt32(fold.count))
                    bytes += fold
                }
            }
            (self.bytes, self.starts) = (bytes, starts)
        }

        private static func fold(of value: UInt32) -> [UInt8]? {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            // A letter that decomposes into a mark of another block is left to the text's NFD.
            guard
                decomposed.allSatisfy({
                    $0.properties.canonicalCombiningClass == .notReordered || (0x0300...0x036F).contains($0.value)
                })
            else { return nil }
            return Array(VietnameseFolding.foldDecomposing(String(scalar)).utf8)
        }

        /// Gives `body` each byte of the letter's fold; false, and nothing given, when the table
        /// has no fold for it.
        @inline(__always)
        func forEachFoldedByte(_ value: UInt32, _ body: (UInt8) -> Void) -> Bool {
            let low = Self.ranges[0]
            let high = Self.ranges[1]
            let slot: Int
            if low.contains(value) {
                slot = Int(value - low.lowerBound)
            } else if high.contains(value) {
                slot = low.count + Int(value - high.lowerBound)
            } else {
                return false
            }
            let start = starts[slot]
            if start == Self.noFold { return false }
            let first = Int(start >> 8)
            for k in first..<(first + Int(start & 0xFF)) { body(bytes[k]) }
            return true
        }
    }
}
