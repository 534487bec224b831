/// Data for the documents (văn bản): each document's page, the list with its filters, the
/// home page's block and the data the filters read.
extension PageContexts {
    /// The filters' names in the list's address: `/van-ban/?loai=quyet-dinh&nam=2019`.
    enum DocumentFilter: String, CaseIterable {
        case year = "nam"
        case type = "loai"
        case issuer = "co_quan"
        case field = "linh_vuc"
    }

    func document(_ i: Int) -> (template: String, url: String, data: PageContext) {
        let article = model.articles[i]
        let document = article.document!
        let data = articleData(article, entry: items[i], body: bodies[i].storedHTML) { kind in
            model.taxonomy(kind).termsOfArticle[i].map { termLinks[kind]![$0] }
        }
        let row = documentRow(i)
        var content = DocumentPageData(
            article: data, row: row, signer: document.signer,
            effective: document.effective.map(dates.short), ends: document.ends.map(dates.short),
            statusDate: dates.short(now),
            typeLink: facetLink(.type, document.type), issuerLink: facetLink(.issuer, document.issuer),
            yearLink: facetLink(.year, String(document.year(in: model.config.timeZone))),
            fieldLinks: document.fields.map { facetLink(.field, $0) },
            replaces: document.replaces.map(documentRow), replacedBy: document.replacedBy.map(documentRow),
            related: document.related.map(documentRow),
            pdfURL: article.attachments.first { $0.type == "PDF" }?.url,
            breadcrumb: [LinkData(title: model.config.documents.title, url: model.urls.documents)])
        if row.status == .notYet {
            content.endsOn = "Có hiệu lực từ ngày \(dates.short(document.inForceFrom))"
        } else {
            content.endsOn = DocumentStatus.endOf(document, in: model.articles).map {
                "Hết hiệu lực từ ngày \(dates.short($0))"
            }
        }
        let page = context(
            title: article.title, url: article.url, kind: .document, description: document.abstract,
            content: .document(content))
        return ("document", article.url, page)
    }

    func documents(_ slice: PageSlice) -> (template: String, url: String, data: PageContext) {
        let register = model.documents
        let title = model.config.documents.title
        func facets(_ filter: DocumentFilter, _ list: [DocumentRegister.Facet]) -> [DocumentFacetData] {
            list.map { DocumentFacetData(name: $0.name, key: $0.key, url: facetURL(filter, $0.key), count: $0.count) }
        }
        let data = DocumentsPageData(
            title: title, url: model.urls.documents, dataURL: model.urls.documentsData,
            count: register.documents.count, statusDate: dates.short(now),
            rows: register.documents[slice.range].map(documentRow),
            years: facets(.year, register.years), types: facets(.type, register.types),
            issuers: facets(.issuer, register.issuers), fieldFacets: facets(.field, register.fields),
            pagination: pagination(slice))
        let pageTitle = slice.number > 1 ? "\(title) - Trang \(slice.number)" : title
        return (
            "documents", slice.url,
            context(title: pageTitle, url: slice.url, kind: .documents, content: .documents(data))
        )
    }

    /// The newest documents for the home page's block.
    func homeDocuments() -> [DocumentRowData] {
        model.documents.documents.prefix(Self.homeSectionSize).map(documentRow)
    }

    func documentRow(_ i: Int) -> DocumentRowData {
        let article = model.articles[i]
        let document = article.document!
        return DocumentRowData(
            title: article.title, url: article.url, number: document.number, type: document.type,
            issuer: document.issuer, issued: dates.short(document.issued), issuedISO: dates.iso8601(document.issued),
            abstract: document.abstract, status: DocumentStatus.of(document, at: now, in: model.articles))
    }

    /// `du-lieu.json`: what the list's filters show and test, for every document, newest first.
    func documentsJSON() -> String {
        let zone = model.config.timeZone
        let rows = model.documents.documents.map { i in
            let row = documentRow(i)
            let document = model.articles[i].document!
            let key = { JSONText.quoted(DocumentRegister.Facet.key(of: $0)) }
            let fields = document.fields.map(key).joined(separator: ",")
            return """
                {"u":\(JSONText.quoted(row.url)),"n":\(JSONText.quoted(row.number)),\
                "a":\(JSONText.quoted(row.abstract)),"d":\(JSONText.quoted(row.issued)),\
                "k":\(JSONText.quoted(row.type)),"s":\(JSONText.quoted(row.status.rawValue)),\
                "nam":"\(document.year(in: zone))","loai":\(key(document.type)),\
                "co_quan":\(key(document.issuer)),"linh_vuc":[\(fields)]}
                """
        }
        let labels = [DocumentStatus.inForce, .ended, .notYet].map {
            "\(JSONText.quoted($0.rawValue)):\(JSONText.quoted($0.label))"
        }
        return "{\"status_date\":\(JSONText.quoted(dates.short(now))),\"labels\":{\(labels.joined(separator: ","))},"
            + "\"documents\":[\n" + rows.joined(separator: ",\n") + "\n]}\n"
    }

    private func facetLink(_ filter: DocumentFilter, _ name: String) -> DocumentFacetData {
        let key = DocumentRegister.Facet.key(of: name)
        return DocumentFacetData(name: name, key: key, url: facetURL(filter, key), count: 0)
    }

    private func facetURL(_ filter: DocumentFilter, _ key: String) -> String {
        model.urls.documents + "?" + filter.rawValue + "=" + key
    }
}
