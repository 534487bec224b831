import Foundation

/// The day and month a view belongs to, in the site's time zone: today's and this month's
/// counts restart at its midnight and on its 1st.
public struct CounterCalendar: Sendable {
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// "2026-12-03" and "2026-12".
    public func keys(at date: Date) -> (day: String, month: String) {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        let month = String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
        return (month + String(format: "-%02d", c.day ?? 0), month)
    }
}
