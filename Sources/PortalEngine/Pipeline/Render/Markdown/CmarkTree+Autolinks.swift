import CCmark

/// GFM extended autolinks grafted onto the tree: text nodes outside links split around the
/// links `ExtendedAutolink` finds.
extension CmarkTree {
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
}
