import CCmark
import Foundation

/// Markdown to HTML through libcmark, with GFM pipe tables and extended autolinks; safe mode
/// drops raw HTML (and says what it dropped) and script links.
public struct MarkdownRenderer: Sendable {
    /// One link or image target found in the body, for the caller to rewrite.
    public struct Reference: Sendable {
        public var url: String
        public var isImage: Bool
        /// 1-based line within the Markdown text.
        public var line: Int
        /// 1-based column (Unicode scalars) where the link or image starts.
        public var column: Int = 1
        /// An image's description (its text without markup) and title; empty for links.
        public var alt = ""
        public var title = ""
    }

    /// What rewriting a reference decided.
    public enum Rewrite: Sendable {
        case keep
        case replace(String)
        /// The whole image written as this HTML instead (a photo's `<picture>`).
        case replaceWithHTML(String)
    }

    /// Raw HTML that safe mode left out, one per line of the Markdown text.
    public struct DroppedHTML: Sendable, Equatable {
        public var position: SourcePosition
        /// Lowercased tag names, in order of appearance, each once (`table`, `script`…).
        public var tags: [String]
    }

    public struct Output: Sendable {
        public var html: String
        /// Plain text of the first top-level paragraph, for summaries.
        public var firstParagraph: String
        /// Plain text of the whole body (words of every text and code node), for the search
        /// index, as UTF-8: the index reads bytes, and a String made of every literal cost a
        /// check of each.
        var plainTextBytes: [UInt8] = []
        public var plainText: String { String(decoding: plainTextBytes, as: UTF8.self) }
        /// Empty when raw HTML is allowed.
        public var droppedHTML: [DroppedHTML] = []
    }

    public let unsafeHTML: Bool
    let tableMarkup: CmarkTree.TableMarkup

    public init(unsafeHTML: Bool) {
        self.init(unsafeHTML: unsafeHTML, tableMarkup: .portal)
    }

    init(unsafeHTML: Bool, tableMarkup: CmarkTree.TableMarkup) {
        self.unsafeHTML = unsafeHTML
        self.tableMarkup = tableMarkup
    }

    public func render(_ markdown: String, rewrite: (Reference) -> Rewrite = { _ in .keep }) -> Output {
        guard let tree = CmarkTree(markdown, options: unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else {
            return Output(html: "", firstParagraph: "")
        }
        tree.insertTables(tableMarkup)
        tree.insertAutolinks()

        var firstParagraph = ""
        var plainText: [UInt8] = []
        var dropped: [DroppedHTML] = []
        var paragraphState = 0  // 0 before, 1 inside, 2 done
        var replaced: [(OpaquePointer, String)] = []  // after the walk: the walk must not lose its node
        tree.forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            guard entering else {
                if paragraphState == 1, type == CMARK_NODE_PARAGRAPH { paragraphState = 2 }
                return
            }
            // cmark splits text at some punctuation, so literals are joined as they are; only
            // line breaks, block starts and table cells separate words.
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    let length = strlen(literal)
                    literal.withMemoryRebound(to: UInt8.self, capacity: length) {
                        plainText.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CUSTOM_INLINE:
                plainText.append(0x20)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK:
                plainText.append(0x0A)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let at = tree.position(of: node)
                var reference = Reference(url: url, isImage: type == CMARK_NODE_IMAGE, line: at.line, column: at.column)
                if reference.isImage {
                    reference.alt = CmarkTree.text(of: node)
                    reference.title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                }
                switch rewrite(reference) {
                case .keep: break
                case .replace(let newURL): cmark_node_set_url(node, newURL)
                case .replaceWithHTML(let html): replaced.append((node, html))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard !unsafeHTML, let literal = cmark_node_get_literal(node) else { break }
                let tags = RawHTMLAdvice.tagNames(in: String(cString: literal))
                guard !tags.isEmpty else { break }  // a comment: meant not to be shown
                let at = tree.position(of: node)
                if let last = dropped.last, last.position.line == at.line {
                    dropped[dropped.count - 1].tags += tags.filter { !last.tags.contains($0) }
                } else {
                    dropped.append(DroppedHTML(position: at, tags: tags))
                }
            default:
                break
            }
            if paragraphState == 0, type == CMARK_NODE_PARAGRAPH, cmark_node_parent(node) == tree.document {
                paragraphState = 1
            } else if paragraphState == 1 {
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    firstParagraph += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                    firstParagraph += " "
                }
            }
        }
        for (node, html) in replaced { tree.replace(node, withInlineHTML: html) }
        return Output(
            html: tree.renderHTML(), firstParagraph: firstParagraph, plainTextBytes: plainText, droppedHTML: dropped)
    }
}
