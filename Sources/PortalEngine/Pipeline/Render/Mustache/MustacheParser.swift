/// Compiles Mustache text into nodes, following the official spec: standalone tags take
/// their whole line with them, delimiters can be changed, partials keep their indentation.
struct MustacheParser {
    private enum Token {
        case text(String)
        /// `kind` is the sigil (`#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `&`, `{`) or nil for a variable.
        case tag(kind: Character?, name: String, line: Int, column: Int)
        /// A standalone partial, parent or block keeps the whitespace before it, to indent with.
        case indented(kind: Character, name: String, indentation: String, line: Int, column: Int)
    }

    static func compile(_ source: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        let tokens = try standalone(tokenize(source))
        var index = 0
        let nodes = try build(tokens, &index, closing: nil)
        return nodes
    }

    /// Splits the source into text (cut after each newline) and tags.
    private static func tokenize(_ source: String) throws(MustacheSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        let bytes = Array(source.utf8)
        var i = 0
        var text: [UInt8] = []
        var line = 1
        var lineStart = 0
        func flush() {
            if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll(keepingCapacity: true)
        }
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while i < bytes.count {
            if !matches(open, at: i) {
                text.append(bytes[i])
                if bytes[i] == UInt8(ascii: "\n") {
                    flush()
                    line += 1
                    lineStart = i + 1
                }
                i += 1
                continue
            }
            flush()
            let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
            let tagLine = line
            var j = i + open.count
            let triple = bytes.indices.contains(j) && bytes[j] == UInt8(ascii: "{") && open == Array("{{".utf8)
            let end = triple ? Array("}".utf8) + close : close
            guard let stop = (j..<bytes.count).first(where: { matches(end, at: $0) }) else {
                throw MustacheSyntaxError(problem: .unclosedTag, line: tagLine, column: column)
            }
            if triple { j += 1 }
            let inside = String(decoding: bytes[j..<stop], as: UTF8.self)
            for byte in bytes[i..<stop] where byte == UInt8(ascii: "\n") { line += 1 }
            i = stop + end.count
            if let lastNewline = bytes[..<i].lastIndex(of: UInt8(ascii: "\n")), lastNewline >= lineStart {
                lineStart = lastNewline + 1
            }
            var content = inside.trimmedWhitespace
            var kind: Character? = triple ? "{" : nil
            if !triple, let first = content.first, "#^/!><$=&".contains(first) {
                kind = first
                content = String(content.dropFirst()).trimmedWhitespace
            }
            if kind == "=" {
                guard content.hasSuffix("=") else {
                    throw MustacheSyntaxError(problem: .badDelimiters, line: tagLine, column: column)
                }
                let parts = content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2 else {
                    throw MustacheSyntaxError(problem: .badDelimiters, line: tagLine, column: column)
                }
                (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8))
            }
            if kind != "!" && kind != "=" && content.isEmpty {
                throw MustacheSyntaxError(problem: .emptyName, line: tagLine, column: column)
            }
            tokens.append(.tag(kind: kind, name: content, line: tagLine, column: column))
        }
        flush()
        return tokens
    }

    /// Removes the lines that hold only one section, comment, delimiter, partial, parent or
    /// block tag and whitespace; a partial or parent keeps that whitespace as its indentation.
    private static func standalone(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        var lineTokens: [Token] = []
        func endLine() {
            defer { lineTokens.removeAll() }
            var tags: [Token] = []
            var before = ""
            for token in lineTokens {
                switch token {
                case .text(let text):
                    // Only whitespace around the tags, and only tags that write nothing themselves.
                    guard text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }) else {
                        result += lineTokens
                        return
                    }
                    if tags.isEmpty { before += text }
                case .tag(let kind, _, _, _):
                    guard let kind, "#^/!><$=".contains(kind) else {
                        result += lineTokens
                        return
                    }
                    tags.append(token)
                case .indented: break
                }
            }
            if let emptyBlock = Self.emptyBlockLine(tags, before: before) {
                result += emptyBlock + [.text("\n")]
                return
            }
            guard !tags.isEmpty, tags.count == 1 || Self.isOneLineGroup(tags) else {
                result += lineTokens
                return
            }
            for (i, tag) in tags.enumerated() {
                if case .tag(let kind?, let name, let line, let column) = tag,
                    kind == "$" || (i == 0 && (kind == ">" || kind == "<"))
                {
                    let indentation = i == 0 ? before : ""
                    result.append(
                        .indented(kind: kind, name: name, indentation: indentation, line: line, column: column))
                } else {
                    result.append(tag)
                }
            }
        }
        for token in tokens {
            lineTokens.append(token)
            if case .text(let text) = token, text.utf8.last == UInt8(ascii: "\n") { endLine() }
        }
        endLine()
        return result
    }

    /// `{{$main}}{{/main}}` alone on a line keeps its line's end (as the spec and swift-mustache
    /// agree) but indents what overrides it by the whitespace before it.
    private static func emptyBlockLine(_ tags: [Token], before: String) -> [Token]? {
        guard tags.count == 2, case .tag("$", let name, let line, let column) = tags[0],
            case .tag("/", name, _, _) = tags[1]
        else { return nil }
        return [.indented(kind: "$", name: name, indentation: before, line: line, column: column), tags[1]]
    }

    /// Several tags alone on a line count as one standalone tag only when they open a parent
    /// or close blocks and parents (`{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`), as the
    /// spec's inheritance examples write them. A block opened and closed on its own line
    /// (`{{$main}}{{/main}}`) keeps its line's end, as the spec and swift-mustache agree.
    private static func isOneLineGroup(_ tags: [Token]) -> Bool {
        guard case .tag(let first?, _, _, _) = tags.first, first == "<" || first == "/" else { return false }
        return tags.allSatisfy {
            guard case .tag(let kind?, _, _, _) = $0 else { return false }
            return kind == "<" || kind == "$" || kind == "/"
        }
    }

    /// Nests sections, parents and blocks until the tag closing `closing` (nil: the end).
    private static func build(_ tokens: [Token], _ index: inout Int, closing: (name: String, line: Int, column: Int)?)
        throws(MustacheSyntaxError) -> [MustacheNode]
    {
        var nodes: [MustacheNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let text):
                nodes.append(.text(text))
            case .indented(let kind, let name, let indentation, let line, let column):
                if kind == ">" {
                    nodes.append(.partial(name, indentation: indentation))
                } else if kind == "$" {
                    let inner = try build(tokens, &index, closing: (name, line, column))
                    nodes.append(
                        .block(
                            name,
                            MustacheBlock(indentation: Self.firstLineIndentation(inner, or: indentation), nodes: inner))
                    )
                } else {
                    let inner = try build(tokens, &index, closing: (name, line, column))
                    nodes.append(.parent(name, indentation: indentation, blocks: blocks(in: inner)))
                }
            case .tag(let kind, let name, let line, let column):
                switch kind {
                case "!", "=": break
                case "/":
                    guard let closing else {
                        throw MustacheSyntaxError(problem: .closingWithoutOpening(name), line: line, column: column)
                    }
                    guard closing.name == name else {
                        throw MustacheSyntaxError(
                            problem: .closingMismatch(expected: closing.name, found: name), line: line, column: column)
                    }
                    return nodes
                case "#", "^":
                    let inner = try build(tokens, &index, closing: (name, line, column))
                    nodes.append(.section(MustacheName(name), inverted: kind == "^", inner))
                case "$":
                    let inner = try build(tokens, &index, closing: (name, line, column))
                    nodes.append(.block(name, MustacheBlock(indentation: nil, nodes: inner)))
                case "<":
                    let inner = try build(tokens, &index, closing: (name, line, column))
                    nodes.append(.parent(name, indentation: "", blocks: blocks(in: inner)))
                case ">": nodes.append(.partial(name, indentation: ""))
                case "{", "&": nodes.append(.variable(MustacheName(name), escaped: false))
                default: nodes.append(.variable(MustacheName(name), escaped: true))
                }
            }
        }
        if let closing {
            throw MustacheSyntaxError(
                problem: .unclosedSection(closing.name), line: closing.line, column: closing.column)
        }
        return nodes
    }

    /// A standalone block's lines are indented as its first line is (the spec's "intrinsic
    /// indentation"); an empty one by the whitespace before its tag.
    private static func firstLineIndentation(_ nodes: [MustacheNode], or tagIndentation: String) -> String {
        guard let first = nodes.first else { return tagIndentation }
        guard case .text(let text) = first else { return "" }
        return String(text.prefix(while: { $0 == " " || $0 == "\t" }))
    }

    /// The blocks a parent tag overrides; anything else inside it is ignored.
    private static func blocks(in nodes: [MustacheNode]) -> [String: MustacheBlock] {
        var blocks: [String: MustacheBlock] = [:]
        for node in nodes {
            if case .block(let name, let content) = node { blocks[name] = content }
        }
        return blocks
    }
}
