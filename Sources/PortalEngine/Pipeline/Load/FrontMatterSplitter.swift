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

    /// Expects text already decoded by `SourceText` (LF line ends, no BOM). Works on UTF-8 bytes:
    /// only the front matter's lines are looked at, never the whole body.
    public static func split(_ text: String) -> Result<Parts, Problem> {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 == 0x0A || $0 == 0x20 || $0 == 0x09 }) { return .failure(.emptyFile) }
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 {
                trimmedEnd -= 1
            }
            let line = bytes[lineStart..<trimmedEnd]
            let isFence = line.elementsEqual("---".utf8)
            if let start = yamlStart {
                if isFence || line.elementsEqual("...".utf8) {
                    let bodyStart = min(lineEnd + 1, bytes.count)
                    return .success(
                        Parts(
                            yaml: String(decoding: bytes[start..<max(start, lineStart - 1)], as: UTF8.self),
                            yamlFirstLine: 2,
                            body: String(decoding: bytes[bodyStart...], as: UTF8.self),
                            bodyFirstLine: lineNumber + 1))
                }
            } else {
                guard isFence else { return .failure(.missingOpening) }
                yamlStart = min(lineEnd + 1, bytes.count)
            }
            if lineEnd == bytes.count { break }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return .failure(.neverClosed)
    }
}
