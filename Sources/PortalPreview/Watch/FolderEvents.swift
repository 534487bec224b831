import Foundation

/// Wakes the watch as soon as the kernel reports a change in a watched folder (Linux's
/// inotify), so a save is seen at once rather than at the next poll (125 ms later on average).
/// The poll still decides what changed, and alone finds what happens where no folder is
/// watched (a folder made since the last poll, a file system without events).
final class FolderEvents: @unchecked Sendable {
    private let descriptor: Int32
    private var watched: Set<String> = []
    private var buffer = [UInt8](repeating: 0, count: 16_384)

    /// Nil where the kernel gives no events.
    init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Watches each of `folders` not watched yet.
    func watch(_ folders: Set<String>) {
        let changes = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
        for folder in folders.subtracting(watched) where inotify_add_watch(descriptor, folder, changes) >= 0 {
            watched.insert(folder)
        }
    }

    /// Whether the folder of each of `paths` is watched: then a change to them makes an event.
    func watches(foldersOf paths: [String]) -> Bool {
        paths.allSatisfy { watched.contains(SourceSnapshot.folder(of: $0)) }
    }

    /// Whether anything happened since the last call; what happened is the poll's to find.
    func takeEvents() -> Bool {
        var any = false
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { any = true }
        return any
    }
}
