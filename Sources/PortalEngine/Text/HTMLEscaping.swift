/// Escaping for text the engine itself writes into HTML, XML and JSON (templates escape on
/// their own). One loop; each format says what a scalar becomes.
enum TextEscaping {
    /// `replacement` gives a scalar's escaped form, or nil to keep it (`""` drops it).
    static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension TextEscaping {
    /// The four characters HTML and XML escape alike; the apostrophe differs (`&#39;`, `&apos;`).
    static func markup(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        default: return nil
        }
    }
}

/// Escaping for element content and quoted attributes.
public enum HTMLEscaping {
    /// Escapes `& < > " '`.
    public static func escape(_ text: String) -> String { escaper.escape(text) }

    /// Appends `bytes` (UTF-8) to `out`, escaped as `escape` escapes the same text.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        escaper.escape(bytes, into: &out)
    }

    private static let escaper = ASCIIEscaper { scalar in
        TextEscaping.markup(scalar) ?? (scalar == "'" ? "&#39;" : nil)
    }
}
