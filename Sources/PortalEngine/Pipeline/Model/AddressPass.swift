import Foundation

/// The model's first pass: which documents are published, with required fields, slugs and
/// URLs checked, so that links can be resolved before any article is made.
struct AddressPass {
    struct Pending {
        /// The document's place among those given to `add`: a copy of each document here, made
        /// and let go again, was half of this pass at 100,000 articles.
        var index: Int
        var title: String
        var slug: String
        var url: String
    }

    let categories: CategoryTree
    let urls: SiteURLs
    let includeDrafts: Bool
    let now: Timestamp?
    let includeFuture: Bool
    /// First segments of the files copied to the output: an article's URL may not take them.
    let topLevelAssetNames: Set<String>
    /// `urls.reservedSegments`, made once: it is a new set at every call.
    let reservedSegments: Set<String>
    let dates: VietnameseDateFormat
    let zone: TimeZone
    /// site.yaml's `documents.types`: when not empty, the only `loai` a document may have.
    let documentTypes: [String]

    private(set) var pending: [Pending] = []
    /// URL → the file that has it.
    private(set) var urlOwners: [String: String] = [:]
    /// Dates of the articles that wait to be published.
    private(set) var scheduled: [Timestamp] = []
    /// Content-relative paths left out of this build → why.
    private(set) var unpublished: [String: Message] = [:]
    var diagnostics: [Diagnostic] = []
    /// Numbers of documents left out of this build (drafts, not yet due): another document
    /// may name them without an error.
    private(set) var unpublishedDocumentNumbers: Set<String> = []
    /// A document's number, body and year → its file: two with one are an error.
    var documentNumbers: [String: String] = [:]

    init(
        categories: CategoryTree, urls: SiteURLs, includeDrafts: Bool, now: Timestamp?, includeFuture: Bool,
        assets: Set<String>, zone: TimeZone, documentTypes: [String] = []
    ) {
        (self.categories, self.urls, self.includeDrafts) = (categories, urls, includeDrafts)
        (self.now, self.includeFuture) = (now, includeFuture)
        topLevelAssetNames = Set(assets.map { String($0.split(separator: "/", maxSplits: 1)[0]) })
        reservedSegments = urls.reservedSegments
        dates = VietnameseDateFormat(zone: zone)
        (self.zone, self.documentTypes) = (zone, documentTypes)
    }

    /// Room for `count` documents at once: growing a list of this many large values copied
    /// them over and over.
    mutating func reserveCapacity(_ count: Int) {
        pending.reserveCapacity(count)
        urlOwners.reserveCapacity(count)
    }

    /// `index` is the document's place among those added; `titleSlug`, when given, is
    /// `Slug.make(from:)` of the front matter's title.
    mutating func add(_ document: SourceDocument, index: Int, titleSlug: String? = nil) {
        let front = document.frontMatter
        let file = document.file.sourcePath
        let leftOut = front.draft && !includeDrafts
        let waits = !leftOut && now.map { now in !includeFuture && front.date.map { $0 > now } ?? false } ?? false
        if leftOut || waits, document.kind == .document, let number = front.document.number {
            unpublishedDocumentNumbers.insert(LegalDocument.numberKey(number))
        }
        if leftOut {
            unpublished[document.file.relativePath] = Message(.unpublishedDraft)
            return
        }
        if waits, let date = front.date {
            scheduled.append(date)
            unpublished[document.file.relativePath] = Message(.unpublishedScheduled, "\(dates.shortWithTime(date))")
            return
        }
        let top = SourcePosition(line: 1, column: 1)
        var ok = true
        func require(_ present: Bool, _ field: String, _ text: MessageID) {
            if !present {
                ok = false
                diagnostics.append(.error(file, front.positions[field] ?? top, Message(text)))
            }
        }
        let isDocument = document.kind == .document
        if isDocument { ok = checkDocument(document) } else { warnAboutDocumentFields(document) }
        let title = front.title ?? (isDocument ? Self.documentTitle(front.document) : nil)
        require(title != nil || (isDocument && !ok), "title", .missingTitle)
        if document.kind == .article {
            require(front.date != nil || front.positions["date"] != nil, "date", .missingDate)
            require(front.category != nil, "category", .missingCategory)
        }
        if let key = front.category, categories.index(ofKey: key) == nil {
            ok = false
            let known = categories.categories.map(\.key).joined(separator: ", ")
            let meant = FrontMatterHints.categoryKey(
                meaning: key, in: categories.categories.map { ($0.key, $0.title) })
            let text =
                meant.map { Message(.unknownCategoryMeant, "\(key)", "\($0)") }
                ?? Message(.unknownCategory, "\(key)", "\(known)")
            diagnostics.append(.error(file, front.positions["category"], text))
        }
        // A document in error has said why; its address would only add a second message.
        guard let title, !(isDocument && !ok) else { return }
        let slug =
            front.slug ?? (isDocument ? documentSlug(front.document) : nil) ?? titleSlug ?? Slug.make(from: title)
        if slug.isEmpty {
            diagnostics.append(
                .error(file, front.positions["title"], Message(.titleMakesNoURL)))
            return
        }
        // A four-digit slug would be a year of the date archive (/2019/).
        let isYear = slug.utf8.count == 4 && slug.utf8.allSatisfy { (0x30...0x39).contains($0) }
        // A document's address is below the documents list, beside its numbered pages.
        let reserved =
            isDocument
            ? slug == urls.segments.page
            : reservedSegments.contains(slug) || topLevelAssetNames.contains(slug) || isYear
        if reserved {
            diagnostics.append(
                .error(
                    file, front.positions["slug"] ?? front.positions["title"],
                    Message(.urlReserved, "\(slug)")))
            return
        }
        let url = isDocument ? urls.document(slug: slug) : urls.article(slug: slug)
        if let owner = urlOwners[url] {
            diagnostics.append(
                .error(
                    file, front.positions["slug"] ?? front.positions["title"],
                    Message(.urlTaken, "\(url)", "\(owner)")))
            return
        }
        urlOwners[url] = file
        if ok { pending.append(Pending(index: index, title: title, slug: slug, url: url)) }
    }
}
