import Yams

/// A YAML value kept for templates (unknown front matter fields, extra site.yaml keys).
public indirect enum YAMLValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([String: YAMLValue])

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            let name = node.tag.resolvedName
            if name == Tag.Name.null {
                self = .null
            } else if name == Tag.Name.bool, let b = node.bool {
                self = .bool(b)
            } else if name == Tag.Name.int, let i = node.int {
                self = .int(i)
            } else if name == Tag.Name.float, let d = node.float {
                self = .double(d)
            } else {
                self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            var map: [String: YAMLValue] = [:]
            for (key, value) in mapping {
                map[key.string ?? "\(key)"] = YAMLValue(value)
            }
            self = .map(map)
        case .alias:
            self = .null
        }
    }

    /// The value as mustache sees it: strings, numbers, booleans, arrays and dictionaries.
    public var templateValue: Any? {
        switch self {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .null: return nil
        case .list(let items): return items.compactMap(\.templateValue)
        case .map(let map): return map.compactMapValues(\.templateValue)
        }
    }
}

extension Tag {
    /// The tag name; Yams keeps `name` internal but exposes it as `rawValue`.
    var resolvedName: Tag.Name { Tag.Name(rawValue: rawValue) }
}

extension Node {
    /// `~`, `null` or nothing. Reads `Node.tag`, which resolves implicit tags; a scalar's own
    /// `tag` stays unresolved until something has asked the node.
    var isNull: Bool {
        guard case .scalar = self else { return false }
        return tag.resolvedName == Tag.Name.null
    }
}
