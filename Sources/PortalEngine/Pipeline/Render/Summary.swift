/// The lead shown in lists: front matter `summary`, else the first paragraph cut on a word boundary.
public enum Summary {
    public static let maximumLength = 240

    public static func make(explicit: String?, firstParagraph: String) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        let text = firstParagraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ")
        guard text.count > maximumLength else { return text }
        let limit = text.index(text.startIndex, offsetBy: maximumLength)
        var cut = text[..<limit]
        if let space = cut.lastIndex(of: " "), space > text.startIndex {
            cut = cut[..<space]
        }
        while let last = cut.last, ",;:-–".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
