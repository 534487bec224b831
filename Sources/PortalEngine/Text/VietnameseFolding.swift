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
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value))
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if let folded = LatinTable.shared.folded(value) {
                out.append(contentsOf: folded)
            } else {
                return foldDecomposing(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        /// The folded letter's UTF-8 bytes.
        private let low: [[UInt8]?]
        private let high: [[UInt8]?]

        private init() {
            func table(_ range: ClosedRange<UInt32>) -> [[UInt8]?] {
                range.map { value in
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                    // A letter that decomposes into a mark of another block is left to the text's NFD.
                    guard
                        decomposed.allSatisfy({
                            $0.properties.canonicalCombiningClass == .notReordered
                                || (0x0300...0x036F).contains($0.value)
                        })
                    else { return nil }
                    return Array(VietnameseFolding.foldDecomposing(String(scalar)).utf8)
                }
            }
            low = table(Self.ranges[0])
            high = table(Self.ranges[1])
        }

        func folded(_ value: UInt32) -> [UInt8]? {
            if Self.ranges[0].contains(value) { return low[Int(value - Self.ranges[0].lowerBound)] }
            if Self.ranges[1].contains(value) { return high[Int(value - Self.ranges[1].lowerBound)] }
            return nil
        }
    }
}
