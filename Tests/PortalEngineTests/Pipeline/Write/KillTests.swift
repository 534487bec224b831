import Foundation
import TestSupport
import Testing

@testable import PortalEngine

/// A build killed with SIGKILL at any moment leaves the previous complete site or the new one.
@Suite(.serialized) struct KillTests {
    static func siteYAML(_ title: String) -> String {
        TestSite.siteYAML.replacingOccurrences(of: "per_page: 2", with: "per_page: 10")
            .replacingOccurrences(of: "Ban Thi đua - Khen thưởng tỉnh Thử nghiệm", with: title)
    }

    func runToEnd(_ arguments: [String]) throws -> (Int32, Double) {
        try ChildProcess.run(CommandLineTests.binary, arguments + ["--quiet"])
    }

    @Test func killedBuildsNeverLeaveAMix() throws {
        let site = try TestSite(siteYAML: Self.siteYAML("Phiên bản A"))
        for i in 0..<60 {
            try site.article(
                "a\(i)",
                "title: Tin số \(i)\ndate: 2019-07-\(10 + i % 18) 08:\(10 + i % 40)\ncategory: tin-tuc-su-kien\ntags: [t\(i % 7)]",
                body: String(repeating: "Nội dung thi đua khen thưởng. ", count: 40))
        }
        let args = ["--source", site.root.path]
        // The two complete sites, built elsewhere: public/ must always equal one of them.
        let expectedA = site.root.appendingPathComponent("expected-a")
        let expectedB = site.root.appendingPathComponent("expected-b")
        #expect(try runToEnd(args + ["--output", expectedA.path]).0 == 0)
        try site.write("site/site.yaml", Self.siteYAML("Phiên bản B"))
        #expect(try runToEnd(args + ["--output", expectedB.path]).0 == 0)
        let a = snapshotFiles(in: expectedA)
        let b = snapshotFiles(in: expectedB)
        #expect(a != b && a.count > 50)

        // How long a rebuild that changes every page takes, to spread the kills over it: the
        // slower of two, since other test suites may be loading the machine meanwhile.
        try site.write("site/site.yaml", Self.siteYAML("Phiên bản A"))
        let (firstStatus, firstDuration) = try runToEnd(args)
        #expect(firstStatus == 0)
        try site.write("site/site.yaml", Self.siteYAML("Phiên bản B"))
        let (status, secondDuration) = try runToEnd(args)
        #expect(status == 0)
        #expect(snapshotFiles(in: site.output) == b)
        let duration = max(firstDuration, secondDuration)

        var random = SeededRandom(seed: 42)
        var outcomes = (previous: 0, new: 0)
        for round in 0..<50 {
            let wantB = round % 2 == 1
            let before = snapshotFiles(in: site.output)
            try site.write("site/site.yaml", Self.siteYAML(wantB ? "Phiên bản B" : "Phiên bản A"))
            let process = try ChildProcess(CommandLineTests.binary, args + ["--quiet"])
            // Kills spread over twice a rebuild; if none has yet landed after the swap, wider.
            let window = outcomes.new == 0 && round >= 25 ? duration * 4 : duration * 2
            usleep(UInt32(Double.random(in: 0...window, using: &random) * 1_000_000))
            process.signal(SIGKILL)
            process.wait()
            let after = snapshotFiles(in: site.output)
            #expect(after == a || after == b, "round \(round): public/ is neither complete site")
            if after == before { outcomes.previous += 1 } else { outcomes.new += 1 }
        }
        // The kills landed both before and after the swap at least once.
        #expect(outcomes.previous > 0 && outcomes.new > 0, "\(outcomes)")
        let (finalStatus, _) = try runToEnd(args)
        #expect(finalStatus == 0)
        #expect(snapshotFiles(in: site.output) == b)  // round 49 wrote version B last
    }

    @Test func twoBuildsAtOnceNeverInterleave() throws {
        let site = try TestSite(siteYAML: Self.siteYAML("Phiên bản A"))
        for i in 0..<40 {
            try site.article("a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i % 10)\ncategory: tin-tuc-su-kien")
        }
        // This test holds the lock first, so both builds must wait, whatever the timing.
        var held: BuildLock? = try BuildLock(output: site.output)
        let logs = (0..<2).map { site.root.appendingPathComponent("build-\($0).log") }
        var processes: [ChildProcess] = []
        for log in logs {
            #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
            processes.append(
                try ChildProcess(
                    CommandLineTests.binary, ["--source", site.root.path, "--quiet"], stderrPath: log.path))
        }
        let deadline = Date().addingTimeInterval(60)
        func waitingMessages() throws -> Int {
            try logs.filter {
                try String(contentsOf: $0, encoding: .utf8).contains(
                    "một lần dựng khác đang ghi vào public/; đang chờ nó xong")
            }.count
        }
        while try waitingMessages() < 2, Date() < deadline { usleep(50_000) }
        #expect(try waitingMessages() == 2)
        #expect(processes.allSatisfy { $0.isRunning })
        #expect(!site.exists("index.html"))
        held = nil
        _ = held
        let statuses = processes.map { $0.wait() }
        let output = logs.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined(separator: "\n---\n")
        #expect(statuses == [0, 0], "\(output)")
        let expected = site.root.appendingPathComponent("expected")
        #expect(try runToEnd(["--source", site.root.path, "--output", expected.path]).0 == 0)
        #expect(snapshotFiles(in: site.output) == snapshotFiles(in: expected))
    }
}
