import Yams

/// Parses YAML into a node tree that keeps positions, and turns Yams errors into diagnostics.
enum YAMLReading {
    /// `firstLine` is the file line where the YAML text starts, so positions point into the file.
    static func compose(_ yaml: String, file: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        do {
            // `.utf8` explicitly: the default encoding reads the process environment on each call.
            let parser = try Parser(yaml: yaml, resolver: Node.resolver, constructor: .default, encoding: .utf8)
            return .success(try parser.singleRoot())
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(.error(file, SourcePosition(line: firstLine, column: 1), "cannot read YAML: \(error)"))
        }
    }

    static func position(of node: Node, firstLine: Int) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line + firstLine - 1, column: $0.column) }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourcePosition {
            SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            guard let context else { return .error(file, at(mark), message) }
            // At the end of the text (an unclosed quote or bracket) the start of the construct helps more.
            if problem.contains("end of stream") {
                return .error(file, at(context.mark), message + " (\(context.text) that starts here)")
            }
            message += " (\(context.text) at line \(context.mark.line + firstLine - 1))"
            return .error(file, at(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                file, at(context.mark), "invalid YAML: key \(duplicates.joined(separator: ", ")) appears twice")
        case .reader(let problem, _, _, _):
            return .error(file, SourcePosition(line: firstLine, column: 1), "invalid YAML: \(problem)")
        default:
            return .error(file, SourcePosition(line: firstLine, column: 1), "invalid YAML: \(error)")
        }
    }
}
