import Testing

@testable import PortalEngine

/// HTML and JSON escaping work on bytes; these pin what they write for every kind of text.
@Suite struct ByteEscapingTests {
    @Test func htmlEscapesTheFiveCharactersAndKeepsEverythingElse() {
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("Thi đua 😀 – “khen” thưởng") == "Thi đua 😀 – “khen” thưởng")
        #expect(HTMLEscaping.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLEscaping.escape("Hội nghị <b>Khối</b> & “Cụm”") == "Hội nghị &lt;b&gt;Khối&lt;/b&gt; &amp; “Cụm”")
    }

    @Test func jsonEscapesQuotesBackslashesControlsAndTheLessThanSign() {
        #expect(
            SearchIndexBuilder.json("Đua \"x\" \\ </script>\n\t\r\u{01}")
                == #""Đua \"x\" \\ \u003c/script>\n\t\r\u0001""#)
        #expect(SearchIndexBuilder.json("Hạ Lang") == "\"Hạ Lang\"")
    }

    @Test func snippetsSqueezeEveryKindOfWhiteSpace() {
        let text = "  Một\u{00A0}\u{00A0}hai\t\nba\u{2003}bốn  "
        #expect(SearchIndexBuilder.squeezedStart(of: text, scalars: 100) == "Một hai ba bốn")
    }
}
