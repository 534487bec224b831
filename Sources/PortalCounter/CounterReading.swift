/// The reply of the counter contract: `{"online", "visitors", "bots", "today", "month", "total"}`,
/// with `online = visitors + bots`.
public struct CounterReading: Codable, Sendable, Equatable {
    public var online: Int
    /// People among `online`, and search engines' and other robots' clients.
    public var visitors: Int
    public var bots: Int
    public var today: Int
    public var month: Int
    public var total: Int

    public init(online: Int, visitors: Int, bots: Int, today: Int, month: Int, total: Int) {
        (self.online, self.visitors, self.bots) = (online, visitors, bots)
        (self.today, self.month, self.total) = (today, month, total)
    }

    /// The JSON the endpoint answers, keys in a fixed order.
    public var json: String {
        "{\"online\":\(online),\"visitors\":\(visitors),\"bots\":\(bots),"
            + "\"today\":\(today),\"month\":\(month),\"total\":\(total)}"
    }
}

/// The view counts after one view: today's, this month's and all time.
public struct ViewTotals: Sendable, Equatable {
    public var today: Int
    public var month: Int
    public var total: Int

    public init(today: Int, month: Int, total: Int) {
        (self.today, self.month, self.total) = (today, month, total)
    }
}
