/// A template compiled once per build: text and tags in a tree, names already split at dots.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or inverted `{{^name}}…{{/name}}`.
    case section(MustacheName, inverted: Bool, [MustacheNode])
    /// `{{>name}}`; a standalone tag's indentation goes before each line of the partial.
    case partial(String, indentation: String)
    /// `{{<name}}…{{/name}}`: the partial with some of its blocks replaced.
    case parent(String, indentation: String, blocks: [String: MustacheBlock])
    /// `{{$name}}default{{/name}}`.
    case block(String, MustacheBlock)
}

/// A block's content, and, when its opening tag stands alone on its line, the indentation of
/// its lines: removed from an override where it is defined, added where it is expanded (the
/// spec's block reindentation).
struct MustacheBlock: Sendable {
    var indentation: String?
    var nodes: [MustacheNode]
}

/// A tag's name: `.`, a dotted path, or one of the helpers inside a list (`first()`, `last()`,
/// `index()`, as swift-mustache names them).
enum MustacheName: Sendable, Equatable {
    case current
    case path([String])
    case first
    case last
    case index

    init(_ text: String) {
        switch text {
        case ".": self = .current
        case "first()": self = .first
        case "last()": self = .last
        case "index()": self = .index
        default: self = .path(text.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        }
    }
}

/// A template that could not be compiled, with where.
struct MustacheSyntaxError: Error, Sendable {
    enum Problem: Sendable {
        case unclosedTag
        case unclosedSection(String)
        case closingWithoutOpening(String)
        case closingMismatch(expected: String, found: String)
        case badDelimiters
        case emptyName
    }

    var problem: Problem
    var line: Int
    var column: Int
}
