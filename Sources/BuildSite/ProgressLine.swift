import Foundation
import PortalEngine

/// The line a terminal shows while a build takes longer than a moment: the stage and, for
/// pages, the count, rewritten in place every fifth of a second and erased at the end.
final class ProgressLine: @unchecked Sendable {
    private let progress: BuildProgress
    private let delay: TimeInterval
    private let lock = NSLock()
    private var finished = false
    private var shown = false

    /// Only on a terminal: a log file or a pipe gets no progress.
    static var isWanted: Bool { isatty(STDERR_FILENO) == 1 }

    init(_ progress: BuildProgress, after delay: TimeInterval) {
        self.progress = progress
        self.delay = delay
    }

    func start() {
        let started = Date()
        Thread.detachNewThread { [self] in
            while true {
                let line = lock.withLock { () -> String? in
                    guard !finished else { return nil }
                    guard Date().timeIntervalSince(started) >= delay else { return "" }
                    shown = true
                    return text(progress.snapshot)
                }
                guard let line else { return }
                if !line.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K build-site: \(line)".utf8)) }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Erases the line, so messages and the summary start on a clean one.
    func finish() {
        lock.withLock {
            finished = true
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    private func text(_ state: (stage: BuildProgress.Stage, done: Int, total: Int)) -> String {
        switch state.stage {
        case .reading: return CommandText.text(.progressReading)
        case .markdown: return CommandText.text(.progressMarkdown, .number(state.total))
        case .search: return CommandText.text(.progressSearch)
        case .pages: return CommandText.text(.progressPages, .number(state.done), .number(state.total))
        case .copying: return CommandText.text(.progressCopying)
        case .photos: return CommandText.text(.progressPhotos)
        case .finishing: return CommandText.text(.progressFinishing)
        }
    }
}
