/// A category with its place in the tree and its articles.
public struct Category: Sendable {
    public var key: String
    public var title: String
    public var url: String
    public var parent: Int?
    public var children: [Int]
    public var depth: Int
    /// Indices into `SiteModel.articles`, newest first: this category and all below it.
    public var articles: [Int]
}

/// The category tree of site.yaml, flattened in menu order (parents before children).
public struct CategoryTree: Sendable {
    public private(set) var categories: [Category] = []
    private var indexByKey: [String: Int] = [:]

    public init(_ configs: [CategoryConfig], urls: SiteURLs) {
        func add(_ config: CategoryConfig, parent: Int?, depth: Int) {
            let index = categories.count
            categories.append(
                Category(
                    key: config.key, title: config.title, url: urls.category(key: config.key), parent: parent,
                    children: [], depth: depth, articles: []))
            indexByKey[config.key] = index
            if let parent { categories[parent].children.append(index) }
            for child in config.children { add(child, parent: index, depth: depth + 1) }
        }
        for config in configs { add(config, parent: nil, depth: 0) }
    }

    public func index(ofKey key: String) -> Int? { indexByKey[key] }

    public subscript(index: Int) -> Category { categories[index] }

    /// Top-level categories, in menu order.
    public var roots: [Int] { categories.indices.filter { categories[$0].parent == nil } }

    /// From the top-level category down to `index` itself: the breadcrumb path.
    public func ancestry(of index: Int) -> [Int] {
        var path = [index]
        while let parent = categories[path[0]].parent { path.insert(parent, at: 0) }
        return path
    }

    /// Files `articleIndex` under its category and every ancestor; call in newest-first order.
    mutating func append(articleIndex: Int, toCategory index: Int) {
        for c in ancestry(of: index) { categories[c].articles.append(articleIndex) }
    }
}
