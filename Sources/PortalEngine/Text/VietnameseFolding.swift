import Foundation

/// Folds Vietnamese text to plain ASCII letters for slugs and matching.
///
/// Own implementation rather than Foundation's `.stripDiacritics`, which leaves `đ`/`Đ`
/// alone, and rather than ICU transforms, whose data may be missing on a minimal host.
public enum VietnameseFolding {
    /// Removes tone and vowel marks (NFC or NFD input alike), maps `đ`/`Đ` to `d`/`D`.
    public static func fold(_ text: String) -> String {
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
}
