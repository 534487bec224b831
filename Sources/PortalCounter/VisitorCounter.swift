import Foundation

/// Counts page views: what the counter endpoint does for each request, whatever keeps the
/// counts (SQLite for `counter-server`, memory for the preview).
public final class VisitorCounter: Sendable {
    private let store: any CounterStore
    private let calendar: CounterCalendar
    private let online = OnlineVisitors()
    private let clock: @Sendable () -> Date

    /// `clock` is injectable so tests can cross midnight and the 1st.
    public init(store: any CounterStore, timeZone: TimeZone, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        calendar = CounterCalendar(timeZone: timeZone)
        self.clock = clock
    }

    /// Records one view by the client (its address and User-Agent) and returns the counts
    /// including it, once it is kept.
    public func recordView(client: String, userAgent: String) async throws -> CounterReading {
        let now = clock()
        let (day, month) = calendar.keys(at: now)
        let isBot = BotDetector.isBot(userAgent: userAgent)
        let here = online.see(client: client, userAgent: userAgent, isBot: isBot, day: day, at: now)
        let totals = try await store.add(day: day, month: month)
        return CounterReading(
            online: here.visitors + here.bots, visitors: here.visitors, bots: here.bots, today: totals.today,
            month: totals.month, total: totals.total)
    }
}
