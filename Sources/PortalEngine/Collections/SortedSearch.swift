extension Array where Element: Comparable {
    /// The first position in `range` (sorted ascending) whose element is not below `value`:
    /// where `value` is, or where it would be inserted.
    func lowerBound(of value: Element, in range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
