import Foundation

/// The reply of the counter contract: `{"online", "today", "month", "total"}`.
public struct CounterReading: Codable, Sendable, Equatable {
    public var online: Int
    public var today: Int
    public var month: Int
    public var total: Int

    public init(online: Int, today: Int, month: Int, total: Int) {
        self.online = online
        self.today = today
        self.month = month
        self.total = total
    }
}

/// Counts page views in memory, as a production endpoint would in a database.
///
/// `today`, `month` and `total` count views; they restart at the site's midnight and first of the
/// month. `online` is the number of distinct visitors seen in the last five minutes.
public final class VisitorCounter: @unchecked Sendable {
    public static let onlineWindow: TimeInterval = 5 * 60

    private let lock = NSLock()
    private let calendar: Calendar
    private var lastSeen: [String: Date] = [:]
    private var day: DateComponents?
    private var month: DateComponents?
    private var counts = CounterReading(online: 0, today: 0, month: 0, total: 0)
    private var nextPrune = Date.distantPast

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Records one view by `visitor` at `now` and returns the counts including it.
    public func recordView(visitor: String, at now: Date = Date()) -> CounterReading {
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        let thisMonth = calendar.dateComponents([.year, .month], from: now)
        return lock.withLock {
            if today != day {
                day = today
                counts.today = 0
            }
            if thisMonth != month {
                month = thisMonth
                counts.month = 0
            }
            counts.today += 1
            counts.month += 1
            counts.total += 1
            lastSeen[visitor] = now
            let cutoff = now.addingTimeInterval(-Self.onlineWindow)
            // Pruning every few seconds keeps the table small however many clients come and go.
            if now >= nextPrune {
                lastSeen = lastSeen.filter { $0.value > cutoff }
                nextPrune = now.addingTimeInterval(5)
                counts.online = lastSeen.count
            } else {
                counts.online = lastSeen.values.reduce(0) { $1 > cutoff ? $0 + 1 : $0 }
            }
            return counts
        }
    }
}
