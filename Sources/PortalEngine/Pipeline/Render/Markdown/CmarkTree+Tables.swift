import CCmark

/// GFM pipe tables grafted onto the tree: a paragraph whose lines form a table (`PipeTable`)
/// becomes custom nodes that write the table's tags, its cells parsed as inline Markdown.
extension CmarkTree {
    func insertTables(_ markup: TableMarkup) {
        guard UTF8Scan.contains(markdown, UInt8(ascii: "|")) else { return }
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
            guard paragraphLines.contains(where: { UTF8Scan.contains($0, UInt8(ascii: "|")) }),
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
        guard let parsed = Self.parse(text, options: options) else { return [] }
        var blocks: [OpaquePointer] = []
        while let child = cmark_node_first_child(parsed) {
            cmark_node_unlink(child)
            if let firstLine { movedFrom[child] = firstLine }
            blocks.append(child)
        }
        cmark_node_free(parsed)
        return blocks
    }
}
