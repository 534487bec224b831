/// Splits a Markdown file into its YAML front matter and its body.
public enum FrontMatterSplitter {
    public struct Parts: Sendable, Equatable {
        /// The YAML between the `---` lines, without them.
        public var yaml: String
        /// File line of the first YAML line (the line after the opening `---`).
        public var yamlFirstLine: Int
        public var body: String
        /// File line of the first body line.
        public var bodyFirstLine: Int
    }

    public enum Problem: Error, Sendable, Equatable {
        case emptyFile
        case missingOpening
        case neverClosed
    }

    /// Expects text already decoded by `SourceText` (LF line ends, no BOM).
    public static func split(_ text: String) -> Result<Parts, Problem> {
        if text.allSatisfy({ $0 == "\n" || $0 == " " || $0 == "\t" }) { return .failure(.emptyFile) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first) else { return .failure(.missingOpening) }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            if isFence(line) || line.trimmingTrailingSpaces() == "..." {
                return .success(
                    Parts(
                        yaml: yamlLines.joined(separator: "\n"),
                        yamlFirstLine: 2,
                        body: lines.joined(separator: "\n"),
                        bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(.neverClosed)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces() == "---"
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
