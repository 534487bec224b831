import Foundation
import Testing

@testable import PortalEngine

/// `parallelMap` keeps the order, and each result is handed over once: not copied and left
/// behind, not released twice.
@Suite struct ParallelMapTests {
    final class Probe: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    @Test func resultsComeInOrderAndAreLetGoWithTheArray() {
        nonisolated(unsafe) var watched: [Probe?] = []
        do {
            let results = parallelMap(Array(0..<5000)) { i in (Probe(i), "tin \(i)") }
            #expect(results.map(\.0.number) == Array(0..<5000))
            #expect(results.map(\.1) == (0..<5000).map { "tin \($0)" })
            watched = results.map(\.0)
        }
        // Only `watched` holds them now: each probe's count is exactly one.
        #expect(watched.indices.allSatisfy { isKnownUniquelyReferenced(&watched[$0]!) })
        weak let last = watched.last!
        watched = []
        #expect(last == nil)
    }
}
