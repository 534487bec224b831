import Foundation
import Testing

@testable import PortalCounter

/// The SQLite store: counts kept across reopening, one transaction for many waiting views,
/// and a clear refusal of a file that is not a database or cannot be written.
@Suite struct SQLiteCounterStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("counter-\(UUID().uuidString).sqlite").path
    }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func countsSurviveReopeningAndStartFromASetTotal() async throws {
        let path = temporaryPath()
        defer { remove(path) }
        let store = try SQLiteCounterStore(path: path)
        try store.setTotal(8_390_768)
        #expect(
            try await store.add(day: "2026-12-03", month: "2026-12") == ViewTotals(today: 1, month: 1, total: 8_390_769)
        )
        #expect(
            try await store.add(day: "2026-12-04", month: "2026-12") == ViewTotals(today: 1, month: 2, total: 8_390_770)
        )
        let reopened = try SQLiteCounterStore(path: path)
        #expect(
            try reopened.read(day: "2026-12-04", month: "2026-12") == ViewTotals(today: 1, month: 2, total: 8_390_770))
    }

    @Test func manyViewsAtOnceEachGetTheirOwnCounts() async throws {
        let path = temporaryPath()
        defer { remove(path) }
        let store = try SQLiteCounterStore(path: path)
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<500 { group.addTask { try await store.add(day: "2026-12-03", month: "2026-12").total } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        // Every view answered with a different total, and none lost.
        #expect(totals.sorted() == Array(1...500))
        #expect(try store.read(day: "2026-12-03", month: "2026-12").total == 500)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws {
        let path = temporaryPath()
        defer { remove(path) }
        let junk = Data(String(repeating: "đây không phải cơ sở dữ liệu\n", count: 200).utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect(throws: SQLiteCounterStore.Failure.self) { try SQLiteCounterStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }

    @Test func aFolderThatCannotBeWrittenIsRefused() throws {
        #expect(throws: SQLiteCounterStore.Failure.self) {
            try SQLiteCounterStore(path: "/proc/counter-\(UUID().uuidString).sqlite")
        }
    }
}
