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
            var reader = FieldReader(key: key, value: value, at: at, file: file, firstLine: firstLine, dates: dates)
            assign(&reader, to: &front)
            problems += reader.problems
        }
        return (front, problems)
    }

    /// Stores the field `reader` reads in its place in `front`; unknown keys go to `extra`.
    private func assign(_ reader: inout FieldReader, to front: inout FrontMatter) {
        switch reader.key {
        case "title":
            front.title = reader.text()
            if let title = front.title, let unwrapped = FrontMatterHints.withoutCurlyQuotes(title) {
                reader.problems.append(.warning(reader.file, reader.at, Message(.curlyQuotes)))
                front.title = unwrapped
            }
        case "date":
            front.date = reader.timestamp()
            if let raw = reader.value.string { front.dateHasTime = DateParser.hasTimeOfDay(raw) }
        case "lastmod": front.lastmod = reader.timestamp()
        case "expires": front.expires = reader.timestamp()
        case "category": front.category = reader.text()
        case "bloc": front.bloc = reader.text()
        case "units": front.units = reader.list(splittingCommas: true)
        case "meeting": front.meeting = reader.text()
        case "tags": front.tags = reader.list(splittingCommas: true)
        case "topic": front.topic = reader.text()
        case "author": front.author = reader.text()
        case "source": front.source = reader.text()
        case "summary": front.summary = reader.text()
        case "image": front.image = reader.text()
        case "image_caption": front.imageCaption = reader.text()
        case "featured": front.featured = reader.flag()
        case "slug":
            if let slug = reader.text() {
                if let problem = Slug.problem(with: slug) { reader.fail(problem) } else { front.slug = slug }
            }
        case "aliases": front.aliases = reader.list()
        case "files": front.files = reader.files()
        case "draft": front.draft = reader.flag()
        case "type": front.type = reader.text()
        case "so_ky_hieu": front.document.number = reader.text()
        case "loai": front.document.type = reader.text()
        case "co_quan": front.document.issuer = reader.text()
        case "nguoi_ky": front.document.signer = reader.text()
        case "ngay_ban_hanh": front.document.issued = reader.timestamp()
        case "ngay_hieu_luc": front.document.effective = reader.timestamp()
        case "ngay_het_hieu_luc": front.document.ends = reader.timestamp()
        case "linh_vuc": front.document.fields = reader.list(splittingCommas: false)
        case "trich_yeu": front.document.abstract = reader.text()
        case "thay_the": front.document.replaces = reader.positionedList().map { ($0.text, $0.position) }
        case "lien_quan": front.document.related = reader.positionedList().map { ($0.text, $0.position) }
        default: front.extra[reader.key] = YAMLValue(reader.value)
        }
    }
}

/// One front matter field as the type its key needs, with the problems met reading it.
struct FieldReader {
    let key: String
    let value: Node
    let at: SourcePosition
    let file: String
    let firstLine: Int
    let dates: DateParser
    var problems: [Diagnostic] = []

    mutating func fail(_ message: Message) { problems.append(.error(file, at, message)) }

    mutating func text() -> String? {
        guard case .scalar(let s) = value else {
            fail(Message(.fieldMustBeText, "\(key)"))
            return nil
        }
        if value.isNull { return nil }
        let trimmed = s.string.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
    mutating func list(splittingCommas: Bool = false) -> [String] {
        positionedList(splittingCommas: splittingCommas).map(\.text)
    }

    /// Each item with where it was written (a one-line value's items: where the value is).
    mutating func positionedList(splittingCommas: Bool = false) -> [(text: String, position: SourcePosition?)] {
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
                return items.map { ($0, at) }
            }
            return t.isEmpty ? [] : [(t, at)]
        case .sequence(let seq):
            var items: [(text: String, position: SourcePosition?)] = []
            for item in seq {
                let itemAt = YAMLReading.position(of: item, firstLine: firstLine) ?? at
                guard case .scalar(let s) = item else {
                    problems.append(.error(file, itemAt, Message(.listItemMustBeText, "\(key)")))
                    continue
                }
                let t = s.string.trimmedWhitespace
                if !t.isEmpty { items.append((t, itemAt)) }
            }
            return items
        default:
            fail(Message(.fieldMustBeList, "\(key)"))
            return []
        }
    }

    /// `files: [a.pdf, {file: b.docx, title: "Kế hoạch"}]`, one per line or inline.
    mutating func files() -> [FileReference] {
        let items: [Node]
        switch value {
        case .sequence(let seq): items = Array(seq)
        case .scalar, .mapping: items = value.isNull ? [] : [value]
        default: items = []
        }
        var files: [FileReference] = []
        for item in items {
            let itemAt = YAMLReading.position(of: item, firstLine: firstLine) ?? at
            switch item {
            case .scalar(let s) where !s.string.trimmedWhitespace.isEmpty:
                files.append(FileReference(reference: s.string.trimmedWhitespace, title: nil, position: itemAt))
            case .mapping(let m):
                if let file = m["file"]?.string?.trimmedWhitespace, !file.isEmpty {
                    let title = m["title"]?.string?.trimmedWhitespace
                    let fileAt = m["file"].flatMap { YAMLReading.position(of: $0, firstLine: firstLine) } ?? itemAt
                    files.append(
                        FileReference(reference: file, title: title?.isEmpty == false ? title : nil, position: fileAt))
                } else {
                    problems.append(.error(file, itemAt, Message(.attachmentItemInvalid)))
                }
            default:
                problems.append(.error(file, itemAt, Message(.attachmentItemInvalid)))
            }
        }
        return files
    }

    mutating func flag() -> Bool {
        if value.isNull { return false }
        guard let b = value.plainBool else {
            fail(Message(.fieldMustBeBool, "\(key)"))
            return false
        }
        return b
    }
    mutating func timestamp() -> Timestamp? {
        guard let raw = text() else { return nil }
        switch dates.parse(raw) {
        case .success(let t): return t
        case .failure(let error):
            fail(error.message)
            return nil
        }
    }
}
