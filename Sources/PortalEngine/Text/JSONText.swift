import Foundation

/// JSON string literals, for the data files the site's scripts read.
enum JSONText {
    /// `text` quoted and escaped; `<` too, so a file can be inlined in a page.
    static func quoted(_ text: String) -> String { "\"" + escaper.escape(text) + "\"" }

    private static let escaper = ASCIIEscaper { scalar in
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "<": return "\\u003c"  // no "</script>" surprises if a file is ever inlined
        default: return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
        }
    }
}
