import Foundation
import TestSupport
import Testing

@testable import PortalEngine

/// A small tmpfs as the output's disk: full, then read-only. Needs permission to mount (root in
/// the sandbox here and in CI); skipped where mounting is not allowed.
@Suite(.serialized, .enabled(if: SmallDisk.canMount)) struct DiskFaultTests {
    @Test func fullDiskIsAClearErrorAndThePreviousSiteStays() throws {
        let site = try TestSite()
        let disk = try SmallDisk(size: "400k")
        defer { disk.unmount() }
        let output = disk.mountPoint.appendingPathComponent("public")
        try site.article("a", "title: Tin ngắn\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now))
        let before = snapshotFiles(in: output)
        for i in 0..<60 {
            try site.article(
                "dai-\(i)", "title: Tin dài \(i)\ndate: 2019-07-1\(i % 10)\ncategory: tin-tuc-su-kien",
                body: String(repeating: "Nội dung thi đua khen thưởng rất dài. ", count: 400))
        }
        do {
            _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now))
            Issue.record("a build larger than the disk succeeded")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            #expect(errors.contains { $0.message.contains("No space left on device") }, "\(errors)")
            #expect(errors.count <= WriteProblems.kept + 1)
        }
        #expect(snapshotFiles(in: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: disk.mountPoint.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func readOnlyOutputIsAClearErrorAndThePreviousSiteStays() throws {
        let site = try TestSite()
        let disk = try SmallDisk(size: "2m")
        defer { disk.unmount() }
        let output = disk.mountPoint.appendingPathComponent("public")
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now))
        let before = snapshotFiles(in: output)
        try disk.remountReadOnly()
        try site.article("b", "title: Tin mới\ndate: 2019-07-10\ncategory: tin-tuc-su-kien")
        do {
            _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now))
            Issue.record("a build into a read-only folder succeeded")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("Read-only file system") }, "\(error.diagnostics)")
        }
        #expect(snapshotFiles(in: output) == before)
    }

}

/// A tmpfs mounted for one test.
struct SmallDisk {
    let mountPoint: URL

    init(size: String) throws {
        mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("small-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        guard Self.run(["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mountPoint.path]) == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func remountReadOnly() throws {
        guard Self.run(["mount", "-o", "remount,ro", mountPoint.path]) == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        _ = Self.run(["umount", mountPoint.path])
        try? FileManager.default.removeItem(at: mountPoint)
    }

    static let canMount: Bool = {
        guard let disk = try? SmallDisk(size: "64k") else { return false }
        disk.unmount()
        return true
    }()

    @discardableResult
    static func run(_ arguments: [String]) -> Int32 {
        (try? ChildProcess.capture(URL(fileURLWithPath: "/usr/bin/env"), arguments).status) ?? -1
    }
}
