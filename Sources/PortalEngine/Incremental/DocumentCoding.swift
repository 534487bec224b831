/// How a parsed file and a rendered body are written into the document store. Every field is
/// written, in declaration order; `DocumentStoreTests` builds a site from the store and
/// compares it with a build that parsed everything, so a field left out shows there.
extension SourceDocument {
    /// All but the Markdown's bytes, which are a record of their own (`markdownRecord`): the
    /// Markdown's hash stands for them.
    func encode(into w: inout CacheBytesWriter) {
        w.string(file.sourcePath)
        w.string(file.relativePath)
        w.string(kind.rawValue)
        frontMatter.encode(into: &w)
        w.unsigned(markdown.stableHash)
        w.int(bodyFirstLine)
        w.unsigned(frontMatterStamp)
    }

    /// The Markdown's bytes, as they are stored apart.
    var markdownRecord: [UInt8] { markdown.withUTF8 { Array($0) } }

    /// `markdown` gives the text stored apart for the hash the record keeps; nil when missing.
    static func decode(_ r: inout CacheBytesReader, markdown text: (UInt64) -> StoredText?) -> SourceDocument? {
        let file = SourceFileRef(sourcePath: r.string(), relativePath: r.string())
        let kind = Kind(rawValue: r.string())
        let frontMatter = FrontMatter.decode(&r)
        let hash = r.unsigned()
        guard let markdown = text(hash) else {
            r.markDamaged()
            return nil
        }
        let bodyFirstLine = r.int()
        let frontMatterStamp = r.unsigned()
        guard let kind else { return nil }
        return SourceDocument(
            file: file, kind: kind, frontMatter: frontMatter, markdown: markdown, bodyFirstLine: bodyFirstLine,
            frontMatterStamp: frontMatterStamp)
    }
}

extension FrontMatter {
    func encode(into w: inout CacheBytesWriter) {
        w.optional(title) { $0.string($1) }
        w.optional(date) { $0.timestamp($1) }
        w.bool(dateHasTime)
        w.optional(lastmod) { $0.timestamp($1) }
        w.optional(expires) { $0.timestamp($1) }
        w.optional(category) { $0.string($1) }
        w.optional(bloc) { $0.string($1) }
        w.array(units) { $0.string($1) }
        w.optional(meeting) { $0.string($1) }
        w.array(tags) { $0.string($1) }
        for text in [topic, author, source, summary, image, imageCaption] { w.optional(text) { $0.string($1) } }
        w.bool(featured)
        w.optional(slug) { $0.string($1) }
        w.array(aliases) { $0.string($1) }
        w.array(files) { w, file in
            w.string(file.reference)
            w.optional(file.title) { $0.string($1) }
            w.optional(file.position) { $0.position($1) }
        }
        w.bool(draft)
        w.optional(type) { $0.string($1) }
        document.encode(into: &w)
        w.array(extra.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            entry.value.encode(into: &w)
        }
        w.array(positions.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.position(entry.value)
        }
    }

    static func decode(_ r: inout CacheBytesReader) -> FrontMatter {
        var f = FrontMatter()
        f.title = r.optional { $0.string() }
        f.date = r.optional { $0.timestamp() }
        f.dateHasTime = r.bool()
        f.lastmod = r.optional { $0.timestamp() }
        f.expires = r.optional { $0.timestamp() }
        f.category = r.optional { $0.string() }
        f.bloc = r.optional { $0.string() }
        f.units = r.array { $0.string() }
        f.meeting = r.optional { $0.string() }
        f.tags = r.array { $0.string() }
        f.topic = r.optional { $0.string() }
        f.author = r.optional { $0.string() }
        f.source = r.optional { $0.string() }
        f.summary = r.optional { $0.string() }
        f.image = r.optional { $0.string() }
        f.imageCaption = r.optional { $0.string() }
        f.featured = r.bool()
        f.slug = r.optional { $0.string() }
        f.aliases = r.array { $0.string() }
        f.files = r.array { r in
            FileReference(
                reference: r.string(), title: r.optional { $0.string() }, position: r.optional { $0.position() })
        }
        f.draft = r.bool()
        f.type = r.optional { $0.string() }
        f.document = DocumentFrontMatter.decode(&r)
        for (key, value) in r.array({ r in (r.string(), YAMLValue.decode(&r)) }) { f.extra[key] = value }
        for (key, value) in r.array({ r in (r.string(), r.position()) }) { f.positions[key] = value }
        return f
    }
}

extension DocumentFrontMatter {
    func encode(into w: inout CacheBytesWriter) {
        for text in [number, type, issuer, signer] { w.optional(text) { $0.string($1) } }
        for day in [issued, effective, ends] { w.optional(day) { $0.timestamp($1) } }
        w.array(fields) { $0.string($1) }
        w.optional(abstract) { $0.string($1) }
        for numbers in [replaces, related] {
            w.array(numbers) { w, entry in
                w.string(entry.number)
                w.optional(entry.position) { $0.position($1) }
            }
        }
    }

    static func decode(_ r: inout CacheBytesReader) -> DocumentFrontMatter {
        var d = DocumentFrontMatter()
        d.number = r.optional { $0.string() }
        d.type = r.optional { $0.string() }
        d.issuer = r.optional { $0.string() }
        d.signer = r.optional { $0.string() }
        d.issued = r.optional { $0.timestamp() }
        d.effective = r.optional { $0.timestamp() }
        d.ends = r.optional { $0.timestamp() }
        d.fields = r.array { $0.string() }
        d.abstract = r.optional { $0.string() }
        d.replaces = r.array { r in (number: r.string(), position: r.optional { $0.position() }) }
        d.related = r.array { r in (number: r.string(), position: r.optional { $0.position() }) }
        return d
    }
}

extension YAMLValue {
    func encode(into w: inout CacheBytesWriter) {
        switch self {
        case .string(let s):
            w.unsigned(0)
            w.string(s)
        case .int(let i):
            w.unsigned(1)
            w.int(i)
        case .double(let d):
            w.unsigned(2)
            w.unsigned(d.bitPattern)
        case .bool(let b):
            w.unsigned(3)
            w.bool(b)
        case .null:
            w.unsigned(4)
        case .list(let values):
            w.unsigned(5)
            w.array(values) { w, value in value.encode(into: &w) }
        case .map(let map):
            w.unsigned(6)
            w.array(map.sorted { $0.key < $1.key }) { w, entry in
                w.string(entry.key)
                entry.value.encode(into: &w)
            }
        }
    }

    static func decode(_ r: inout CacheBytesReader) -> YAMLValue {
        switch r.unsigned() {
        case 0: return .string(r.string())
        case 1: return .int(r.int())
        case 2: return .double(Double(bitPattern: r.unsigned()))
        case 3: return .bool(r.bool())
        case 4: return .null
        case 5: return .list(r.array { YAMLValue.decode(&$0) })
        case 6:
            var map: [String: YAMLValue] = [:]
            for (key, value) in r.array({ r in (r.string(), YAMLValue.decode(&r)) }) { map[key] = value }
            return .map(map)
        default:
            r.markDamaged()
            return .null
        }
    }
}

extension DocumentMemory.Rendered {
    /// Only bodies rendered without problems are stored.
    func encode(into w: inout CacheBytesWriter) {
        body.encode(into: &w)
        w.array(links.references) { w, reference in
            w.string(reference.url)
            w.bool(reference.isImage)
            w.int(reference.line)
            w.int(reference.column)
            w.string(reference.alt)
            w.string(reference.title)
        }
        w.unsigned(links.outcome)
    }

    static func decode(_ r: inout CacheBytesReader) -> DocumentMemory.Rendered {
        let body = RenderedBody.decode(&r)
        let references = r.array { r in
            MarkdownRenderer.Reference(
                url: r.string(), isImage: r.bool(), line: r.int(), column: r.int(), alt: r.string(), title: r.string())
        }
        return DocumentMemory.Rendered(
            body: body, problems: [], links: BodyLinks(references: references, outcome: r.unsigned()))
    }
}

extension RenderedBody {
    func encode(into w: inout CacheBytesWriter) {
        storedHTML.encode(into: &w)
        w.string(summary)
        storedPlainText.encode(into: &w)
        w.array(photos) { w, photo in
            w.string(photo.path)
            w.string(photo.file)
            w.optional(photo.position) { $0.position($1) }
        }
    }

    static func decode(_ r: inout CacheBytesReader) -> RenderedBody {
        RenderedBody(
            storedHTML: r.storedText(), summary: r.string(), storedPlainText: r.storedText(),
            photos: r.array { r in PhotoUse(path: r.string(), file: r.string(), position: r.optional { $0.position() })
            })
    }
}

extension CacheBytesWriter {
    mutating func timestamp(_ t: Timestamp) { int(Int(t.secondsSince1970)) }

    mutating func position(_ p: SourcePosition) {
        int(p.line)
        int(p.column)
    }
}

extension CacheBytesReader {
    mutating func timestamp() -> Timestamp { Timestamp(secondsSince1970: Int64(int())) }

    mutating func position() -> SourcePosition { SourcePosition(line: int(), column: int()) }
}
