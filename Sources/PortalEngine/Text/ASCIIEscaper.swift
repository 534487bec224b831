/// An escaping whose replacements are all for ASCII characters (HTML's and JSON's): it works on
/// the UTF-8 bytes through a table, and returns the text itself when nothing needs escaping,
/// which is most of what a page prints. The per-scalar loop of `TextEscaping` was the biggest
/// cost of rendering a variable.
struct ASCIIEscaper: Sendable {
    /// Per ASCII byte: its escaped form, or nil to keep it.
    private let table: [[UInt8]?]

    init(_ replacement: (Unicode.Scalar) -> String?) {
        table = (0..<128).map { byte in replacement(Unicode.Scalar(UInt8(byte))).map { Array($0.utf8) } }
    }

    func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 < 0x80 && table[Int($0)] != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if byte < 0x80, let replaced = table[Int(byte)] {
                    out.append(contentsOf: replaced)
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }
}
