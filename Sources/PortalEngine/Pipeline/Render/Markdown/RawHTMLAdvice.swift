/// What to tell an editor whose raw HTML safe mode dropped: what was dropped, what to write
/// instead. Most of it is pasted from Word or an old CMS.
enum RawHTMLAdvice {
    /// Tag names in an HTML fragment, lowercased, each once; closing tags count only when the
    /// fragment opens none. Comments and declarations have no name.
    static func tagNames(in html: String) -> [String] {
        var opening: [String] = []
        var closing: [String] = []
        let s = Array(html.utf8)
        var i = 0
        while i < s.count {
            guard s[i] == UInt8(ascii: "<"), i + 1 < s.count else {
                i += 1
                continue
            }
            var j = i + 1
            let isClosing = s[j] == UInt8(ascii: "/")
            if isClosing { j += 1 }
            let start = j
            while j < s.count, isNameByte(s[j], first: j == start) { j += 1 }
            if j > start {
                let name = String(decoding: s[start..<j], as: UTF8.self).lowercased()
                if isClosing {
                    if !closing.contains(name) { closing.append(name) }
                } else if !opening.contains(name) {
                    opening.append(name)
                }
            }
            i = j
        }
        return opening.isEmpty ? closing : opening
    }

    private static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        return first ? letter : letter || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    /// The warning for one line's dropped tags.
    static func message(for tags: [String]) -> Message {
        let shown = tags.prefix(4).map { "<\($0)>" }.joined(separator: ", ") + (tags.count > 4 ? ", …" : "")
        return Message(.rawHTMLDropped, "\(shown)", .message(Message(advice(for: tags))))
    }

    private static func advice(for tags: [String]) -> MessageID {
        let set = Set(tags)
        if !set.isDisjoint(with: ["table", "tr", "td", "th", "tbody", "thead", "caption", "col", "colgroup"]) {
            return .adviceTable
        }
        let active: Set = ["script", "iframe", "object", "embed", "form", "input", "button", "style", "link", "meta"]
        if !set.isDisjoint(with: active) { return .adviceScript }
        if set.contains("img") { return .adviceImage }
        if set.contains("a") { return .adviceLink }
        if set.contains("br") { return .adviceBreak }
        if !set.isDisjoint(with: ["b", "strong"]) { return .adviceBold }
        if !set.isDisjoint(with: ["i", "em"]) { return .adviceItalic }
        if !set.isDisjoint(with: ["ul", "ol", "li"]) { return .adviceList }
        if !set.isDisjoint(with: ["h1", "h2", "h3", "h4", "h5", "h6"]) { return .adviceHeading }
        return .adviceOther
    }
}
