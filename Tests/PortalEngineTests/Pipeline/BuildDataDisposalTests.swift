import Foundation
import Testing

@testable import PortalEngine

/// A finished build's data is freed as it returns, on another thread just after, or never
/// (the CLI, whose process ends).
@Suite struct BuildDataDisposalTests {
    final class Data: @unchecked Sendable {}

    /// Hands a new object to `disposal` and returns a weak reference to it.
    func handOver(_ disposal: BuildDataDisposal) -> () -> Data? {
        var data: Data? = Data()
        weak let watched = data
        disposal.dispose(data!)
        data = nil
        return { watched }
    }

    @Test func eachDisposalFreesWhenItSays() async throws {
        #expect(handOver(.free)() == nil)
        let background = handOver(.freeInBackground)
        for _ in 0..<200 where background() != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(background() == nil)
        #expect(handOver(.keepUntilExit)() != nil)
    }

    @Test func theOutputIsTheSameWhateverBecomesOfTheData() throws {
        let site = try TestSite.withArticles(3) { "Nội dung \($0)." }
        var outputs: [[String: Foundation.Data]] = []
        for disposal in [BuildDataDisposal.free, .freeInBackground, .keepUntilExit] {
            var options = BuildOptions(
                sourceRoot: site.root, output: site.root.appendingPathComponent("out-\(outputs.count)"),
                now: TestSite.now, useCache: false)
            options.dataDisposal = disposal
            _ = try SiteBuilder.build(options)
            outputs.append(snapshotFiles(in: options.output))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }
}
