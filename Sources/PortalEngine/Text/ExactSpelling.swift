/// A string as a dictionary key by its exact UTF-8 bytes. A `String` key is hashed and compared
/// after Unicode normalisation, which made most of the cost of the taxonomies (100,000 articles
/// naming a few hundred Vietnamese units and tags). For caches of spellings already seen, where
/// two spellings of one name may simply be looked up twice.
struct ExactSpelling: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ExactSpelling, b: ExactSpelling) -> Bool {
        var (left, right) = (a.text, b.text)
        return left.withUTF8 { l in right.withUTF8 { r in l.elementsEqual(r) } }
    }
}
