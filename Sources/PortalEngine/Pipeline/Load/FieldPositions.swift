/// Where each front matter field's value was written, by field name: a few pairs searched in
/// order, not a dictionary. A dictionary per file, rebuilt for every file taken from the store,
/// cost a tenth of loading 10,000 files, for a dozen fields looked up once or twice each.
public struct FieldPositions: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: SourcePosition)
    private var pairs: [Element] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, SourcePosition)...) {
        for (key, value) in elements { self[key] = value }
    }

    public subscript(key: String) -> SourcePosition? {
        get { pairs.first { $0.key == key }?.value }
        set {
            let existing = pairs.firstIndex { $0.key == key }
            switch (existing, newValue) {
            case (let i?, let value?): pairs[i].value = value
            case (let i?, nil): pairs.remove(at: i)
            case (nil, let value?): pairs.append((key, value))
            case (nil, nil): break
            }
        }
    }

    public var count: Int { pairs.count }

    public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

    /// The same fields at the same places, in any order.
    public static func == (a: FieldPositions, b: FieldPositions) -> Bool {
        a.pairs.count == b.pairs.count && a.pairs.allSatisfy { b[$0.key] == $0.value }
    }
}
