import Foundation

/// Vietnamese date strings for pages, built from a table: no locale data, no DateFormatter.
public struct VietnameseDateFormat: Sendable {
    public let zone: TimeZone

    /// Indexed by weekday, 0 = Sunday.
    static let weekdayNames = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]

    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// "Thứ Ba, 09/07/2019 08:22".
    public func full(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        return "\(Self.weekdayNames[d.weekday]), \(dayMonthYear(d)) \(two(d.hour)):\(two(d.minute))"
    }

    /// "Thứ Ba, 09/07/2019", for dates written without a time.
    public func fullDay(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        return "\(Self.weekdayNames[d.weekday]), \(dayMonthYear(d))"
    }

    /// "09/07/2019".
    public func short(_ t: Timestamp) -> String {
        dayMonthYear(LocalDateTime(t, in: zone))
    }

    /// "09/07/2019 08:22".
    public func shortWithTime(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        return "\(dayMonthYear(d)) \(two(d.hour)):\(two(d.minute))"
    }

    /// "Thứ Ba, Ngày 09 Tháng 7 Năm 2019", as portal banners print today's date.
    public func banner(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        return "\(Self.weekdayNames[d.weekday]), Ngày \(two(d.day)) Tháng \(d.month) Năm \(d.year)"
    }

    /// "2019-07-09T08:22:00+07:00", for `<time datetime>`, sitemaps and Atom.
    public func iso8601(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        let sign = d.utcOffsetSeconds < 0 ? "-" : "+"
        let off = abs(d.utcOffsetSeconds)
        return
            "\(four(d.year))-\(two(d.month))-\(two(d.day))T\(two(d.hour)):\(two(d.minute)):\(two(d.second))\(sign)\(two(off / 3600)):\(two(off % 3600 / 60))"
    }

    /// "Tue, 09 Jul 2019 08:22:00 +0700", RFC 822 as RSS 2.0 wants (English names by the spec).
    public func rfc822(_ t: Timestamp) -> String {
        let d = LocalDateTime(t, in: zone)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let sign = d.utcOffsetSeconds < 0 ? "-" : "+"
        let off = abs(d.utcOffsetSeconds)
        return
            "\(days[d.weekday]), \(two(d.day)) \(months[d.month - 1]) \(four(d.year)) \(two(d.hour)):\(two(d.minute)):\(two(d.second)) \(sign)\(two(off / 3600))\(two(off % 3600 / 60))"
    }

    private func dayMonthYear(_ d: LocalDateTime) -> String {
        "\(two(d.day))/\(two(d.month))/\(four(d.year))"
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    private func four(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}
