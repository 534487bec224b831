import Foundation
import Testing

@testable import PortalPreview

@Suite struct SourceSnapshotTests {
    @Test func seesEditsAdditionsRenamesAndDeletions() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content/bai")
        try fm.createDirectory(at: content, withIntermediateDirectories: true)
        let a = content.appendingPathComponent("a.md")
        try "one".write(to: a, atomically: false, encoding: .utf8)
        let folders = [root.appendingPathComponent("content").path]
        let first = SourceSnapshot.take(of: folders)
        #expect(first.count == 1)
        #expect(first.changes(to: SourceSnapshot.take(of: folders)).isEmpty)

        // Same size, new bytes: the modification time tells.
        var info = stat()
        stat(a.path, &info)
        try "two".write(to: a, atomically: false, encoding: .utf8)
        var times = [
            timespec(tv_sec: info.st_mtim.tv_sec + 5, tv_nsec: 0),
            timespec(tv_sec: info.st_mtim.tv_sec + 5, tv_nsec: 0),
        ]
        utimensat(AT_FDCWD, a.path, &times, 0)
        let edited = SourceSnapshot.take(of: folders)
        #expect(first.changes(to: edited) == [a.path])

        // Hidden files and editor backups are not content.
        try "x".write(to: content.appendingPathComponent(".a.md.swp"), atomically: false, encoding: .utf8)
        try "x".write(to: content.appendingPathComponent("a.md~"), atomically: false, encoding: .utf8)
        #expect(edited.changes(to: SourceSnapshot.take(of: folders)).isEmpty)

        let b = content.appendingPathComponent("b.md")
        try fm.moveItem(at: a, to: b)
        let renamed = SourceSnapshot.take(of: folders)
        #expect(edited.changes(to: renamed) == [a.path, b.path])

        try fm.removeItem(at: b)
        #expect(renamed.changes(to: SourceSnapshot.take(of: folders)) == [b.path])
    }

    /// What a build after a snapshot need not read: the files whose stamps stayed, by path
    /// from the site folder; not an edited file, a new one, nor one a copy gave an old time.
    @Test func unchangedFilesAreThoseWhoseStampsStayed() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try fm.createDirectory(at: content, withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            try "one".write(to: content.appendingPathComponent("\(name).md"), atomically: false, encoding: .utf8)
        }
        let folders = [content.path]
        let before = SourceSnapshot.take(of: folders)
        #expect(before.unchanged(in: before, from: root.path) == ["content/a.md", "content/b.md", "content/c.md"])

        // b is rewritten with the same size and given back its modification time (`cp -p`):
        // only the change time tells.
        let b = content.appendingPathComponent("b.md")
        var info = stat()
        stat(b.path, &info)
        usleep(20_000)
        try "two".write(to: b, atomically: false, encoding: .utf8)
        var times = [info.st_atim, info.st_mtim]
        utimensat(AT_FDCWD, b.path, &times, 0)
        try "new".write(to: content.appendingPathComponent("d.md"), atomically: false, encoding: .utf8)
        let after = SourceSnapshot.take(of: folders)
        #expect(before.unchanged(in: after, from: root.path) == ["content/a.md", "content/c.md"])
        #expect(before.changes(to: after) == [b.path, content.appendingPathComponent("d.md").path])
    }

    /// The kernel's events wake the watch for a save, a file renamed over another and a
    /// deletion in a watched folder; nothing else is reported, and each event once.
    @Test func folderEventsReportChangesInWatchedFoldersOnce() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("events-\(UUID().uuidString)")
        let watched = root.appendingPathComponent("content/bai")
        let other = root.appendingPathComponent("khac")
        try fm.createDirectory(at: watched, withIntermediateDirectories: true)
        try fm.createDirectory(at: other, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        let a = watched.appendingPathComponent("a.md")
        try Data("một".utf8).write(to: a)
        let snapshot = SourceSnapshot.take(of: [root.appendingPathComponent("content").path])
        let events = try #require(FolderEvents())
        events.watch(snapshot.folders)
        #expect(events.watches(foldersOf: [a.path]))
        #expect(!events.watches(foldersOf: [other.appendingPathComponent("b.md").path]))
        #expect(!events.takeEvents())

        try Data("hai".utf8).write(to: a)  // a save
        #expect(events.takeEvents())
        #expect(!events.takeEvents())
        try Data("x".utf8).write(to: other.appendingPathComponent("b.md"))  // not watched
        #expect(!events.takeEvents())
        let saved = watched.appendingPathComponent(".a.md.tmp")
        try Data("ba".utf8).write(to: saved)
        _ = events.takeEvents()
        #expect(rename(saved.path, a.path) == 0)  // an editor saving by renaming over the file
        #expect(events.takeEvents())
        try fm.removeItem(at: a)
        #expect(events.takeEvents())
    }
}
