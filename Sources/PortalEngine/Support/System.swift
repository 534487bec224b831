import Foundation

/// Small facts about the running system.
enum System {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
