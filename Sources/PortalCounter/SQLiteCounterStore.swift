import Foundation
import GRDB

/// Views kept in SQLite (WAL, `synchronous = FULL`): a view is answered only once the
/// transaction holding it is on disk, so a crash or a kill loses no answered view.
///
/// Group commit keeps that fast: views arriving while a transaction commits wait for the next
/// one, which takes them all. One writer thread; requests wait without blocking the server.
public final class SQLiteCounterStore: CounterStore, @unchecked Sendable {
    /// Why the database cannot be used, for the command line.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private struct Pending {
        var day: String
        var month: String
        var answer: CheckedContinuation<ViewTotals, any Error>
    }

    private let pool: DatabasePool
    private let lock = NSLock()
    private var pending: [Pending] = []
    private var writing = false
    private let writer = DispatchQueue(label: "counter.commit")

    /// Opens (or creates) the database; fails with a message when it is not a database, is
    /// read-only or cannot be created.
    public init(path: String) throws(Failure) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in
                try db.execute(
                    sql:
                        "CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID"
                )
                try db.execute(sql: "INSERT OR IGNORE INTO counts VALUES ('total', 0)")
            }
            let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard check == "ok" else { throw Failure(description: "\(path): damaged database (\(check ?? "?"))") }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    public func add(day: String, month: String) async throws -> ViewTotals {
        try await withCheckedThrowingContinuation { answer in
            let start = lock.withLock {
                pending.append(Pending(day: day, month: month, answer: answer))
                defer { writing = true }
                return !writing
            }
            if start { writer.async { self.writeWhilePending() } }
        }
    }

    /// Starts `total` at `value` (a portal moving from another counter keeps its number).
    public func setTotal(_ value: Int) throws(Failure) {
        do {
            try pool.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO counts VALUES ('total', ?)", arguments: [value])
            }
        } catch { throw Failure(description: "\(error)") }
    }

    /// The counts as stored, for `--show` and the tests.
    public func read(day: String, month: String) throws -> ViewTotals {
        try pool.read { db in
            func value(_ key: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT value FROM counts WHERE key = ?", arguments: [key]) ?? 0
            }
            return ViewTotals(
                today: try value("day:" + day), month: try value("month:" + month), total: try value("total"))
        }
    }

    /// One transaction per round, for every view waiting when it starts.
    private func writeWhilePending() {
        while true {
            let batch: [Pending] = lock.withLock {
                let batch = pending
                pending = []
                if batch.isEmpty { writing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let totals = try pool.write { db in try Self.count(batch, in: db) }
                for (waiting, total) in zip(batch, totals) { waiting.answer.resume(returning: total) }
            } catch {
                for waiting in batch { waiting.answer.resume(throwing: error) }
            }
        }
    }

    /// Adds the batch's views in order, each answered with the counts just after it.
    private static func count(_ batch: [Pending], in db: Database) throws -> [ViewTotals] {
        var values: [String: Int] = [:]
        func current(_ key: String) throws -> Int {
            if let known = values[key] { return known }
            let stored = try Int.fetchOne(db, sql: "SELECT value FROM counts WHERE key = ?", arguments: [key]) ?? 0
            values[key] = stored
            return stored
        }
        var totals: [ViewTotals] = []
        for view in batch {
            let (day, month) = ("day:" + view.day, "month:" + view.month)
            values[day] = try current(day) + 1
            values[month] = try current(month) + 1
            values["total"] = try current("total") + 1
            totals.append(ViewTotals(today: values[day]!, month: values[month]!, total: values["total"]!))
        }
        for (key, value) in values {
            try db.execute(sql: "INSERT OR REPLACE INTO counts VALUES (?, ?)", arguments: [key, value])
        }
        return totals
    }
}
