import CCmark
import Foundation

/// Markdown to HTML through libcmark; safe mode drops raw HTML and script links.
public struct MarkdownRenderer: Sendable {
    /// One link or image target found in the body, for the caller to rewrite.
    public struct Reference: Sendable {
        public var url: String
        public var isImage: Bool
        /// 1-based line within the Markdown text (of the enclosing block).
        public var line: Int
    }

    /// What rewriting a reference decided.
    public enum Rewrite: Sendable {
        case keep
        case replace(String)
    }

    public struct Output: Sendable {
        public var html: String
        /// Plain text of the first top-level paragraph, for summaries.
        public var firstParagraph: String
        /// Plain text of the whole body (words of every text and code node), for the search index.
        public var plainText: String = ""
    }

    public let unsafeHTML: Bool

    public init(unsafeHTML: Bool) {
        self.unsafeHTML = unsafeHTML
    }

    public func render(_ markdown: String, rewrite: (Reference) -> Rewrite = { _ in .keep }) -> Output {
        let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var text = markdown
        let document = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let document else { return Output(html: "", firstParagraph: "") }
        defer { cmark_node_free(document) }

        var firstParagraph = ""
        var plainText = ""
        var paragraphState = 0  // 0 before, 1 inside, 2 done
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                // cmark splits text at some punctuation, so literals are joined as they are; only
                // line breaks and block starts separate words.
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    if let literal = cmark_node_get_literal(node) { plainText += String(cString: literal) }
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    plainText += " "
                } else if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM {
                    plainText += "\n"
                }
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let reference = Reference(url: url, isImage: type == CMARK_NODE_IMAGE, line: Self.line(of: node))
                    if case .replace(let newURL) = rewrite(reference) {
                        cmark_node_set_url(node, newURL)
                    }
                }
                if paragraphState == 0, type == CMARK_NODE_PARAGRAPH, cmark_node_parent(node) == document {
                    paragraphState = 1
                } else if paragraphState == 1 {
                    if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                        firstParagraph += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                        firstParagraph += " "
                    }
                }
            } else if event == CMARK_EVENT_EXIT, paragraphState == 1, type == CMARK_NODE_PARAGRAPH {
                paragraphState = 2
            }
        }
        guard let rendered = cmark_render_html(document, options) else {
            return Output(html: "", firstParagraph: firstParagraph, plainText: plainText)
        }
        defer { free(rendered) }
        return Output(html: String(cString: rendered), firstParagraph: firstParagraph, plainText: plainText)
    }

    /// Inline nodes carry no position in cmark; the nearest block with one stands in.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }
}
