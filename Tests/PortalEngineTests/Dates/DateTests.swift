import Foundation
import Testing

@testable import PortalEngine

@Suite struct DateTests {
    let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    var parser: DateParser { DateParser(zone: hanoi) }
    var format: VietnameseDateFormat { VietnameseDateFormat(zone: hanoi) }

    func parse(_ s: String) -> Int64? {
        try? parser.parse(s).get().secondsSince1970
    }

    @Test func threeContractSpellings() {
        #expect(parse("2019-07-09 08:22") == 1_562_635_320)
        #expect(parse("2019-07-09") == 1_562_605_200)  // midnight in the site's zone
        #expect(parse("2019-07-09T08:22:00+07:00") == 1_562_635_320)
        #expect(parse("2019-11-13T05:53:00Z") == 1_573_624_380)
        #expect(parse("2019-07-09T01:22:00+0000") == 1_562_635_320)
        #expect(parse("2019-07-09 08:22:00") == 1_562_635_320)
    }

    @Test(arguments: [
        "2019-02-31", "2019-13-01", "09/07/2019", "2019-07-09 25:00", "hôm qua", "2019-07-09T08:22+99:00", "",
    ])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func february31stSaysHowManyDaysTheMonthHas() throws {
        guard case .failure(let error) = parser.parse("2019-02-31") else {
            Issue.record("accepted 31/02")
            return
        }
        #expect(error.message.text(.en).contains("02/2019 has 28 days"))
        #expect(parse("2020-02-29") != nil)
    }

    @Test func fullVietnameseDateWithWeekday() {
        #expect(format.full(Timestamp(secondsSince1970: 1_562_635_320)) == "Thứ Ba, 09/07/2019 08:22")
        #expect(format.short(Timestamp(secondsSince1970: 1_562_635_320)) == "09/07/2019")
    }

    @Test func utcDatesShowInTheSiteZone() {
        // 05:53 UTC is 12:53 in Hanoi, on a Wednesday.
        #expect(format.full(Timestamp(secondsSince1970: 1_573_624_380)) == "Thứ Tư, 13/11/2019 12:53")
    }

    @Test func everyWeekdayName() throws {
        // 2019-07-07 was a Sunday.
        let sunday = try parser.parse("2019-07-07 10:00").get().secondsSince1970
        let names = (0..<7).map {
            format.full(Timestamp(secondsSince1970: sunday + Int64($0) * 86_400)).components(separatedBy: ",")[0]
        }
        #expect(names == ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"])
    }

    @Test func machineFormats() {
        let t = Timestamp(secondsSince1970: 1_562_635_320)
        #expect(format.iso8601(t) == "2019-07-09T08:22:00+07:00")
        #expect(format.rfc822(t) == "Tue, 09 Jul 2019 08:22:00 +0700")
        #expect(format.banner(t) == "Thứ Ba, Ngày 09 Tháng 7 Năm 2019")
    }

    @Test func civilCalendarRoundTrips() {
        for days in stride(from: Int64(-800_000), to: 800_000, by: 997) {
            let d = CivilCalendar.date(days: days)
            #expect(CivilCalendar.days(year: d.year, month: d.month, day: d.day) == days)
        }
    }
}
