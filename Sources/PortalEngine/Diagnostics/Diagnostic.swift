/// A position in a source file: 1-based line and column (column counts Unicode scalars).
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One problem found in the input, printed like a compiler message.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is: errors fail the build, warnings only with `--strict`.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path relative to the site's source folder, e.g. `content/articles/x.md`.
    public var file: String
    public var position: SourcePosition?
    /// What is wrong, from the catalogue, printed in the reader's language.
    public var text: Message

    public init(_ severity: Severity, _ file: String, _ position: SourcePosition?, _ text: Message) {
        self.severity = severity
        self.file = file
        self.position = position
        self.text = text
    }

    public static func error(_ file: String, _ position: SourcePosition?, _ text: Message) -> Diagnostic {
        Diagnostic(.error, file, position, text)
    }

    public static func warning(_ file: String, _ position: SourcePosition?, _ text: Message) -> Diagnostic {
        Diagnostic(.warning, file, position, text)
    }

    /// The message in English (tests and logs compare it).
    public var message: String { text.text(.en) }

    /// `content/x.md:3:7: lỗi: …` in Vietnamese, `content/x.md:3:7: error: …` in English; without
    /// a position, `content/x.md: error: …`.
    public func formatted(_ language: Language) -> String {
        var location = file
        if let position {
            location += ":\(position.line):\(position.column)"
        }
        let word = Message(severity == .error ? .severityError : .severityWarning).text(language)
        return "\(location): \(word): \(text.text(language))"
    }

    /// The English form, as `formatted(.en)`.
    public var description: String { formatted(.en) }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for printing: by file, then line, then column.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            if $0.file != $1.file { return $0.file < $1.file }
            let l0 = $0.position?.line ?? 0
            let l1 = $1.position?.line ?? 0
            if l0 != l1 { return l0 < l1 }
            return ($0.position?.column ?? 0) < ($1.position?.column ?? 0)
        }
    }
}
