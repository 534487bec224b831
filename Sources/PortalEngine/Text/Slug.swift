/// URL names made from titles and terms: folded, lowercase ASCII words joined by hyphens.
public enum Slug {
    /// Longest slug made from a title; longer ones are cut at a word boundary. File systems
    /// refuse names over 255 bytes, and a 10,000-character title must still build; below this,
    /// the slug is the whole title, as links written by editors expect.
    public static let maximumGeneratedLength = 200
    /// Longest slug an editor may write by hand.
    public static let maximumLength = 240

    /// "Khối giao ước thi đua các huyện miền Đông" → "khoi-giao-uoc-thi-dua-cac-huyen-mien-dong".
    /// Returns an empty string when the text has no letter or digit that folds to ASCII.
    public static func make(from text: String) -> String {
        let slug = fold(text)
        guard slug.utf8.count > maximumGeneratedLength else { return slug }
        let cut = slug.prefix(maximumGeneratedLength + 1)
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex {
            return String(cut[..<hyphen])
        }
        return String(slug.prefix(maximumGeneratedLength))
    }

    /// Letters and digits of the folded text, lowercased, runs of anything else one hyphen.
    /// On bytes: whatever is not ASCII after folding is not a letter of a slug.
    private static func fold(_ text: String) -> String {
        foldQuickly(text) ?? slug(ofFolded: VietnameseFolding.fold(text))
    }

    /// Most titles: ASCII, the common block's marks, Latin letters of the folding table and
    /// general punctuation (“ ” – …, none of which folds to a letter), folded and made into the
    /// slug in one pass, without the folded text in between. Nil for any other letter.
    private static func foldQuickly(_ text: String) -> String? {
        var slug = SlugBytes(capacity: text.utf8.count)
        let folded = VietnameseFolding.foldThroughTable(text, { slug.add($0) }) { value in
            guard (0x2000...0x206F).contains(value) else { return false }
            slug.add(0x20)
            return true
        }
        return folded ? slug.string : nil
    }

    private static func slug(ofFolded folded: String) -> String {
        var slug = SlugBytes(capacity: folded.utf8.count)
        for byte in folded.utf8 { slug.add(byte) }
        return slug.string
    }

    /// The slug being made, byte by byte of the folded text.
    private struct SlugBytes {
        private var result: [UInt8] = []
        private var pendingHyphen = false

        init(capacity: Int) { result.reserveCapacity(capacity) }

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            let isDigit = (0x30...0x39).contains(byte)
            let isUpper = (0x41...0x5A).contains(byte)
            let isLower = (0x61...0x7A).contains(byte)
            guard isDigit || isUpper || isLower else {
                pendingHyphen = !result.isEmpty
                return
            }
            if pendingHyphen {
                result.append(0x2D)
                pendingHyphen = false
            }
            result.append(isUpper ? byte + 0x20 : byte)
        }

        var string: String { String(decoding: result, as: UTF8.self) }
    }

    /// Why a slug written by hand cannot be one URL segment, or nil when it can.
    public static func problem(with slug: String) -> Message? {
        if slug.isEmpty { return Message(.slugEmpty) }
        if slug.utf8.count > maximumLength { return Message(.slugTooLong, .number(maximumLength)) }
        if slug == "." || slug == ".." { return Message(.slugLeavesFolder, "\(slug)") }
        if slug.contains("/") || slug.contains("\\") {
            return Message(.slugHasSlash, "\(slug)")
        }
        for scalar in slug.unicodeScalars {
            let v = scalar.value
            let allowed =
                (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || v == 0x2D || v == 0x5F || v == 0x2E
            if !allowed {
                return Message(.slugBadCharacter, "\(slug)", "\(scalar)")
            }
        }
        return nil
    }
}
