/// An escaping whose replacements are all for ASCII characters (HTML's and JSON's): it works on
/// the UTF-8 bytes through a table, and returns the text itself when nothing needs escaping,
/// which is most of what a page prints. The per-scalar loop of `TextEscaping` was the biggest
/// cost of rendering a variable.
struct ASCIIEscaper: Sendable {
    /// Per ASCII byte: its escaped form, or nil to keep it.
    private let table: [[UInt8]?]
    /// Per byte value: whether it is escaped. Allocated once per escaper (each is a static
    /// constant) and never freed: read for every byte a page prints, so without the bounds
    /// checks and reference counting of an array.
    nonisolated(unsafe) private let escaped: UnsafePointer<Bool>

    init(_ replacement: (Unicode.Scalar) -> String?) {
        table = (0..<128).map { byte in replacement(Unicode.Scalar(UInt8(byte))).map { Array($0.utf8) } }
        let flags = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0..<256 { flags[byte] = byte < 0x80 && table[byte] != nil }
        escaped = UnsafePointer(flags)
    }

    /// Appends `bytes` to `out`, escaped: runs that need nothing are copied whole.
    func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count where escaped[Int(bytes[i])] {
            guard let replaced = table[Int(bytes[i])] else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(contentsOf: replaced)
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { self.escaped[Int($0)] }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            escape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }
}
