/// A value as templates see it: text, numbers, flags, lists and objects. Typed, so no `Any`
/// travels through the pipeline; the renderer (`Render/Mustache/`) reads it as it is.
public indirect enum TemplateValue: Sendable {
    case text(String)
    /// Text kept as the store gave it (an article's body) until a page shows it: a page's
    /// fingerprint hashes its bytes, with no String made (a tenth of a title edit's CPU).
    case storedText(StoredText)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value many pages show (the site, an article's list entry), hashed and converted once.
    case shared(SharedTemplateValue)

    /// An object's fields (also through `shared`); nil for other values.
    var fields: [String: TemplateValue]? {
        switch self {
        case .object(let fields): return fields
        case .shared(let shared): return shared.value.fields
        default: return nil
        }
    }

    /// An object's field (also through `shared`): nil when there is none, or for other values.
    /// Looked up in place, not through a copy of the fields (counted references on every
    /// name a template shows).
    func field(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let fields): return fields[name]
        case .shared(let shared): return shared.value.field(name)
        default: return nil
        }
    }

    /// This object with `extra`'s fields added (replacing equal keys).
    func merging(_ extra: [String: TemplateValue]) -> TemplateValue {
        .object((fields ?? [:]).merging(extra) { _, new in new })
    }
}

/// A value shown by many pages: its fingerprint stands for it in every page's fingerprint.
public final class SharedTemplateValue: Sendable {
    public let value: TemplateValue
    public let fingerprint: UInt64

    init(_ value: TemplateValue) {
        self.value = value
        fingerprint = ContextFingerprint.of(value, seed: 0)
    }
}

/// Typed template data: each page kind, and each value inside one, says how templates see it.
protocol TemplateData {
    var templateValue: TemplateValue { get }
}

extension Array where Element: TemplateData {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Array where Element == SharedTemplateValue {
    var templateValue: TemplateValue { .list(map(TemplateValue.shared)) }
}

extension YAMLValue {
    /// The value as templates see it; null is left out.
    var templateValue: TemplateValue? {
        switch self {
        case .string(let s): return .text(s)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .null: return nil
        case .list(let items): return .list(items.compactMap(\.templateValue))
        case .map(let map): return .object(map.compactMapValues(\.templateValue))
        }
    }
}
