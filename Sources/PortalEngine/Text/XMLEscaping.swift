/// Escaping for XML text and attributes, dropping characters XML 1.0 cannot carry.
enum XMLText {
    static func escape(_ text: String) -> String {
        TextEscaping.escape(text) { scalar in
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
