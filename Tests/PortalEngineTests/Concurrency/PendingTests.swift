import Foundation
import Testing

@testable import PortalEngine

/// A pending value is made once, off the caller's thread, and every caller gets it.
@Suite struct PendingTests {
    @Test func theValueIsMadeOnceOnAnotherThreadAndEveryCallerGetsIt() {
        final class Count: @unchecked Sendable {
            var made = 0
            var onCallersThread = false
        }
        let count = Count()
        let caller = pthread_self()
        let pending = Pending { () -> String in
            count.made += 1
            count.onCallersThread = pthread_equal(pthread_self(), caller) != 0
            return "kho đã mở"
        }
        #expect(pending.value == "kho đã mở")
        #expect(parallelMap(Array(0..<8)) { _ in pending.value } == Array(repeating: "kho đã mở", count: 8))
        #expect(count.made == 1)
        #expect(!count.onCallersThread)
    }
}
