import Testing

@testable import PortalEngine

/// Inverting lists in parts, each on its own core, gives each number its lists in order.
@Suite struct FlatListsTests {
    /// Each number's lists, one list at a time: the definition.
    static func reference(_ lists: [[Int32]], count: Int) -> [[Int32]] {
        var inverse = Array(repeating: [Int32](), count: count)
        for (list, items) in lists.enumerated() {
            for item in items { inverse[Int(item)].append(Int32(list)) }
        }
        return inverse
    }

    @Test(arguments: [0, 1, 5, 4_095, 4_096, 20_000, 50_001])
    func invertedListsAreTheDefinitions(listCount: Int) {
        var random = SeededRandom(seed: UInt64(listCount) + 11)
        let count = 300
        // Skewed: a few numbers are in most lists, the rest in few; some lists are empty.
        let lists = (0..<listCount).map { _ in
            (0..<Int(random.next() % 6)).map { _ in
                Int32(random.next() % 4 == 0 ? random.next() % 3 : random.next() % UInt64(count))
            }
        }
        let inverted = FlatLists(lists).inverted(count: count)
        #expect(inverted.count == count)
        let expected = Self.reference(lists, count: count)
        for number in 0..<count {
            #expect(Array(inverted.items[inverted.range(number)]) == expected[number], "number \(number)")
        }
    }
}
