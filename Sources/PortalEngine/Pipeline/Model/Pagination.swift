/// One page of a paginated list.
public struct PageSlice: Sendable, Equatable {
    /// 1-based.
    public var number: Int
    public var total: Int
    /// Positions in the full list shown on this page.
    public var range: Range<Int>
    public var url: String
    /// URL of the list's first page.
    public var listURL: String
    public var previousURL: String?
    public var nextURL: String?
}

/// Splits a list into pages of `perPage`; an empty list still has one (empty) page.
public enum Pagination {
    public static func slices(count: Int, perPage: Int, listURL: String, urls: SiteURLs) -> [PageSlice] {
        let per = max(1, perPage)
        let total = max(1, (count + per - 1) / per)
        return (1...total).map { n in
            PageSlice(
                number: n, total: total,
                range: min(count, (n - 1) * per)..<min(count, n * per),
                url: urls.paginated(listURL, page: n),
                listURL: listURL,
                previousURL: n > 1 ? urls.paginated(listURL, page: n - 1) : nil,
                nextURL: n < total ? urls.paginated(listURL, page: n + 1) : nil)
        }
    }
}

extension PageSlice {
    /// Page numbers to link from this page: the first, the last and `radius` either side of this
    /// one; nil marks a gap ("…"). Linking every page would make lists quadratic in size.
    public func visiblePageNumbers(radius: Int = 3) -> [Int?] {
        var numbers: [Int?] = []
        var last = 0
        for n in 1...total where n == 1 || n == total || abs(n - number) <= radius {
            if n > last + 1 { numbers.append(nil) }
            numbers.append(n)
            last = n
        }
        return numbers
    }
}
