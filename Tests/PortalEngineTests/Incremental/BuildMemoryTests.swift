import Foundation
import Testing

@testable import PortalEngine

/// The memory of the last output describes its files: when an editor deletes the output folder,
/// it is not read (at 100,000 articles it is tens of megabytes parsed beside the model), and
/// the build makes the whole site again.
@Suite struct BuildMemoryTests {
    @Test func theMemoryOfAnOutputThatIsGoneIsNotRead() throws {
        let site = try TestSite.withArticles(4) { "Tin \($0)." }
        _ = try site.build()
        let kept = BuildMemory.read(root: site.root, output: site.output, inPlace: false)
        #expect(!(kept.pages?.entries.isEmpty ?? true) && kept.searchIndex != nil && kept.pageInputs != nil)
        #expect(kept.folders.output != nil)

        let before = try site.snapshotOutput()
        try FileManager.default.removeItem(at: site.output)
        let gone = BuildMemory.read(root: site.root, output: site.output, inPlace: false)
        #expect(gone.pages?.entries.isEmpty == true && gone.searchIndex == nil && gone.pageInputs == nil)
        #expect(gone.folders.output == nil && gone.folders.spare == nil)
        let report = try site.build()
        #expect(report.pagesReused == 0)
        #expect(try site.snapshotOutput() == before)
    }
}
