import Foundation

/// Who is on the site now: distinct clients of the last five minutes, people and robots apart.
/// Kept in memory only, by a salted hash of the client address and User-Agent whose salt is
/// random and changes every day: no address is stored, on disk or here (Decree 13/2023/NĐ-CP).
final class OnlineVisitors: @unchecked Sendable {
    static let window: TimeInterval = 5 * 60

    private let lock = NSLock()
    private var people: [UInt64: Date] = [:]
    private var robots: [UInt64: Date] = [:]
    private var salt = (day: "", value: UInt64(0))
    private var nextPrune = Date.distantPast

    /// Records `client` at `now` and returns how many people and robots are online.
    func see(client: String, userAgent: String, isBot: Bool, day: String, at now: Date) -> (visitors: Int, bots: Int) {
        lock.withLock {
            if salt.day != day { salt = (day, UInt64.random(in: 1...UInt64.max)) }
            let key = Self.hash(client + "\u{0}" + userAgent, salt: salt.value)
            if isBot { robots[key] = now } else { people[key] = now }
            let cutoff = now.addingTimeInterval(-Self.window)
            // Pruned every few seconds, so the tables stay small however many clients come and go.
            if now >= nextPrune {
                people = people.filter { $0.value > cutoff }
                robots = robots.filter { $0.value > cutoff }
                nextPrune = now.addingTimeInterval(5)
                return (people.count, robots.count)
            }
            return (
                people.values.reduce(0) { $1 > cutoff ? $0 + 1 : $0 },
                robots.values.reduce(0) { $1 > cutoff ? $0 + 1 : $0 }
            )
        }
    }

    /// SipHash-like mixing is not needed: the salt is secret and lives one day in memory.
    static func hash(_ text: String, salt: UInt64) -> UInt64 {
        var value = salt ^ 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
