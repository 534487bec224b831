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
        var text = text
        let found = text.withUTF8 { bytes -> Result<(yaml: Range<Int>, body: Int, bodyLine: Int), Problem> in
            fences(in: bytes)
        }
        return found.map { found in
            // The body is sliced out of the text as it is: decoding its bytes again checked the
            // UTF-8 of every body a second time (a seventh of loading).
            let at = { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
            return Parts(
                yaml: String(text[at(found.yaml.lowerBound)..<at(found.yaml.upperBound)]), yamlFirstLine: 2,
                body: String(text[at(found.body)...]), bodyFirstLine: found.bodyLine)
        }
    }

    /// Where the YAML between the fences lies, where the body starts, and its first line.
    private static func fences(in bytes: UnsafeBufferPointer<UInt8>) -> Result<
        (yaml: Range<Int>, body: Int, bodyLine: Int), Problem
    > {
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
                    return .success((start..<max(start, lineStart - 1), bodyStart, lineNumber + 1))
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
