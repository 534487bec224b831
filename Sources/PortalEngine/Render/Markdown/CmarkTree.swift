import CCmark
import Foundation

/// A parsed Markdown document with the GFM pieces plain libcmark lacks grafted onto its tree:
/// pipe tables (from paragraphs whose lines form one) and extended autolinks (in text nodes).
///
/// Tables become custom block and inline nodes whose enter and exit strings are the table tags,
/// so cmark's own HTML renderer writes them and still escapes and filters their cell contents.
final class CmarkTree {
    /// How tables are written: as the GFM spec prints them, or for the portal (a scrolling box on
    /// narrow screens, alignment as a style, since HTML5 dropped `align`).
    enum TableMarkup {
        case gfm
        case portal
    }

    let document: OpaquePointer
    let options: Int32
    private let markdown: String
    private lazy var lines: [Substring] = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    /// Nodes moved in from a separately parsed text (a table cell, the lines above a table),
    /// with the source line their own line 1 stands for.
    private var movedFrom: [OpaquePointer: Int] = [:]

    init?(_ markdown: String, options: Int32) {
        var text = markdown
        let parsed = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
        self.options = options
        self.markdown = markdown
    }

    deinit { cmark_node_free(document) }

    func renderHTML() -> String {
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// 1-based line and column (in Unicode scalars) of a node, from the nearest node that has one.
    func position(of node: OpaquePointer) -> SourcePosition {
        var positioned: OpaquePointer? = node
        while let n = positioned, cmark_node_get_start_line(n) == 0 { positioned = cmark_node_parent(n) }
        guard let positioned else { return SourcePosition(line: 1, column: 1) }
        var line = Int(cmark_node_get_start_line(positioned))
        var byteColumn = Int(cmark_node_get_start_column(positioned))
        var ancestor: OpaquePointer? = node
        while let a = ancestor {
            if let firstLine = movedFrom[a] {
                // Columns of a moved text do not map back to the source line; its start stands in.
                line += firstLine - 1
                byteColumn = 1
                break
            }
            ancestor = cmark_node_parent(a)
        }
        return SourcePosition(line: line, column: scalarColumn(line: line, byteColumn: byteColumn))
    }

    /// Byte offset where each line starts; built on the first position asked for.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        var text = markdown
        text.withUTF8 { bytes in
            for (i, byte) in bytes.enumerated() where byte == 0x0A { starts.append(i + 1) }
        }
        return starts
    }()

    /// cmark counts columns in bytes; messages count characters (Unicode scalars).
    private func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, line >= 1, line <= lineStarts.count else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        var text = markdown
        return text.withUTF8 { bytes in
            let end = min(start + byteColumn - 1, bytes.count)
            var scalars = 0
            for i in start..<max(start, end) where bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            return scalars + 1
        }
    }

    // MARK: Tables

    func insertTables(_ markup: TableMarkup) {
        guard markdown.utf8.contains(UInt8(ascii: "|")) else { return }
        var paragraphs: [OpaquePointer] = []
        forEachNode { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
            {
                paragraphs.append(node)
            }
        }
        for paragraph in paragraphs {
            let first = Int(cmark_node_get_start_line(paragraph))
            let paragraphLines = sourceLines(of: paragraph)
            guard paragraphLines.contains(where: { $0.utf8.contains(UInt8(ascii: "|")) }),
                let (leading, table) = PipeTable.recognize(paragraphLines)
            else { continue }
            if leading > 0 {
                let text = paragraphLines[..<leading].joined(separator: "\n")
                for block in parsedBlocks(text, firstLine: first) { cmark_node_insert_before(paragraph, block) }
            }
            let headerLine = first + leading
            cmark_node_insert_before(paragraph, tableNode(table, markup: markup, headerLine: headerLine))
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
    }

    /// The paragraph's lines without what its containers put in front of them: the first line
    /// from the paragraph's column, later ones without block quote markers and indentation.
    private func sourceLines(of paragraph: OpaquePointer) -> [Substring] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = min(Int(cmark_node_get_end_line(paragraph)), lines.count)
        guard first >= 1, first <= last else { return [] }
        var quoteDepth = 0
        var parent = cmark_node_parent(paragraph)
        while let p = parent {
            if cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE { quoteDepth += 1 }
            parent = cmark_node_parent(p)
        }
        var result: [Substring] = []
        for number in first...last {
            var line = lines[number - 1]
            if number == first {
                let column = Int(cmark_node_get_start_column(paragraph))
                let utf8 = line.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: min(max(column - 1, 0), utf8.count))
                line = line[start...]
            } else {
                for _ in 0..<quoteDepth {
                    let rest = line.drop { $0 == " " || $0 == "\t" }
                    guard rest.hasPrefix(">") else { break }
                    line = rest.dropFirst()
                }
            }
            result.append(line)
        }
        return result
    }

    private func tableNode(_ table: PipeTable, markup: TableMarkup, headerLine: Int) -> OpaquePointer {
        let tableNode = customBlock(
            markup == .portal ? "<div class=\"table-scroll\" tabindex=\"0\"><table>" : "<table>",
            markup == .portal ? "</table></div>" : "</table>")
        let head = customBlock("<thead>", "</thead>")
        head.append(row(table.header, cell: "th", table: table, markup: markup, line: headerLine))
        tableNode.append(head)
        if !table.rows.isEmpty {
            let body = customBlock("<tbody>", "</tbody>")
            for (i, cells) in table.rows.enumerated() {
                body.append(row(cells, cell: "td", table: table, markup: markup, line: headerLine + 2 + i))
            }
            tableNode.append(body)
        }
        return tableNode
    }

    private func row(_ cells: [String], cell tag: String, table: PipeTable, markup: TableMarkup, line: Int)
        -> OpaquePointer
    {
        let row = customBlock("<tr>", "</tr>")
        for (text, alignment) in zip(cells, table.alignments) {
            let attribute: String
            switch (alignment, markup) {
            case (.none, _): attribute = ""
            case (.left, .gfm): attribute = " align=\"left\""
            case (.center, .gfm): attribute = " align=\"center\""
            case (.right, .gfm): attribute = " align=\"right\""
            case (.left, .portal): attribute = " style=\"text-align: left\""
            case (.center, .portal): attribute = " style=\"text-align: center\""
            case (.right, .portal): attribute = " style=\"text-align: right\""
            }
            let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(node, "<\(tag)\(attribute)>")
            cmark_node_set_on_exit(node, "</\(tag)>\n")
            for inline in parsedInlines(text) { node.append(inline) }
            movedFrom[node] = line
            row.append(node)
        }
        return row
    }

    private func customBlock(_ enter: String, _ exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// A cell's inlines, parsed behind a placeholder word so that a cell starting like a block
    /// (`# x`, `- x`, `<div>`) stays inline, as GFM cells are; the placeholder is then removed.
    private func parsedInlines(_ text: String) -> [OpaquePointer] {
        guard !text.isEmpty else { return [] }
        let blocks = parsedBlocks("x " + text, firstLine: nil)
        defer { blocks.forEach { cmark_node_free($0) } }
        guard blocks.count == 1, cmark_node_get_type(blocks[0]) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(blocks[0]), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(first)
        else { return [] }
        let rest = String(cString: literal).dropFirst(2)
        if rest.isEmpty {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, String(rest))
        }
        var inlines: [OpaquePointer] = []
        while let child = cmark_node_first_child(blocks[0]) {
            cmark_node_unlink(child)
            inlines.append(child)
        }
        return inlines
    }

    /// The top-level blocks of a separately parsed text, unlinked from their document.
    private func parsedBlocks(_ text: String, firstLine: Int?) -> [OpaquePointer] {
        var copy = text
        let parsed = copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let parsed else { return [] }
        var blocks: [OpaquePointer] = []
        while let child = cmark_node_first_child(parsed) {
            cmark_node_unlink(child)
            if let firstLine { movedFrom[child] = firstLine }
            blocks.append(child)
        }
        cmark_node_free(parsed)
        return blocks
    }

    // MARK: Autolinks

    func insertAutolinks() {
        // cmark splits text at `&`, `!` and other delimiters; a URL must be seen whole.
        cmark_consolidate_text_nodes(document)
        var texts: [(node: OpaquePointer, boundary: Bool)] = []
        var linkDepth = 0
        forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += entering ? 1 : -1
            } else if entering, linkDepth == 0, type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                if ExtendedAutolink.mayContainLink(literal) {
                    texts.append((node, startsAtBoundary(node)))
                }
            }
        }
        for (node, boundary) in texts {
            let text = String(cString: cmark_node_get_literal(node))
            let matches = ExtendedAutolink.matches(in: text, startsAtBoundary: boundary)
            guard !matches.isEmpty else { continue }
            let scalars = Array(text.unicodeScalars)
            var done = 0
            func textNode(_ range: Range<Int>) -> OpaquePointer {
                let piece = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(piece, String(String.UnicodeScalarView(scalars[range])))
                return piece
            }
            for match in matches {
                if match.range.lowerBound > done {
                    cmark_node_insert_before(node, textNode(done..<match.range.lowerBound))
                }
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, match.url)
                link.append(textNode(match.range))
                cmark_node_insert_before(node, link)
                done = match.range.upperBound
            }
            if done < scalars.count { cmark_node_insert_before(node, textNode(done..<scalars.count)) }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// cmark splits text at delimiters, so a text node's start follows a line start, an emphasis
    /// delimiter, or a character that was text too.
    private func startsAtBoundary(_ node: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(node) else { return true }
        switch cmark_node_get_type(previous) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG: return true
        case CMARK_NODE_TEXT:
            guard let literal = cmark_node_get_literal(previous),
                let last = String(cString: literal).unicodeScalars.last
            else { return true }
            return last.properties.isWhitespace || "*_~(".unicodeScalars.contains(last)
        default: return false
        }
    }

    // MARK: Walking

    /// Every node in document order; the tree must not change during the walk.
    func forEachNode(_ body: (OpaquePointer, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }
}

extension OpaquePointer {
    fileprivate func append(_ child: OpaquePointer) {
        cmark_node_append_child(self, child)
    }
}
