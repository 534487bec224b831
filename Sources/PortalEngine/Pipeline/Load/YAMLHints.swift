import Yams

/// The YAML mistakes editors make, recognised from the text around a parser error and explained
/// at the place the editor must change: a Tab used to indent, an unquoted value holding ': ',
/// a list item without a space after '-', a key written twice.
enum YAMLHints {
    static func hint(for yaml: String, file: String, firstLine: Int, error: YamlError) -> Diagnostic? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func at(_ index: Int, _ column: Int) -> SourcePosition {
            SourcePosition(line: index + firstLine, column: column)
        }
        // A Tab in a line's indentation is never valid YAML, whatever the parser then said.
        for (i, line) in lines.enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                return .error(file, at(i, line.distance(from: line.startIndex, to: tab) + 1), Message(.yamlTabIndent))
            }
        }
        if case .duplicatedKeysInMapping(let duplicates, _) = error, let key = duplicates.first {
            let found = lines.indices.filter { keyOf(lines[$0]) == key }
            if found.count >= 2 {
                return .error(file, at(found[1], 1), Message(.yamlKeyTwice, "\(key)", .number(found[0] + firstLine)))
            }
        }
        guard let mark = markOf(error), mark.line >= 1, mark.line <= lines.count else { return nil }
        let context = contextOf(error)
        // `title: [Video] Hội nghị`: a text that starts like a list.
        for number in Set([mark.line, context?.mark.line ?? mark.line]).sorted()
        where number >= 1 && number <= lines.count {
            let line = lines[number - 1]
            if let key = keyOf(line), let colon = line.firstIndex(of: ":"),
                let start = line[line.index(after: colon)...].firstIndex(where: { $0 != " " }),
                line[start] == "[" || line[start] == "{"
            {
                return .error(
                    file, at(number - 1, line.distance(from: line.startIndex, to: start) + 1),
                    Message(.yamlBracketValue, "\(key)", "\(line[start])"))
            }
        }
        // `title: "Hội nghị` with no closing quote: where the quote opened.
        if let context, context.text.contains("quoted scalar"), context.mark.line >= 1,
            context.mark.line <= lines.count
        {
            let line = lines[context.mark.line - 1]
            let column = context.mark.column
            let quote = line.dropFirst(max(column - 1, 0)).first.map(String.init) ?? "\""
            return .error(file, at(context.mark.line - 1, column), Message(.yamlQuoteNotClosed, "\(quote)"))
        }
        // `title: Hội nghị: sơ kết` → the quotes go where the value starts.
        if problemOf(error).contains("mapping values are not allowed") {
            let line = lines[mark.line - 1]
            if let key = keyOf(line), let colon = line.firstIndex(of: ":") {
                let valueStart = line[line.index(after: colon)...].firstIndex { $0 != " " } ?? colon
                return .error(
                    file, at(mark.line - 1, line.distance(from: line.startIndex, to: valueStart) + 1),
                    Message(.yamlColonInValue, "\(key)"))
            }
        }
        // `-Hạ Lang` above a `- Quảng Uyên`: the first is not an item.
        for i in stride(from: mark.line - 1, through: 0, by: -1) {
            if let (column, rest) = dashWithoutSpace(lines[i]) {
                return .error(file, at(i, column), Message(.yamlListDash, "\(rest)"))
            }
        }
        return nil
    }

    /// `  -Hạ Lang` → the column after the dash and the item's text.
    static func dashWithoutSpace(_ line: Substring) -> (column: Int, text: String)? {
        let rest = line.drop { $0 == " " }
        guard rest.hasPrefix("-"), let next = rest.dropFirst().first, next != " ", next != "-" else { return nil }
        return (line.count - rest.count + 2, String(rest.dropFirst()))
    }

    /// `title: x` → "title"; nil for a line that is not a top-level `key:` line.
    static func keyOf(_ line: Substring) -> String? {
        guard let first = line.first, first != " ", first != "-", first != "#",
            let colon = line.firstIndex(of: ":")
        else { return nil }
        let key = line[..<colon]
        return key.contains(" ") || key.isEmpty ? nil : String(key)
    }

    private static func markOf(_ error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
        default: return nil
        }
    }

    private static func contextOf(_ error: YamlError) -> YamlError.Context? {
        switch error {
        case .scanner(let context, _, _, _), .parser(let context, _, _, _), .composer(let context, _, _, _):
            return context
        default: return nil
        }
    }

    private static func problemOf(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return ""
        }
    }
}
