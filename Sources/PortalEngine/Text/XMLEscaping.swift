/// Escaping for XML text and attributes, dropping characters XML 1.0 cannot carry.
enum XMLText {
    /// `&`, `<`, `>`, `"` and `'`.
    private static let markupBytes: [UInt8] = [0x26, 0x3C, 0x3E, 0x22, 0x27]

    static func escape(_ text: String) -> String {
        // Most of what a feed or the sitemap escapes is a URL: printable ASCII without markup.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) && !Self.markupBytes.contains($0) }) { return text }
        return TextEscaping.escape(text) { scalar in
            if let escaped = TextEscaping.markup(scalar) { return escaped }
            if scalar == "'" { return "&apos;" }
            let v = scalar.value
            let allowed =
                v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                || v >= 0x10000
            return allowed ? nil : ""
        }
    }
}
