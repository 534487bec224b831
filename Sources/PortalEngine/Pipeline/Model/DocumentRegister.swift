import Foundation

/// The documents (văn bản) of the site: which articles they are, newest issued first, the values
/// their list can be filtered by, and the other documents each one names.
public struct DocumentRegister: Sendable {
    /// One value of a filter (a year, a type, an issuing body, a field) and how many documents have it.
    public struct Facet: Sendable, Equatable {
        public var name: String
        /// What the filter's address and data use: "2019", "quyet-dinh".
        public var key: String
        public var count: Int

        /// The key of a name: what the list's address and `du-lieu.json` hold for it.
        public static func key(of name: String) -> String { Slug.make(from: name) }
    }

    /// Indices into `SiteModel.articles`, newest issued first.
    public var documents: [Int] = []
    public var years: [Facet] = []
    public var types: [Facet] = []
    public var issuers: [Facet] = []
    public var fields: [Facet] = []

    public init() {}

    /// Resolves `thay_the` and `lien_quan` among `articles` (newest first); a number that names
    /// no document is an error at it. `archived` documents, and the numbers of documents left out
    /// of this build (`unpublished`), are found but not linked.
    init(
        articles: inout [Article], archived: [Article], unpublished: Set<String> = [], typeOrder: [String],
        zone: TimeZone, diagnostics: inout [Diagnostic]
    ) {
        var byNumber: [String: [Int]] = [:]
        for i in articles.indices {  // by index: no copy of each article
            guard let document = articles[i].document else { continue }
            documents.append(i)
            byNumber[LegalDocument.numberKey(document.number), default: []].append(i)
        }
        // A document may carry its own `date:` (when it was posted): the list goes by issue day.
        documents.sort { a, b in
            let (x, y) = (articles[a].document!.issued, articles[b].document!.issued)
            return x != y ? y < x : a < b
        }
        let archivedNumbers = unpublished.union(
            archived.compactMap { $0.document.map { LegalDocument.numberKey($0.number) } })
        for i in documents {
            let document = articles[i].document!
            let file = articles[i].file.sourcePath
            func resolve(_ written: [(number: String, position: SourcePosition?)], field: String) -> [Int] {
                written.compactMap { number, position in
                    let key = LegalDocument.numberKey(number)
                    guard let candidates = byNumber[key]?.filter({ $0 != i }), !candidates.isEmpty else {
                        if !archivedNumbers.contains(key) {
                            diagnostics.append(
                                .error(file, position, Message(.documentReferenceNotFound, "\(field)", "\(number)")))
                        }
                        return nil
                    }
                    return Self.best(candidates, for: document, in: articles)
                }
            }
            articles[i].document!.replaces = resolve(document.replacesWritten, field: "thay_the")
            articles[i].document!.related = resolve(document.relatedWritten, field: "lien_quan")
        }
        for i in documents {
            for replaced in articles[i].document!.replaces where !articles[replaced].document!.replacedBy.contains(i) {
                articles[replaced].document!.replacedBy.append(i)
            }
        }
        makeFacets(articles, typeOrder: typeOrder, zone: zone)
    }

    /// Of several documents with one number (bodies and years number alike): the one from the
    /// same body, then the newest issued no later than `document`.
    private static func best(_ candidates: [Int], for document: LegalDocument, in articles: [Article]) -> Int {
        let issuer = Slug.make(from: document.issuer)
        let sameBody = candidates.filter { Slug.make(from: articles[$0].document!.issuer) == issuer }
        let pool = sameBody.isEmpty ? candidates : sameBody
        return pool.first { articles[$0].document!.issued <= document.issued } ?? pool[0]
    }

    private mutating func makeFacets(_ articles: [Article], typeOrder: [String], zone: TimeZone) {
        func facets(_ names: (LegalDocument) -> [String]) -> [Facet] {
            var counts: [String: (name: String, count: Int)] = [:]
            for i in documents {
                var seen: Set<String> = []
                for name in names(articles[i].document!) {
                    let key = Facet.key(of: name)
                    if seen.insert(key).inserted { counts[key, default: (name, 0)].count += 1 }
                }
            }
            return counts.map { Facet(name: $0.value.name, key: $0.key, count: $0.value.count) }
                .sorted { VietnameseCollation.key($0.name) < VietnameseCollation.key($1.name) }
        }
        years = facets { [String($0.year(in: zone))] }
        years.sort { $0.key > $1.key }
        // The order site.yaml lists its types in; types it does not list (it lists none) after, by name.
        let order = typeOrder.map(Facet.key(of:))
        types = facets { [$0.type] }.enumerated()
            .sorted { a, b in
                let (x, y) = (order.firstIndex(of: a.element.key) ?? .max, order.firstIndex(of: b.element.key) ?? .max)
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
        issuers = facets { [$0.issuer] }
        fields = facets(\.fields)
    }
}
