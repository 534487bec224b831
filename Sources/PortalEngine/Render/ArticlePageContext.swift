/// The `article` template's data: the article, its terms as links and the three news lists.
extension PageContexts {
    func article(_ i: Int) -> (template: String, url: String, data: [String: Any]) {
        let article = model.articles[i]
        var entry = items[i]
        // The list item's seal covers only its own fields; this entry adds more, so it is hashed whole.
        entry.removeValue(forKey: ContextFingerprint.fingerprintKey)
        if let author = article.author { entry["author"] = author }
        if let source = article.source { entry["source"] = source }
        if let meeting = article.meeting {
            entry["meeting"] = meeting
            entry["meeting_title"] = Self.meetingTitles[meeting] ?? meeting
        }
        func links(_ kind: TaxonomyKind) -> [[String: Any]] {
            model.taxonomy(kind).termsOfArticle[i].map { termLinks[kind]![$0] }
        }
        if let bloc = links(.bloc).first { entry["bloc"] = bloc }
        let units = links(.units)
        let tags = links(.tags)
        entry["units"] = units
        entry["has_units"] = !units.isEmpty
        entry["tags"] = tags
        entry["has_tags"] = !tags.isEmpty
        var params: [String: Any] = [:]
        for (key, value) in article.extra {
            if let v = value.templateValue { params[key] = v }
        }
        entry["params"] = params
        let newer = model.related.newer[i].map { items[$0] }
        let older = model.related.older[i].map { items[$0] }
        let related = model.related.related[i].map { items[$0] }
        var data: [String: Any] = [
            "article": entry,
            "newer": newer, "has_newer": !newer.isEmpty,
            "older": older, "has_older": !older.isEmpty,
            "related": related, "has_related": !related.isEmpty,
        ]
        if let key = article.categoryKey, let c = model.categories.index(ofKey: key) {
            data["breadcrumb"] = breadcrumb(categoryIndex: c)
        }
        let page = base(
            title: article.title, url: article.url, kind: "article", description: bodies[i].summary,
            image: article.imageURL, extra: data)
        return ("article", article.url, page)
    }

    static let meetingTitles = ["so-ket": "Sơ kết", "tong-ket": "Tổng kết"]
}
