/// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
///
/// Letters compare first; tones only break ties (ngang, huyền, hỏi, ngã, sắc, nặng), then case.
/// Byte order would put "Đ" after "Z" and "Ă" after "A…Z"; locale collation may be missing on a host.
public enum VietnameseCollation {
    /// A precomputed key; compare keys instead of strings when sorting many names.
    public struct Key: Comparable, Sendable, Hashable {
        let letters: [UInt16]
        let tones: [UInt8]
        let cases: [UInt8]
        let original: String

        public static func < (a: Key, b: Key) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            if a.cases != b.cases { return a.cases.lexicographicallyPrecedes(b.cases) }
            return a.original < b.original
        }
    }

    /// Letter order; index + 100 is the letter's weight.
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ",
        "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterWeight: [String: UInt16] = {
        var map: [String: UInt16] = [:]
        for (i, letter) in alphabet.enumerated() { map[letter] = UInt16(100 + i) }
        return map
    }()
    /// Combining tone marks, in dictionary order after the unmarked (ngang) tone.
    private static let toneWeight: [UInt32: UInt8] = [0x0300: 1, 0x0309: 2, 0x0303: 3, 0x0301: 4, 0x0323: 5]
    /// Marks that make another letter (ă â ê ô ơ ư) rather than a tone.
    private static let letterMarks: Set<UInt32> = [0x0306, 0x0302, 0x031B]

    public static func key(_ text: String) -> Key {
        var letters: [UInt16] = []
        var tones: [UInt8] = []
        var cases: [UInt8] = []
        let scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let base = scalars[i]
            i += 1
            var letter = String(base).lowercased()
            let isUpper = letter != String(base)
            var tone: UInt8 = 0
            while i < scalars.count, (0x0300...0x036F).contains(scalars[i].value) {
                let mark = scalars[i].value
                if letterMarks.contains(mark) {
                    letter.unicodeScalars.append(scalars[i])
                } else if let t = toneWeight[mark] {
                    tone = t
                }
                i += 1
            }
            letter = letter.precomposedStringWithCanonicalMapping
            let weight: UInt16
            if let w = letterWeight[letter] {
                weight = w
            } else if (0x30...0x39).contains(base.value) {
                weight = UInt16(10 + base.value - 0x30)  // digits before letters
            } else if base.properties.isWhitespace || base == "-" || base == "_" {
                weight = 1  // word breaks sort first: "Hà Giang" before "Hàm Yên"
            } else {
                weight = UInt16(min(UInt32(UInt16.max), 1000 + base.value))
            }
            if weight == 1, letters.last == 1 { continue }
            letters.append(weight)
            tones.append(tone)
            cases.append(isUpper ? 1 : 0)
        }
        return Key(letters: letters, tones: tones, cases: cases, original: text)
    }

    public static func sorted(_ names: [String]) -> [String] {
        names.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
