import Foundation
import Testing

@testable import PortalPreview

@Suite struct VisitorCounterTests {
    let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// A moment given as UTC text.
    func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func onlineCountsDistinctVisitorsOfTheLastFiveMinutes() {
        let counter = VisitorCounter(timeZone: vietnam)
        #expect(counter.recordView(visitor: "a", at: at("2026-11-22T01:00:00Z")).online == 1)
        #expect(counter.recordView(visitor: "a", at: at("2026-11-22T01:01:00Z")).online == 1)
        #expect(counter.recordView(visitor: "b", at: at("2026-11-22T01:02:00Z")).online == 2)
        // a was last seen at 01:01, more than five minutes before 01:06:30.
        let later = counter.recordView(visitor: "c", at: at("2026-11-22T01:06:30Z"))
        #expect(later.online == 2)
        #expect(later.total == 4)
        #expect(counter.recordView(visitor: "c", at: at("2026-11-22T01:20:00Z")).online == 1)
    }

    @Test func todayAndMonthRestartAtTheSitesMidnight() {
        let counter = VisitorCounter(timeZone: vietnam)
        // 16:59 UTC is 23:59 in Vietnam on the 30th; 17:01 UTC is already 1 December there.
        _ = counter.recordView(visitor: "a", at: at("2026-11-30T10:00:00Z"))
        let lastMinute = counter.recordView(visitor: "a", at: at("2026-11-30T16:59:00Z"))
        #expect(lastMinute == CounterReading(online: 1, today: 2, month: 2, total: 2))
        let nextDay = counter.recordView(visitor: "b", at: at("2026-11-30T17:01:00Z"))
        #expect(nextDay == CounterReading(online: 2, today: 1, month: 1, total: 3))
        let sameMonth = counter.recordView(visitor: "b", at: at("2026-12-02T03:00:00Z"))
        #expect(sameMonth == CounterReading(online: 1, today: 1, month: 2, total: 4))
    }
}
