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
    let markdown: String
    lazy var lines: [Substring] = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    /// Nodes moved in from a separately parsed text (a table cell, the lines above a table),
    /// with the source line their own line 1 stands for.
    var movedFrom: [OpaquePointer: Int] = [:]

    init?(_ markdown: String, options: Int32) {
        guard let parsed = Self.parse(markdown, options: options) else { return nil }
        document = parsed
        self.options = options
        self.markdown = markdown
    }

    /// A cmark document for `text`; the caller frees it.
    static func parse(_ text: String, options: Int32) -> OpaquePointer? {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
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

extension CmarkTree {
    /// The text of a node's descendants without markup (an image's description, as cmark
    /// writes it into `alt`).
    static func text(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_HTML_INLINE:
                break
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += Self.text(of: c)
            }
            child = cmark_node_next(c)
        }
        return text
    }

    /// Puts `html` in place of an inline node (written as it is, in safe mode too).
    func replace(_ node: OpaquePointer, withInlineHTML html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }
}

extension OpaquePointer {
    func append(_ child: OpaquePointer) {
        cmark_node_append_child(self, child)
    }
}
