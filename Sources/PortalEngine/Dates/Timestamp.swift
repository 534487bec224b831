import Foundation

/// An instant, in whole seconds since 1970-01-01 UTC; front matter dates have minute precision.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        a.secondsSince1970 < b.secondsSince1970
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }
}

/// Calendar arithmetic on the proleptic Gregorian calendar, without Foundation's Calendar.
enum CivilCalendar {
    /// Days from 1970-01-01 to the given date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The inverse of `days(year:month:day:)`.
    static func date(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday.
    static func weekday(days: Int64) -> Int {
        let w = (days + 4) % 7
        return Int(w < 0 ? w + 7 : w)
    }
}

/// Wall-clock fields of an instant in a given time zone.
public struct LocalDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int
    /// The zone's offset from UTC at that instant, in seconds.
    public var utcOffsetSeconds: Int

    public init(_ timestamp: Timestamp, in zone: TimeZone) {
        let offset = zone.secondsFromGMT(for: timestamp.date)
        let local = timestamp.secondsSince1970 + Int64(offset)
        var days = local / 86400
        var rest = local % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        let ymd = CivilCalendar.date(days: days)
        year = ymd.year
        month = ymd.month
        day = ymd.day
        hour = Int(rest / 3600)
        minute = Int(rest % 3600 / 60)
        second = Int(rest % 60)
        weekday = CivilCalendar.weekday(days: days)
        utcOffsetSeconds = offset
    }
}
