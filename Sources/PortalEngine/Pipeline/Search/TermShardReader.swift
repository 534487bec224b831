/// Reads a term shard back: `{"term":[[variants],[doc gap,title(,mask),...]],...}`. Returns nil
/// for anything not exactly as `SearchIndexBuilder` writes it (escapes included: terms never
/// need them, so a backslash means the file is not ours).
enum TermShardReader {
    /// One `"term":[…]` entry as a scan sees it: where it and its term lie, and whether its
    /// postings name one of the documents looked for.
    struct ScannedEntry {
        var bytes: Range<Int>
        var term: Range<Int>
        var namesDocs: Bool
    }

    /// Every entry of the shard, scanned; nil when it is not as `SearchIndexBuilder` writes it.
    static func entries(of bytes: [UInt8], naming docs: Set<Int32>) -> [ScannedEntry]? {
        var reader = Reader(bytes: bytes)
        var entries: [ScannedEntry] = []
        guard reader.take(0x7B) else { return nil }
        if reader.take(0x7D) { return reader.atEndOfFile ? entries : nil }
        let sorted = docs.sorted()
        while true {
            guard let entry = scanEntry(&reader, docs: sorted) else { return nil }
            entries.append(entry)
            if reader.take(0x2C) { continue }
            return reader.take(0x7D) && reader.atEndOfFile ? entries : nil
        }
    }

    /// Moves past one entry, reading of its postings only the document numbers up to the last
    /// of `docs` (sorted): both rise, so each number is checked against the next of `docs`
    /// not yet passed, without hashing it.
    private static func scanEntry(_ reader: inout Reader, docs: [Int32]) -> ScannedEntry? {
        let start = reader.i
        guard let term = reader.stringBytes(), reader.take(0x3A), reader.take(0x5B), reader.take(0x5B) else {
            return nil
        }
        var width = 2
        if !reader.take(0x5D) {
            width = 3
            repeat { guard reader.stringBytes() != nil else { return nil } } while reader.take(0x2C)
            guard reader.take(0x5D) else { return nil }
        }
        guard reader.take(0x2C), reader.take(0x5B) else { return nil }
        var doc = 0
        var k = 0
        var found = false
        var next = 0  // the first of `docs` not below `doc`
        while true {
            guard let value = reader.number() else { return nil }
            if k % width == 0 {
                doc += value
                while next < docs.count, Int(docs[next]) < doc { next += 1 }
                if found || next == docs.count {
                    reader.skipToListEnd()  // the rest does not change the answer
                    break
                }
                found = Int(docs[next]) == doc
            }
            k += 1
            if reader.take(0x2C) { continue }
            break
        }
        guard reader.take(0x5D), reader.take(0x5D) else { return nil }
        return ScannedEntry(bytes: start..<reader.i, term: term, namesDocs: found)
    }

    static func parse(_ bytes: [UInt8]) -> [String: SearchIndexBuilder.TermPostings]? {
        var reader = Reader(bytes: bytes)
        var table: [String: SearchIndexBuilder.TermPostings] = [:]
        guard reader.take(0x7B) else { return nil }  // {
        if reader.take(0x7D) { return reader.atEndOfFile ? table : nil }
        while true {
            guard let (term, postings) = parseEntry(&reader), table[term] == nil else { return nil }
            table[term] = postings
            if reader.take(0x2C) { continue }
            guard reader.take(0x7D), reader.atEndOfFile else { return nil }
            return table
        }
    }

    /// The variants of the entry at `start`, and the title flag and mask of `doc`'s posting;
    /// nil when it has none. Reads the numbers without keeping them.
    static func posting(of doc: Int32, inEntryAt start: Int, of bytes: [UInt8]) -> (
        variants: [String], title: Bool, mask: UInt32
    )? {
        var reader = Reader(bytes: bytes, i: start)
        guard reader.stringBytes() != nil, let variants = variants(&reader) else { return nil }
        let width = variants.isEmpty ? 2 : 3
        var current = 0
        while true {
            guard let gap = reader.number(), reader.take(0x2C), let title = reader.number() else { return nil }
            var mask = 0
            if width == 3 {
                guard reader.take(0x2C), let value = reader.number() else { return nil }
                mask = value
            }
            current += gap
            if current == Int(doc) { return (variants, title == 1, UInt32(truncatingIfNeeded: mask)) }
            if current > Int(doc) || !reader.take(0x2C) { return nil }
        }
    }

    /// The entry at `start` of `bytes`, whole.
    static func parseEntry(at start: Int, of bytes: [UInt8]) -> (String, SearchIndexBuilder.TermPostings)? {
        var reader = Reader(bytes: bytes, i: start)
        return parseEntry(&reader)
    }

    private static func parseEntry(_ reader: inout Reader) -> (String, SearchIndexBuilder.TermPostings)? {
        guard let term = reader.string(), let variants = variants(&reader) else { return nil }
        var numbers: [Int] = []
        while true {
            guard let number = reader.number() else { return nil }
            numbers.append(number)
            if reader.take(0x2C) { continue }
            guard reader.take(0x5D), reader.take(0x5D) else { return nil }
            break
        }
        let width = variants.isEmpty ? 2 : 3
        guard numbers.count % width == 0 else { return nil }
        let postings = SearchIndexBuilder.TermPostings(hash: SearchIndexBuilder.fnv1a32(term))
        postings.variants = variants
        var doc = 0
        for k in stride(from: 0, to: numbers.count, by: width) {
            doc += numbers[k]
            guard numbers[k + 1] <= 1, doc <= Int(Int32.max) else { return nil }
            postings.docs.append(Int32(doc))
            postings.titles.append(numbers[k + 1] == 1)
            if width == 3 { postings.masks.append(UInt32(truncatingIfNeeded: numbers[k + 2])) }
        }
        return (term, postings)
    }

    /// After an entry's term: its variants, moving to its first posting number.
    private static func variants(_ reader: inout Reader) -> [String]? {
        guard reader.take(0x3A), reader.take(0x5B), reader.take(0x5B) else { return nil }
        var variants: [String] = []
        if !reader.take(0x5D) {
            repeat {
                guard let variant = reader.string() else { return nil }
                variants.append(variant)
            } while reader.take(0x2C)
            guard reader.take(0x5D) else { return nil }
        }
        return reader.take(0x2C) && reader.take(0x5B) ? variants : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        var atEndOfFile: Bool { i == bytes.count || (i == bytes.count - 1 && bytes[i] == 0x0A) }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// Where a string without escapes lies, moving past it.
        mutating func stringBytes() -> Range<Int>? {
            guard take(0x22) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return start..<i
        }

        mutating func string() -> String? {
            stringBytes().map { String(decoding: bytes[$0], as: UTF8.self) }
        }

        /// To the `]` that closes the current list of numbers.
        mutating func skipToListEnd() {
            while i < bytes.count, bytes[i] != 0x5D { i += 1 }
        }

        mutating func number() -> Int? {
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 12 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return i > start ? value : nil
        }
    }
}
