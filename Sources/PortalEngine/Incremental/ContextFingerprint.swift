/// A stable hash of a template context: equal contexts (and templates) render equal pages.
///
/// A dictionary holding `fingerprintKey` stands for itself by that value, so shared values
/// (the site, list items) are hashed once per build, not once per page that shows them.
public enum ContextFingerprint {
    public static let fingerprintKey = "_fingerprint"

    public static func of(_ value: Any, seed: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(seed)
        add(value, to: &hasher)
        return hasher.value
    }

    static func add(_ value: Any, to hasher: inout StableHasher) {
        switch value {
        case let text as String:
            hasher.add(1)
            hasher.add(text)
        case let number as Int:
            hasher.add(2)
            hasher.add(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            hasher.add(flag ? 3 : 4)
        case let number as Double:
            hasher.add(5)
            hasher.add(number.bitPattern)
        case let map as [String: Any]:
            if let fingerprint = map[fingerprintKey] as? UInt64 {
                hasher.add(6)
                hasher.add(fingerprint)
                return
            }
            hasher.add(7)
            hasher.add(UInt64(map.count))
            for key in map.keys.sorted() {
                hasher.add(key)
                add(map[key]!, to: &hasher)
            }
        case let list as [Any]:
            hasher.add(8)
            hasher.add(UInt64(list.count))
            for item in list { add(item, to: &hasher) }
        case let number as UInt64:
            hasher.add(9)
            hasher.add(number)
        default:
            hasher.add(10)
            hasher.add(String(describing: value))
        }
    }

    /// The dictionary with its own fingerprint stored under `fingerprintKey`.
    public static func sealed(_ map: [String: Any], seed: UInt64) -> [String: Any] {
        var copy = map
        copy[fingerprintKey] = of(map, seed: seed)
        return copy
    }
}
