import Yams

/// Reads front matter YAML into `FrontMatter`, reporting every bad field, not just the first.
public struct FrontMatterParser: Sendable {
    public let dates: DateParser

    public init(dates: DateParser) {
        self.dates = dates
    }

    /// The front matter is nil when the YAML cannot be read at all (one diagnostic says why).
    public func parse(_ yaml: String, file: String, firstLine: Int) -> (FrontMatter?, [Diagnostic]) {
        var front = FrontMatter()
        var problems: [Diagnostic] = []
        let root: Node?
        switch YAMLReading.compose(yaml, file: file, firstLine: firstLine) {
        case .success(let node): root = node
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let root else { return (front, []) }
        guard case .mapping(let mapping) = root else {
            let at = YAMLReading.position(of: root, firstLine: firstLine)
            return (nil, [.error(file, at, Message(.frontMatterNotMapping))])
        }

        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let at = YAMLReading.position(of: value, firstLine: firstLine) ?? SourcePosition(line: firstLine, column: 1)
            front.positions[key] = at
            func fail(_ message: Message) { problems.append(.error(file, at, message)) }

            func text() -> String? {
                guard case .scalar(let s) = value else {
                    fail(Message(.fieldMustBeText, "\(key)"))
                    return nil
                }
                if value.isNull { return nil }
                let trimmed = s.string.trimmedWhitespace
                return trimmed.isEmpty ? nil : trimmed
            }
            func list(splittingCommas: Bool = false) -> [String] {
                switch value {
                case .scalar(let s):
                    if value.isNull { return [] }
                    let t = s.string.trimmedWhitespace
                    // `-Hạ Lang` on its own line under `units:` reads as one text "-Hạ Lang …".
                    if splittingCommas, let (_, item) = YAMLHints.dashWithoutSpace(Substring(t)) {
                        let first = item.split(separator: " -").first.map(String.init) ?? item
                        problems.append(.error(file, at, Message(.yamlListDash, "\(first)")))
                        return []
                    }
                    if splittingCommas, let items = FrontMatterHints.commaSeparated(t) {
                        problems.append(.warning(file, at, FrontMatterHints.listMessage(key: key, items: items)))
                        return items
                    }
                    return t.isEmpty ? [] : [t]
                case .sequence(let seq):
                    var items: [String] = []
                    for item in seq {
                        guard case .scalar(let s) = item else {
                            let itemAt = YAMLReading.position(of: item, firstLine: firstLine) ?? at
                            problems.append(.error(file, itemAt, Message(.listItemMustBeText, "\(key)")))
                            continue
                        }
                        let t = s.string.trimmedWhitespace
                        if !t.isEmpty { items.append(t) }
                    }
                    return items
                default:
                    fail(Message(.fieldMustBeList, "\(key)"))
                    return []
                }
            }
            func flag() -> Bool {
                if value.isNull { return false }
                guard let b = value.plainBool else {
                    fail(Message(.fieldMustBeBool, "\(key)"))
                    return false
                }
                return b
            }
            func timestamp() -> Timestamp? {
                guard let raw = text() else { return nil }
                switch dates.parse(raw) {
                case .success(let t): return t
                case .failure(let error):
                    fail(error.message)
                    return nil
                }
            }

            switch key {
            case "title":
                front.title = text()
                if let title = front.title, let unwrapped = FrontMatterHints.withoutCurlyQuotes(title) {
                    problems.append(.warning(file, at, Message(.curlyQuotes)))
                    front.title = unwrapped
                }
            case "date":
                front.date = timestamp()
                if let raw = value.string { front.dateHasTime = DateParser.hasTimeOfDay(raw) }
            case "lastmod": front.lastmod = timestamp()
            case "category": front.category = text()
            case "bloc": front.bloc = text()
            case "units": front.units = list(splittingCommas: true)
            case "meeting": front.meeting = text()
            case "tags": front.tags = list(splittingCommas: true)
            case "author": front.author = text()
            case "source": front.source = text()
            case "summary": front.summary = text()
            case "image": front.image = text()
            case "image_caption": front.imageCaption = text()
            case "featured": front.featured = flag()
            case "slug":
                if let slug = text() {
                    if let problem = Slug.problem(with: slug) { fail(problem) } else { front.slug = slug }
                }
            case "aliases": front.aliases = list()
            case "draft": front.draft = flag()
            default: front.extra[key] = YAMLValue(value)
            }
        }
        return (front, problems)
    }
}
