/// A stable hash of a template context: equal contexts (and templates) render equal pages.
///
/// A shared value stands for itself by its own fingerprint, so the site and the list entries
/// are hashed once per build, not once per page that shows them.
public enum ContextFingerprint {
    public static func of(_ value: TemplateValue, seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(seed)
        add(value, to: &hasher)
        return hasher.value
    }

    static func add(_ value: TemplateValue, to hasher: inout StableHasher) {
        switch value {
        case .text(let text):
            hasher.add(1)
            hasher.add(text)
        case .storedText(let text):
            // As the same text given as a String.
            hasher.add(1)
            text.add(to: &hasher)
        case .int(let number):
            hasher.add(2)
            hasher.add(UInt64(bitPattern: Int64(number)))
        case .bool(let flag):
            hasher.add(flag ? 3 : 4)
        case .double(let number):
            hasher.add(5)
            hasher.add(number.bitPattern)
        case .shared(let shared):
            hasher.add(6)
            hasher.add(shared.fingerprint)
        case .object(let fields):
            // Fields in any order: each is hashed apart and the hashes summed, which costs less
            // than sorting the keys of every object of every page.
            hasher.add(7)
            hasher.add(UInt64(fields.count))
            var sum: UInt64 = 0
            for (key, value) in fields {
                var field = StableHasher()
                field.add(key)
                add(value, to: &field)
                sum &+= field.value
            }
            hasher.add(sum)
        case .list(let items):
            hasher.add(8)
            hasher.add(UInt64(items.count))
            for item in items { add(item, to: &hasher) }
        }
    }
}
