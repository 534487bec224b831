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
    static func message(for tags: [String]) -> String {
        let shown = tags.prefix(4).map { "<\($0)>" }.joined(separator: ", ") + (tags.count > 4 ? ", …" : "")
        return "raw HTML \(shown) was left out of the page (HTML is not published); \(advice(for: tags))"
    }

    private static func advice(for tags: [String]) -> String {
        let set = Set(tags)
        if !set.isDisjoint(with: ["table", "tr", "td", "th", "tbody", "thead", "caption", "col", "colgroup"]) {
            return
                "write the table in Markdown: a header line '| Đơn vị | Điểm |', then '| --- | --: |', then one line per row"
        }
        if !set.isDisjoint(with: [
            "script", "iframe", "object", "embed", "form", "input", "button", "style", "link", "meta",
        ]) {
            return
                "scripts, frames, embedded players and forms are never published; link to the page instead: [tên trang](https://…)"
        }
        if set.contains("img") { return "insert the picture in Markdown: ![mô tả ảnh](images/anh.jpg)" }
        if set.contains("a") { return "write the link in Markdown: [chữ hiện ra](https://địa-chỉ)" }
        if set.contains("br") {
            return "end the line with a backslash (\\) to break it, or leave an empty line for a new paragraph"
        }
        if !set.isDisjoint(with: ["b", "strong"]) { return "write bold text as **chữ đậm**" }
        if !set.isDisjoint(with: ["i", "em"]) { return "write italic text as *chữ nghiêng*" }
        if !set.isDisjoint(with: ["ul", "ol", "li"]) { return "write lists as lines starting with '- ' or '1. '" }
        if !set.isDisjoint(with: ["h1", "h2", "h3", "h4", "h5", "h6"]) {
            return "write headings as lines starting with '## '"
        }
        return
            "write plain Markdown text; the theme gives it its look (or set unsafe_html: true in site.yaml if this HTML is trusted)"
    }
}
