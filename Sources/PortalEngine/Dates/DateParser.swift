import Foundation

/// Reads front-matter dates: `2019-07-09`, `2019-07-09 08:22` (seconds optional) or ISO 8601
/// with `T` and an offset (`+07:00`, `+0700`, `Z`). Without an offset the site's zone applies.
public struct DateParser: Sendable {
    public let zone: TimeZone

    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// Whether the text names a time of day ("2019-07-09" does not), so pages need not show "00:00".
    public static func hasTimeOfDay(_ raw: String) -> Bool {
        raw.trimmedWhitespace.count > 10
    }

    /// The instant, or a message saying what is wrong with the text.
    public func parse(_ raw: String) -> Result<Timestamp, DateParseError> {
        var scanner = DigitScanner(raw.trimmedWhitespace)
        let expected = Message(.dateInvalid, "\(raw)")
        guard let year = scanner.number(digits: 4...4), scanner.take("-"),
            let month = scanner.number(digits: 1...2), scanner.take("-"),
            let day = scanner.number(digits: 1...2)
        else {
            if let rewritten = Self.yearFirst(dayFirst: raw.trimmedWhitespace) {
                return .failure(DateParseError(message: Message(.dateDayFirst, "\(raw)", "\(rewritten)")))
            }
            return .failure(DateParseError(message: expected))
        }
        guard (1...12).contains(month) else {
            return .failure(DateParseError(message: Message(.dateMonthInvalid, "\(raw)", .number(month))))
        }
        let monthLength = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...monthLength).contains(day) else {
            return .failure(
                DateParseError(
                    message: Message(
                        .dateDayInvalid, "\(raw)", "\(String(format: "%02d", month))", .number(year),
                        .number(monthLength),
                        .number(day))))
        }
        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int?
        if !scanner.atEnd {
            guard scanner.take("T") || scanner.take(" ") || scanner.take("t") else {
                return .failure(DateParseError(message: expected))
            }
            scanner.skipSpaces()
            guard let h = scanner.number(digits: 1...2), scanner.take(":"), let m = scanner.number(digits: 2...2)
            else { return .failure(DateParseError(message: expected)) }
            hour = h
            minute = m
            if scanner.take(":") {
                guard let s = scanner.number(digits: 2...2) else { return .failure(DateParseError(message: expected)) }
                second = s
                if scanner.take(".") || scanner.take(",") {
                    guard scanner.number(digits: 1...9) != nil else {
                        return .failure(DateParseError(message: expected))
                    }
                }
            }
            guard hour < 24, minute < 60, second < 60 else {
                return .failure(DateParseError(message: Message(.dateTimeOutOfRange, "\(raw)")))
            }
            scanner.skipSpaces()
            if scanner.take("Z") || scanner.take("z") {
                offset = 0
            } else if let sign = scanner.takeSign() {
                guard let oh = scanner.number(digits: 2...2) else { return .failure(DateParseError(message: expected)) }
                _ = scanner.take(":")
                let om = scanner.number(digits: 2...2) ?? 0
                guard oh <= 14, om < 60 else {
                    return .failure(DateParseError(message: Message(.dateOffsetOutOfRange, "\(raw)")))
                }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard scanner.atEnd else { return .failure(DateParseError(message: expected)) }
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let local = days * 86400 + Int64(hour * 3600 + minute * 60 + second)
        if let offset {
            return .success(Timestamp(secondsSince1970: local - Int64(offset)))
        }
        return .success(instant(forLocalSeconds: local))
    }

    /// `14/08/2020` (or with `-` or `.`, and an optional `08:30`) as `2020-08-14 08:30`: the
    /// order Vietnamese offices write dates in. Nil when the text is not such a date.
    static func yearFirst(dayFirst text: String) -> String? {
        var scanner = DigitScanner(text)
        guard let day = scanner.number(digits: 1...2) else { return nil }
        let separator: Character
        if scanner.take("/") {
            separator = "/"
        } else if scanner.take("-") {
            separator = "-"
        } else if scanner.take(".") {
            separator = "."
        } else {
            return nil
        }
        guard let month = scanner.number(digits: 1...2), scanner.take(separator),
            let year = scanner.number(digits: 4...4), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var result = String(format: "%04d-%02d-%02d", year, month, day)
        scanner.skipSpaces()
        if scanner.atEnd { return result }
        guard let hour = scanner.number(digits: 1...2), scanner.take(":"), let minute = scanner.number(digits: 2...2),
            scanner.atEnd, hour < 24, minute < 60
        else { return nil }
        result += String(format: " %02d:%02d", hour, minute)
        return result
    }

    /// Local wall-clock seconds to an instant in `zone`; the second pass settles offset changes.
    private func instant(forLocalSeconds local: Int64) -> Timestamp {
        let guess = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        let settled = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
        return Timestamp(secondsSince1970: settled)
    }
}

/// Why a date could not be read; the caller adds the file position.
public struct DateParseError: Error, Sendable, Equatable {
    public var message: Message
}

/// Walks ASCII digits and separators of a date string.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ char: Character) -> Bool {
        guard index < bytes.count, let ascii = char.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, count < digits.upperBound, (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            count += 1
        }
        return digits.contains(count) ? value : nil
    }
}
