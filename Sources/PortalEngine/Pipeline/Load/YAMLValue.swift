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
            if node.isNull {
                self = .null
            } else if let b = node.plainBool {
                self = .bool(b)
            } else if let i = node.plainInt {
                self = .int(i)
            } else if let d = node.plainDouble {
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
}

/// Typing of plain (unquoted) scalars, done here instead of by Yams' resolver: its rules are
/// regular expressions run on every scalar, measured at about 3% of a 10,000-article build.
extension Node {
    /// The parser's resolver: no implicit typing; the helpers below type what the fields need.
    static let resolver = Resolver.basic

    private var plainText: String? {
        guard case .scalar(let s) = self, s.style == .plain || s.style == .any else { return nil }
        return s.string
    }

    /// `~`, `null` or nothing, unquoted.
    var isNull: Bool {
        guard let text = plainText else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// `true`/`false` (and YAML 1.1's `yes`/`no`/`on`/`off`), unquoted.
    var plainBool: Bool? {
        switch plainText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    var plainInt: Int? { plainText.flatMap { Int($0) } }

    var plainDouble: Double? {
        guard let text = plainText, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        return Double(text)
    }
}
