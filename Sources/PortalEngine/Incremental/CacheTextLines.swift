/// A text cache file read as UTF-8 bytes, split into lines and tab-separated fields: these
/// files list every page or article, and splitting them as Characters took tens of milliseconds
/// of every incremental build at 10,000 articles.
struct CacheTextLines {
    typealias Line = ArraySlice<UInt8>

    private(set) var lines: ArraySlice<Line>

    init(_ bytes: [UInt8], keepingEmptyLines: Bool = false) {
        lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: !keepingEmptyLines)[...]
    }

    var count: Int { lines.count }

    mutating func next() -> Line? { lines.popFirst() }

    /// The next line's value after `name` and a tab.
    mutating func field(_ name: String) -> Line? {
        guard let line = lines.first else { return nil }
        let prefix = Array(name.utf8) + [0x09]
        guard line.starts(with: prefix) else { return nil }
        lines = lines.dropFirst()
        return line.dropFirst(prefix.count)
    }

    static func fields(_ line: Line, maxSplits: Int = .max) -> [Line] {
        line.split(separator: 0x09, maxSplits: maxSplits, omittingEmptySubsequences: false)
    }

    static func text(_ bytes: Line) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A lowercase or uppercase hexadecimal number, as `String(_:radix: 16)` writes it.
    static func hex(_ bytes: Line) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// A non-negative decimal number.
    static func int(_ bytes: Line) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
