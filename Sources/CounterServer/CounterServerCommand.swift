import ArgumentParser
import Foundation
import PortalCounter

/// `counter-server`: the visitor counter a deployed portal calls, counting into SQLite.
@main
struct CounterServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "counter-server",
        abstract: "Counts the portal's page views (GET /api/counter?path=…) into a SQLite database.",
        discussion: """
            Every answered view is on disk first (SQLite WAL, synchronous FULL, group commit). \
            No client address is stored. See README.md, "The visitor counter server".
            """)

    @Option(name: .long, help: "The SQLite database file (created when missing).")
    var database: String

    @Option(name: .long, help: "The address to listen on (behind nginx: 127.0.0.1).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .long, help: "The site's time zone: today's and this month's counts restart at its midnight.")
    var timezone = "Asia/Ho_Chi_Minh"

    @Option(
        name: .customLong("allowed-origin"),
        help: "An origin whose pages may call the counter from another host (repeat it; * for any).")
    var allowedOrigins: [String] = []

    @Option(name: .customLong("set-total"), help: "Set the total count (e.g. the old portal's) and exit.")
    var setTotal: Int?

    func run() async throws {
        guard let zone = TimeZone(identifier: timezone) else {
            fail("unknown time zone '\(timezone)', e.g. Asia/Ho_Chi_Minh")
        }
        let store: SQLiteCounterStore
        do { store = try SQLiteCounterStore(path: database) } catch {
            fail("cannot use the database \(error); give a writable path or move the damaged file away")
        }
        if let setTotal {
            guard setTotal >= 0 else { fail("--set-total must be 0 or more") }
            do { try store.setTotal(setTotal) } catch { fail("cannot set the total: \(error)") }
            print("counter-server: total set to \(setTotal) in \(database)")
            return
        }
        let endpoint = CounterEndpoint(
            counter: VisitorCounter(store: store, timeZone: zone), allowedOrigins: Set(allowedOrigins))
        let (host, database) = (self.host, self.database)
        do {
            try await CounterServer.run(endpoint: endpoint, host: host, port: port) { bound in
                let line =
                    "counter-server: counting into \(database) at http://\(host):\(bound)\(CounterEndpoint.path)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            fail("cannot serve on \(host):\(port): \(error)")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("counter-server: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
