/// A hash of which articles each page lists, and of the names and links of the lists: the
/// model without the articles' own fields.
///
/// Two builds with the same shape list the same articles in the same places; a page of the
/// second then differs from the first only by the entries it shows, or, for an article's own
/// page, by that article (`PageInputs` tells the two apart).
enum ModelShape {
    static func digest(_ model: SiteModel) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("model-shape-v1")
        add(model.articles.map(\.file.sourcePath), to: &hasher)
        // The home page's featured list is chosen by a field of the articles.
        add(model.articles.indices.filter { model.articles[$0].featured }, to: &hasher)
        for category in model.categories.categories {
            hasher.add(category.key)
            hasher.add(category.title)
            hasher.add(category.url)
            hasher.add(UInt64(bitPattern: Int64(category.parent ?? -1)))
            add(category.children, to: &hasher)
            add(category.articles, to: &hasher)
        }
        for kind in TaxonomyKind.allCases {
            let taxonomy = model.taxonomy(kind)
            hasher.add(taxonomy.url)
            for term in taxonomy.terms {
                hasher.add(term.name)
                hasher.add(term.url)
                add(term.articles, to: &hasher)
            }
            for terms in taxonomy.termsOfArticle { add(terms, to: &hasher) }
        }
        for year in model.archive.years {
            hasher.add(year.url)
            add(year.articles, to: &hasher)
            for month in year.months {
                hasher.add(month.url)
                add(month.articles, to: &hasher)
            }
        }
        for lists in [model.related.newer, model.related.older, model.related.related] {
            for list in lists { add(list, to: &hasher) }
        }
        add(model.documents.documents, to: &hasher)
        return hasher.value
    }

    /// The count first, so that lists side by side cannot be read as other lists.
    private static func add(_ list: [Int], to hasher: inout StableHasher) {
        hasher.add(UInt64(list.count))
        for value in list { hasher.add(UInt64(bitPattern: Int64(value))) }
    }

    private static func add(_ list: [String], to hasher: inout StableHasher) {
        hasher.add(UInt64(list.count))
        for value in list { hasher.add(value) }
    }
}
