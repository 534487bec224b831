import Foundation
import Testing

@testable import PortalCounter

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ text: String) { now = Self.at(text) }

    /// A moment given as UTC text.
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func set(_ text: String) { lock.withLock { now = Self.at(text) } }
    var read: @Sendable () -> Date { { self.lock.withLock { self.now } } }
}

@Suite struct VisitorCounterTests {
    let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    func counter(_ clock: TestClock, store: any CounterStore = MemoryCounterStore()) -> VisitorCounter {
        VisitorCounter(store: store, timeZone: vietnam, clock: clock.read)
    }

    @Test func onlineCountsDistinctVisitorsOfTheLastFiveMinutes() async throws {
        let clock = TestClock("2026-11-22T01:00:00Z")
        let counter = counter(clock)
        #expect(try await counter.recordView(client: "10.0.0.1", userAgent: "Firefox").online == 1)
        clock.set("2026-11-22T01:01:00Z")
        #expect(try await counter.recordView(client: "10.0.0.1", userAgent: "Firefox").online == 1)
        clock.set("2026-11-22T01:02:00Z")
        #expect(try await counter.recordView(client: "10.0.0.2", userAgent: "Firefox").online == 2)
        // The first was last seen at 01:01, more than five minutes before 01:06:30.
        clock.set("2026-11-22T01:06:30Z")
        let later = try await counter.recordView(client: "10.0.0.3", userAgent: "Firefox")
        #expect(later.online == 2 && later.total == 4)
        clock.set("2026-11-22T01:20:00Z")
        #expect(try await counter.recordView(client: "10.0.0.3", userAgent: "Firefox").online == 1)
    }

    @Test func robotsAreCountedApartFromPeople() async throws {
        let clock = TestClock("2026-11-22T01:00:00Z")
        let counter = counter(clock)
        _ = try await counter.recordView(client: "66.249.66.1", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1)")
        _ = try await counter.recordView(client: "10.0.0.1", userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0")
        let reading = try await counter.recordView(client: "1.2.3.4", userAgent: "coccocbot-web/1.0")
        #expect(reading == CounterReading(online: 3, visitors: 1, bots: 2, today: 3, month: 3, total: 3))
    }

    @Test func todayAndMonthRestartAtTheSitesMidnightAndFirst() async throws {
        let clock = TestClock("2026-11-30T10:00:00Z")
        let counter = counter(clock)
        _ = try await counter.recordView(client: "a", userAgent: "Firefox")
        // 16:59 UTC is 23:59 in Vietnam on the 30th; 17:01 UTC is already 1 December there.
        clock.set("2026-11-30T16:59:00Z")
        let lastMinute = try await counter.recordView(client: "a", userAgent: "Firefox")
        #expect(
            ViewTotals(today: lastMinute.today, month: lastMinute.month, total: lastMinute.total)
                == ViewTotals(today: 2, month: 2, total: 2))
        clock.set("2026-11-30T17:01:00Z")
        let nextDay = try await counter.recordView(client: "b", userAgent: "Firefox")
        #expect(
            ViewTotals(today: nextDay.today, month: nextDay.month, total: nextDay.total)
                == ViewTotals(today: 1, month: 1, total: 3))
        clock.set("2026-12-02T03:00:00Z")
        let sameMonth = try await counter.recordView(client: "b", userAgent: "Firefox")
        #expect(
            ViewTotals(today: sameMonth.today, month: sameMonth.month, total: sameMonth.total)
                == ViewTotals(today: 1, month: 2, total: 4))
    }

    @Test func theBotListKnowsCrawlersAndNotBrowsers() {
        let robots = [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "Mozilla/5.0 (compatible; YandexBot/3.0)", "facebookexternalhit/1.1", "curl/8.5.0",
            "python-requests/2.31", "Mozilla/5.0 HeadlessChrome/120.0", "",
        ]
        let people = [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36 Zalo iOS/24",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 coc_coc_browser/131.0",
        ]
        for agent in robots { #expect(BotDetector.isBot(userAgent: agent), "\(agent)") }
        for agent in people { #expect(!BotDetector.isBot(userAgent: agent), "\(agent)") }
    }
}
