/// A GFM pipe table found in the lines of one paragraph, before its cells are parsed as Markdown.
///
/// libcmark has no table extension, so a table reaches us as a paragraph whose lines have
/// pipes; this reads those lines the way cmark-gfm's table extension reads them.
struct PipeTable: Equatable {
    /// A column's alignment, from the delimiter row's colons (`:--`, `--:`, `:-:`).
    enum Alignment: Equatable {
        case none, left, center, right
    }

    var alignments: [Alignment]
    /// Cell source texts, trimmed, with `\|` turned into `|`.
    var header: [String]
    /// Each row has exactly `alignments.count` cells: missing ones are empty, extra ones dropped.
    var rows: [[String]]

    /// The table in a paragraph's lines, and how many lines before it stay a paragraph; nil when
    /// no line is a delimiter row under a header row with as many cells.
    static func recognize(_ lines: [Substring]) -> (leadingLines: Int, table: PipeTable)? {
        guard lines.count >= 2 else { return nil }
        for i in 1..<lines.count {
            guard let alignments = delimiterRow(lines[i]) else { continue }
            let header = cells(lines[i - 1])
            guard header.count == alignments.count else { continue }
            let rows = lines[(i + 1)...].map { line -> [String] in
                var row = cells(line)
                if row.count > alignments.count { row.removeLast(row.count - alignments.count) }
                while row.count < alignments.count { row.append("") }
                return row
            }
            return (i - 1, PipeTable(alignments: alignments, header: header, rows: rows))
        }
        return nil
    }

    /// `| :-- | --: |` → its alignments; nil unless every cell is colons around hyphens.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        let parts = cells(line)
        let hasPipe = line.utf8.contains(UInt8(ascii: "|"))
        guard !parts.isEmpty, hasPipe || parts.count == 1 && line.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            var body = Substring(part)
            let left = body.hasPrefix(":")
            if left { body = body.dropFirst() }
            let right = body.hasSuffix(":")
            if right { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        return alignments
    }

    /// Splits a row at pipes not escaped by a backslash; an outer pipe on either side is optional.
    static func cells(_ line: Substring) -> [String] {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return [] }
        if bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !isEscaped(bytes, end - 1, from: start) { end -= 1 }

        var result: [String] = []
        var cell: [UInt8] = []
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == backslash, i + 1 < end {
                // `\|` is a pipe inside the cell, even within a code span; other escapes are
                // left for the inline parser.
                if bytes[i + 1] != pipe { cell.append(byte) }
                cell.append(bytes[i + 1])
                i += 2
                continue
            }
            if byte == pipe {
                result.append(trimmed(cell))
                cell.removeAll(keepingCapacity: true)
            } else {
                cell.append(byte)
            }
            i += 1
        }
        result.append(trimmed(cell))
        return result
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    /// True when the byte at `index` follows an odd run of backslashes.
    private static func isEscaped(_ bytes: [UInt8], _ index: Int, from start: Int) -> Bool {
        var count = 0
        var i = index - 1
        while i >= start, bytes[i] == backslash {
            count += 1
            i -= 1
        }
        return count % 2 == 1
    }

    private static func trimmed(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmedWhitespace
    }
}
