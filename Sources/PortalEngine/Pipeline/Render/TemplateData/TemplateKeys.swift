/// Every name a template can use, in one file: how each typed value is seen by templates.
/// The README's "Template data" tables list the same names.

extension PageContext: TemplateData {
    var templateValue: TemplateValue {
        var fields = content.fields
        fields["site"] = .shared(site)
        fields["page"] = page.templateValue
        return .object(fields)
    }
}

extension PageContent {
    /// The page's own keys, beside `site` and `page`.
    var fields: [String: TemplateValue] {
        switch self {
        case .home(let home): return home.fields
        case .article(let article): return article.fields
        case .standalone(let page): return ["article": .shared(page.article)]
        case .category(let category): return category.fields
        case .term(let term): return term.fields
        case .terms(let terms): return terms.fields
        case .archive(let archive): return archive.fields
        case .document(let document): return document.fields
        case .documents(let documents): return documents.fields
        case .search(let search): return ["search": .object(["index_url": .text(search.indexURL)])]
        case .notFound: return [:]
        }
    }
}

extension PageInfo: TemplateData {
    var templateValue: TemplateValue {
        var fields: [String: TemplateValue] = [
            "title": .text(title),
            "url": .text(url),
            "canonical_url": .text(canonicalURL),
            "kind": .text(kind.rawValue),
            "og_type": .text(kind == .article || kind == .document ? "article" : "website"),
            "description": .text(description),
            "is_\(kind.rawValue)": .bool(true),
        ]
        if let imageAbsolute { fields["image_absolute"] = .text(imageAbsolute) }
        return .object(fields)
    }
}

extension SiteData: TemplateData {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title),
            "base_url": .text(baseURL),
            "base_path": .text(basePath),
            "language": .text(language),
            "locale": .text(locale),
            "menu": menu.templateValue,
            "pages": pages.templateValue,
            "has_pages": .bool(!pages.isEmpty),
            "blocs": blocs.templateValue,
            "has_blocs": .bool(!blocs.isEmpty),
            "taxonomies": taxonomies.templateValue,
            "archive": .list(
                archive.map { year, months in
                    year.templateValue.merging(["months": months.templateValue])
                }),
            "has_archive": .bool(!archive.isEmpty),
            "feed_url": .text(feedURL),
            "search_url": .text(searchURL),
            "build_year": .int(buildYear),
            "utc_offset_minutes": .int(utcOffsetMinutes),
            "counter": .object(["endpoint": .text(counterEndpoint), "enabled": .bool(!counterEndpoint.isEmpty)]),
            "params": .object(params.compactMapValues(\.templateValue)),
        ])
    }
}

extension LinkData: TemplateData {
    var templateValue: TemplateValue { .object(["title": .text(title), "url": .text(url)]) }
}

extension TermLinkData: TemplateData {
    var templateValue: TemplateValue { .object(["name": .text(name), "url": .text(url), "count": .int(count)]) }
}

extension MenuItemData: TemplateData {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title), "url": .text(url), "key": .text(key),
            "children": children.templateValue, "has_children": .bool(!children.isEmpty),
        ])
    }
}

extension ListEntryData: TemplateData {
    var templateValue: TemplateValue {
        .object(fields)
    }

    var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "title": .text(title), "url": .text(url), "summary": .text(summary),
        ]
        if let date {
            fields["date"] = .text(date.full)
            fields["date_short"] = .text(date.short)
            fields["date_time"] = .text(date.withTime)
            fields["date_iso"] = .text(date.iso)
        }
        if let lastmod {
            fields["lastmod"] = .text(lastmod.text)
            fields["lastmod_iso"] = .text(lastmod.iso)
        }
        if let image { fields.merge(image.fields) { _, new in new } }
        if featured { fields["featured"] = .bool(true) }
        if let category { fields["category"] = category.templateValue }
        return fields
    }
}

extension HomePageData {
    var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "featured": featured.templateValue,
            "has_featured": .bool(!featured.isEmpty),
            "sections": .list(
                sections.map {
                    .object([
                        "title": .text($0.title), "url": .text($0.url), "key": .text($0.key),
                        "list": $0.list.templateValue, "has_list": .bool(!$0.list.isEmpty),
                    ])
                }),
            "list": list.templateValue,
            "documents": documents.templateValue, "has_documents": .bool(!documents.isEmpty),
        ]
        if let documentsLink { fields["documents_link"] = documentsLink.templateValue }
        return fields
    }
}

extension ArticleData: TemplateData {
    var templateValue: TemplateValue {
        var extra: [String: TemplateValue] = [
            "units": units.templateValue, "has_units": .bool(!units.isEmpty),
            "tags": tags.templateValue, "has_tags": .bool(!tags.isEmpty),
            "params": .object(params.compactMapValues(\.templateValue)),
        ]
        if let author { extra["author"] = .text(author) }
        if let source { extra["source"] = .text(source) }
        if let meeting {
            extra["meeting"] = .text(meeting.key)
            extra["meeting_title"] = .text(meeting.title)
        }
        if let bloc { extra["bloc"] = bloc.templateValue }
        extra["body"] = .storedText(body)
        extra["attachments"] = .list(attachments.map(\.templateValue))
        extra["has_attachments"] = .bool(!attachments.isEmpty)
        return TemplateValue.shared(entry).merging(extra)
    }
}

extension ArticlePageData {
    var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "article": article.templateValue,
            "newer": newer.templateValue, "has_newer": .bool(!newer.isEmpty),
            "older": older.templateValue, "has_older": .bool(!older.isEmpty),
            "related": related.templateValue, "has_related": .bool(!related.isEmpty),
            "topic_articles": topicArticles.templateValue, "has_topic_articles": .bool(!topicArticles.isEmpty),
        ]
        if let topic { fields["topic"] = topic.templateValue }
        if let archivedOn { fields["archived_on"] = .text(archivedOn) }
        if let breadcrumb { fields["breadcrumb"] = breadcrumb.templateValue }
        return fields
    }
}

extension CategoryPageData {
    var fields: [String: TemplateValue] {
        [
            "category": .object([
                "title": .text(title), "url": .text(url), "key": .text(key), "feed_url": .text(feedURL),
                "children": children.templateValue, "has_children": .bool(!children.isEmpty),
            ]),
            "breadcrumb": breadcrumb.templateValue,
            "list": list.templateValue,
            "count": .int(count),
            "pagination": pagination.templateValue,
        ]
    }
}

extension TermPageData {
    var fields: [String: TemplateValue] {
        [
            "term": .object([
                "name": .text(name), "url": .text(url), "count": .int(count),
                "kind": .text(kind.rawValue), "kind_title": .text(kind.singularTitle),
            ]),
            "breadcrumb": [LinkData(title: kind.title, url: kindURL)].templateValue,
            "list": list.templateValue,
            "count": .int(count),
            "pagination": pagination.templateValue,
        ]
    }
}

extension TermsPageData {
    var fields: [String: TemplateValue] {
        [
            "taxonomy": .object(["title": .text(kind.title), "url": .text(url), "kind": .text(kind.rawValue)]),
            "terms": terms.templateValue, "has_terms": .bool(!terms.isEmpty),
        ]
    }
}

extension PaginationData: TemplateData {
    var templateValue: TemplateValue {
        var fields: [String: TemplateValue] = [
            "current": .int(current),
            "total": .int(total),
            "has_pages": .bool(total > 1),
            "pages": .list(
                pages.map {
                    switch $0 {
                    case .gap: return .object(["gap": .bool(true)])
                    case .page(let number, let url, let current):
                        return .object(["number": .int(number), "url": .text(url), "current": .bool(current)])
                    }
                }),
        ]
        if let previousURL { fields["previous_url"] = .text(previousURL) }
        if let nextURL { fields["next_url"] = .text(nextURL) }
        return .object(fields)
    }
}

extension Attachment {
    /// `title`, `url`, `type` ("PDF"), `type_key` ("pdf", for the icon), `size` ("1,2 MB").
    var templateValue: TemplateValue {
        var fields: [String: TemplateValue] = [
            "title": .text(title), "url": .text(url), "type": .text(type), "type_key": .text(type.lowercased()),
        ]
        if let bytes { fields["size"] = .text(Self.size(bytes)) }
        return .object(fields)
    }

    /// Vietnamese style: "850 B", "36 KB", "1,2 MB".
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}

extension ArchivePageData {
    var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = [
            "archive": .object([
                "title": .text(title), "url": .text(url), "count": .int(count), "is_month": .bool(isMonth),
            ]),
            "list": list.templateValue, "count": .int(count), "pagination": pagination.templateValue,
            "months": months.templateValue, "has_months": .bool(!months.isEmpty),
            "breadcrumb": breadcrumb.templateValue,
        ]
        if let older { fields["older_link"] = older.templateValue }
        if let newer { fields["newer_link"] = newer.templateValue }
        return fields
    }
}
