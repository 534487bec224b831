import Foundation

/// The CPU time the calling thread has used, for figures of one stage's work per core (wall
/// time on a shared machine says as much about the neighbours).
enum ThreadCPUTime {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
