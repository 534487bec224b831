import Foundation
import Testing

@testable import PortalEngine

/// Each value is handed out once, whichever thread asks, and exactly one call says the
/// handout is empty: the document memory returns freed memory on that call.
@Suite struct HandoutTests {
    @Test func eachValueIsHandedOutOnceAndTheLastCallSaysSo() {
        let handout = Handout((0..<1000).map { "tin \($0)" })
        let asks = parallelMap(Array(0..<2000)) { i in handout.take(i % 1000) }
        let given = asks.compactMap(\.value)
        #expect(given.count == 1000)
        #expect(Set(given) == Set((0..<1000).map { "tin \($0)" }))
        #expect(asks.filter(\.emptied).count == 1)
        #expect(handout.take(3).value == nil)
    }

    /// A value handed out is held by the handout no longer.
    @Test func aValueHandedOutIsLetGo() {
        final class Probe {}
        weak var watched: Probe?
        let handout: Handout<Probe> = {
            let probe = Probe()
            watched = probe
            return Handout([probe])
        }()
        #expect(watched != nil)
        _ = handout.take(0)
        #expect(watched == nil)
    }
}
