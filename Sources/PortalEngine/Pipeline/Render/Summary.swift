/// The lead shown in lists: front matter `summary`, else the first paragraph cut on a word boundary.
public enum Summary {
    public static let maximumLength = 240

    public static func make(explicit: String?, firstParagraph: String) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        let text = firstParagraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ")
        // Counting every character of a long paragraph was a fifth of the Markdown stage's own
        // work: at most 240 bytes is at most 240 characters, and beyond, only the cut is walked.
        guard text.utf8.count > maximumLength,
            let limit = text.index(text.startIndex, offsetBy: maximumLength, limitedBy: text.endIndex),
            limit < text.endIndex
        else { return text }
        var cut = text[..<limit]
        if let space = cut.lastIndex(of: " "), space > text.startIndex {
            cut = cut[..<space]
        }
        while let last = cut.last, ",;:-–".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
