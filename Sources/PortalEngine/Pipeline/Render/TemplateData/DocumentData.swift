/// A document's identifying fields as its page and its row in lists show them.
struct DocumentRowData {
    var title: String
    var url: String
    var number: String
    var type: String
    var issuer: String
    /// "09/07/2019".
    var issued: String
    var issuedISO: String
    var abstract: String
    var status: DocumentStatus
}

/// A filter value as a link to the filtered list, with its count.
struct DocumentFacetData {
    var name: String
    var key: String
    var url: String
    var count: Int
}

/// A document's page: its fields, its status on the day of the build, the documents it names,
/// the article data (body, attachments) and the PDF to show in the page.
struct DocumentPageData {
    var article: ArticleData
    var row: DocumentRowData
    var signer: String?
    var effective: String?
    var ends: String?
    /// The day the status was computed: the build's.
    var statusDate: String
    /// When the status will next change, e.g. "Hết hiệu lực từ 01/01/2021".
    var endsOn: String?
    var typeLink, issuerLink, yearLink: DocumentFacetData
    var fieldLinks: [DocumentFacetData]
    var replaces, replacedBy, related: [DocumentRowData]
    var pdfURL: String?
    var breadcrumb: [LinkData]
}

/// One page of the documents list, with the filters' choices.
struct DocumentsPageData {
    var title: String
    var url: String
    var dataURL: String
    var count: Int
    var statusDate: String
    var rows: [DocumentRowData]
    var years, types, issuers, fieldFacets: [DocumentFacetData]
    var pagination: PaginationData
}

extension DocumentRowData: TemplateData {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title), "url": .text(url), "number": .text(number), "type": .text(type),
            "issuer": .text(issuer), "issued": .text(issued), "issued_iso": .text(issuedISO),
            "abstract": .text(abstract), "status": .text(status.label), "status_key": .text(status.rawValue),
        ])
    }
}

extension DocumentFacetData: TemplateData {
    var templateValue: TemplateValue {
        .object(["name": .text(name), "key": .text(key), "url": .text(url), "count": .int(count)])
    }
}

extension DocumentPageData {
    var fields: [String: TemplateValue] {
        var document = row.templateValue.merging([
            "status_date": .text(statusDate),
            "type_link": typeLink.templateValue, "issuer_link": issuerLink.templateValue,
            "year_link": yearLink.templateValue,
            "fields": fieldLinks.templateValue, "has_fields": .bool(!fieldLinks.isEmpty),
            "replaces": replaces.templateValue, "has_replaces": .bool(!replaces.isEmpty),
            "replaced_by": replacedBy.templateValue, "has_replaced_by": .bool(!replacedBy.isEmpty),
            "related": related.templateValue, "has_related": .bool(!related.isEmpty),
        ])
        var extra: [String: TemplateValue] = [:]
        if let signer { extra["signer"] = .text(signer) }
        if let effective { extra["effective"] = .text(effective) }
        if let ends { extra["ends"] = .text(ends) }
        if let endsOn { extra["ends_on"] = .text(endsOn) }
        if let pdfURL { extra["pdf_url"] = .text(pdfURL) }
        document = document.merging(extra)
        return [
            "article": article.templateValue, "document": document, "breadcrumb": breadcrumb.templateValue,
        ]
    }
}

extension DocumentsPageData {
    var fields: [String: TemplateValue] {
        [
            "documents": .object([
                "title": .text(title), "url": .text(url), "data_url": .text(dataURL), "count": .int(count),
                "status_date": .text(statusDate),
            ]),
            "rows": rows.templateValue, "has_rows": .bool(!rows.isEmpty), "count": .int(count),
            "years": years.templateValue, "types": types.templateValue, "issuers": issuers.templateValue,
            "document_fields": fieldFacets.templateValue, "has_document_fields": .bool(!fieldFacets.isEmpty),
            "pagination": pagination.templateValue,
            "breadcrumb": [LinkData(title: title, url: url)].templateValue,
        ]
    }
}
