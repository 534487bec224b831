import Yams

/// Parses YAML into a node tree that keeps positions, and turns Yams errors into diagnostics
/// that say, in the editor's words, what to change and where.
enum YAMLReading {
    /// `firstLine` is the file line where the YAML text starts, so positions point into the file.
    static func compose(_ yaml: String, file: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        do {
            // `.utf8` explicitly: the default encoding reads the process environment on each call.
            let parser = try Parser(yaml: yaml, resolver: Node.resolver, constructor: .default, encoding: .utf8)
            return .success(try parser.singleRoot())
        } catch let error as YamlError {
            if let hint = YAMLHints.hint(for: yaml, file: file, firstLine: firstLine, error: error) {
                return .failure(hint)
            }
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(
                .error(file, SourcePosition(line: firstLine, column: 1), Message(.yamlUnreadable, "\(error)")))
        }
    }

    static func position(of node: Node, firstLine: Int) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line + firstLine - 1, column: $0.column) }
    }

    /// The parser's own words, for the mistakes `YAMLHints` does not know.
    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition {
            SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            guard let context else { return .error(file, at(mark), Message(.yamlInvalid, "\(problem)")) }
            // At the end of the text (an unclosed quote or bracket) the start of the construct helps more.
            if problem.contains("end of stream") {
                return .error(
                    file, at(context.mark), Message(.yamlInvalidStartsHere, "\(problem)", "\(context.text)"))
            }
            return .error(
                file, at(mark),
                Message(.yamlInvalidAtLine, "\(problem)", "\(context.text)", .number(context.mark.line + firstLine - 1))
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                file, at(context.mark), Message(.yamlDuplicateKey, "\(duplicates.joined(separator: ", "))"))
        case .reader(let problem, _, _, _):
            return .error(file, SourcePosition(line: firstLine, column: 1), Message(.yamlInvalid, "\(problem)"))
        default:
            return .error(file, SourcePosition(line: firstLine, column: 1), Message(.yamlInvalid, "\(error)"))
        }
    }
}
