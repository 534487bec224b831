import Testing

@testable import PortalEngine

/// White space is cut as Unicode defines it, whatever the ends look like: the quick answer for
/// texts that begin and end with a plain ASCII character agrees with the definition.
@Suite struct TrimmingTests {
    /// The definition: scalars whose `isWhitespace` holds, cut from both ends.
    func reference(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    @Test func examples() {
        #expect("images/anh.jpg".trimmedWhitespace == "images/anh.jpg")
        #expect("  ảnh đẹp.jpg\t\n".trimmedWhitespace == "ảnh đẹp.jpg")
        #expect("\u{00A0}tin\u{2003}".trimmedWhitespace == "tin")
        #expect("\u{7F}x\u{7F}".trimmedWhitespace == "\u{7F}x\u{7F}")
        #expect(" \n ".trimmedWhitespace == "")
        #expect("".trimmedWhitespace == "")
        #expect("a".trimmedWhitespace == "a")
        #expect(Substring("  Đà Lạt ").trimmedWhitespace == "Đà Lạt")
    }

    @Test func agreesWithTheDefinitionOnRandomTexts() {
        let pieces: [String] = [
            "a", "Z", "0", "~", "!", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{7F}", "\u{85}", "\u{A0}",
            "\u{1680}", "\u{2003}", "\u{2028}", "\u{200B}", "\u{3000}", "đ", "ệ", "e\u{0301}", "🇻🇳",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            #expect(text.trimmedWhitespace == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func pathsWithNothingToEncodeComeBackAsTheyAre() {
        #expect(URLEncoding.encodePath("images/anh-1_2.jpg") == "images/anh-1_2.jpg")
        #expect(URLEncoding.encodePath("a b/ả") == "a%20b/%E1%BA%A3")
        #expect(URLEncoding.encodePath("100%") == "100%25")
    }
}
