import Foundation
import Testing

@testable import PortalEngine

/// The index kept beside the document store: the store opens from it instead of reading every
/// record's header, finds records appended after it by their headers, and does not use one
/// that is damaged or names another file. One that lies costs time, never content.
@Suite struct DocumentStoreIndexTests {
    func site() throws -> TestSite {
        try TestSite.withArticles(6) { "Đoạn đầu của tin \($0).\n\nĐoạn hai." }
    }

    func indexURL(_ site: TestSite) -> URL { DocumentStoreIndex.url(sourceRoot: site.root) }

    /// What reading every record's header finds.
    func walked(_ site: TestSite) throws -> [DocumentStoreIndex.Record] {
        let saved = try Data(contentsOf: indexURL(site))
        try FileManager.default.removeItem(at: indexURL(site))
        defer { try? saved.write(to: indexURL(site)) }
        return DocumentStore(sourceRoot: site.root).records
    }

    @Test func theStoreOpensFromItsIndexAndFindsWhatItsHeadersSay() throws {
        let site = try site()
        _ = try site.build()
        let store = DocumentStore(sourceRoot: site.root)
        #expect(store.indexWasWhole)
        #expect(store.records.count >= 18, "each file's document and Markdown, and its body")
        #expect(try store.records == walked(site))
    }

    @Test func recordsAppendedAfterTheIndexAreFoundByTheirHeaders() throws {
        let site = try site()
        _ = try site.build()
        let before = try Data(contentsOf: indexURL(site))
        try site.article("a7", "title: Tin số 7\ndate: 2019-07-17 08:00\ncategory: tin-tuc-su-kien", body: "Mới.")
        _ = try site.build()
        try before.write(to: indexURL(site))  // as a build into another folder appending would leave it
        let store = DocumentStore(sourceRoot: site.root)
        #expect(!store.indexWasWhole)
        #expect(try store.records == walked(site))
    }

    @Test func aDamagedIndexOrOneForAnotherFileIsNotUsed() throws {
        let site = try site()
        _ = try site.build()
        let whole = DocumentStore(sourceRoot: site.root).records
        var bytes = [UInt8](try Data(contentsOf: indexURL(site)))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: indexURL(site))
        #expect(!DocumentStore(sourceRoot: site.root).indexWasWhole)
        #expect(DocumentStore(sourceRoot: site.root).records == whole)

        // A build that adds nothing writes the index again: a file saved with the same bytes.
        let file = site.root.appendingPathComponent("content/articles/a2.md")
        try Data(contentsOf: file).write(to: file)
        #expect(try site.build().sources.loadsMade == 0)
        #expect(DocumentStore(sourceRoot: site.root).indexWasWhole)
        // The same bytes in a new file: another inode.
        let store = DocumentStore.url(sourceRoot: site.root)
        let copy = store.appendingPathExtension("copy")
        try FileManager.default.copyItem(at: store, to: copy)
        #expect(rename(copy.path, store.path) == 0)
        #expect(!DocumentStore(sourceRoot: site.root).indexWasWhole)
        #expect(DocumentStore(sourceRoot: site.root).records == whole)
    }

    /// An index in good form whose records point at one another's places: every record's own
    /// check fails there, so each is a miss, and the build writes what one without memory does.
    @Test func anIndexThatLiesCostsTimeNotContent() throws {
        let site = try site()
        _ = try site.build()
        let store = DocumentStore(sourceRoot: site.root)
        var info = stat()
        #expect(stat(store.url.path, &info) == 0)
        let records = store.records
        let shifted = records.indices.map { i in
            DocumentStoreIndex.Record(
                table: records[i].table, key: records[(i + 1) % records.count].key, range: records[i].range)
        }
        DocumentStoreIndex(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), covered: Int(info.st_size), records: shifted
        ).save(to: indexURL(site))
        #expect(DocumentStore(sourceRoot: site.root).indexWasWhole)
        try site.article("a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        let report = try site.build()
        #expect(report.sources.loadsMade >= 6, "every file parsed again: \(report.sources)")
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }
}
