/// A message from the catalogue, with its values, printed in the reader's language on demand.
public struct Message: Sendable, Hashable {
    /// A value put into a message: plain text (a path, a name) or another message.
    public indirect enum Argument: Sendable, Hashable, ExpressibleByStringInterpolation {
        case text(String)
        case message(Message)
        /// Quoted choices joined by the language's "or": 'a' or 'b' / 'a' hoặc 'b'.
        case alternatives([String])

        public init(stringLiteral value: String) { self = .text(value) }
        public init(stringInterpolation: DefaultStringInterpolation) {
            self = .text(String(stringInterpolation: stringInterpolation))
        }
    }

    public var id: MessageID
    public var arguments: [Argument]

    public init(_ id: MessageID, _ arguments: Argument...) {
        self.id = id
        self.arguments = arguments
    }

    public init(_ id: MessageID, arguments: [Argument]) {
        self.id = id
        self.arguments = arguments
    }

    /// The template of `id` in `language` with `{0}`, `{1}`… replaced by the arguments.
    public func text(_ language: Language) -> String {
        let template = MessageCatalogue.template(id, language)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                index < arguments.count
            else {
                out.append("{")
                rest = rest[afterOpen...]
                continue
            }
            switch arguments[index] {
            case .text(let value): out += value
            case .message(let message): out += message.text(language)
            case .alternatives(let choices):
                out += choices.map { "'\($0)'" }.joined(separator: language == .vi ? " hoặc " : " or ")
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension Message.Argument {
    /// A number as text.
    public static func number(_ n: Int) -> Message.Argument { .text(String(n)) }
}

/// The catalogues, one per language (`Catalogue+vi.swift`, `Catalogue+en.swift`); a test checks
/// that both hold every message with the same placeholders.
public enum MessageCatalogue {
    static func template(_ id: MessageID, _ language: Language) -> String {
        let table = language == .vi ? vietnamese : english
        return table[id] ?? english[id] ?? id.rawValue
    }
}
