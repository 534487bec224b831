import Foundation
import Testing

@testable import PortalPreview

@Suite final class StaticFileResolverTests {
    let base: URL
    let root: URL
    let outside: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)")
        root = base.appendingPathComponent("site")
        outside = base.appendingPathComponent("secret")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("tin-tuc"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try "home".write(to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "article".write(to: root.appendingPathComponent("tin-tuc/index.html"), atomically: true, encoding: .utf8)
        try "doc".write(to: root.appendingPathComponent("báo cáo.txt"), atomically: true, encoding: .utf8)
        // Stored decomposed, as a file copied from macOS may be.
        try "nfd".write(
            to: root.appendingPathComponent("ảnh.txt".decomposedStringWithCanonicalMapping), atomically: true,
            encoding: .utf8)
        try "password".write(to: outside.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("leak.txt").path, withDestinationPath: outside.path + "/key.txt")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("leakdir").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("alias.html").path, withDestinationPath: "tin-tuc/index.html")
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    var resolver: StaticFileResolver { StaticFileResolver(root: root) }

    func file(_ relative: String) -> StaticFileResolver.Resolution {
        .file(resolver.root + "/" + relative)
    }

    @Test func servesFilesAndFolderIndexes() {
        #expect(resolver.resolve("/") == file("index.html"))
        #expect(resolver.resolve("/index.html") == file("index.html"))
        #expect(resolver.resolve("/tin-tuc/") == file("tin-tuc/index.html"))
        #expect(resolver.resolve("//tin-tuc/./") == file("tin-tuc/index.html"))
    }

    @Test func redirectsAFolderWithoutItsSlash() {
        #expect(resolver.resolve("/tin-tuc") == .redirect("/tin-tuc/"))
    }

    @Test func decodesPercentEncodedVietnameseNames() {
        #expect(resolver.resolve("/b%C3%A1o%20c%C3%A1o.txt") == file("báo cáo.txt"))
        // NFC in the URL, NFD on disk.
        let nfd = "ảnh.txt".decomposedStringWithCanonicalMapping
        #expect(resolver.resolve("/%E1%BA%A3nh.txt") == file(nfd))
    }

    @Test func refusesPathsThatLeaveTheFolder() {
        #expect(resolver.resolve("/../secret/key.txt") == .forbidden)
        #expect(resolver.resolve("/tin-tuc/../../secret/key.txt") == .forbidden)
        #expect(resolver.resolve("/%2e%2e/secret/key.txt") == .forbidden)
        #expect(resolver.resolve("/%2E%2E%2Fsecret%2Fkey.txt") == .forbidden)
        #expect(resolver.resolve("/..%5csecret%5ckey.txt") == .forbidden)
        #expect(resolver.resolve("/index.html%00.txt") == .forbidden)
        #expect(resolver.resolve("/%zz") == .forbidden)
    }

    @Test func refusesSymbolicLinksOutOfTheFolderButFollowsOnesInside() {
        #expect(resolver.resolve("/leak.txt") == .forbidden)
        #expect(resolver.resolve("/leakdir/key.txt") == .forbidden)
        #expect(resolver.resolve("/alias.html") == file("tin-tuc/index.html"))
    }

    @Test func missingFilesAreNotFound() {
        #expect(resolver.resolve("/khong-co/") == .notFound)
        #expect(resolver.resolve("/khong-co.html") == .notFound)
        #expect(resolver.resolve("/index.html/x") == .notFound)
    }
}

@Suite struct ContentTypeTests {
    @Test func textTypesSayUTF8() {
        #expect(ContentTypes.forPath("/a/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("/css/portal.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("/js/portal.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("/search/t/1.json") == "application/json; charset=utf-8")
        #expect(ContentTypes.forPath("/index.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forPath("/robots.txt") == "text/plain; charset=utf-8")
    }

    @Test func imagesAndUnknowns() {
        #expect(ContentTypes.forPath("/images/a.JPG") == "image/jpeg")
        #expect(ContentTypes.forPath("/images/a.png") == "image/png")
        #expect(ContentTypes.forPath("/images/a.svg") == "image/svg+xml; charset=utf-8")
        #expect(ContentTypes.forPath("/files/a.bin") == "application/octet-stream")
        #expect(ContentTypes.forPath("/files/README") == "application/octet-stream")
        #expect(ContentTypes.forPath("/.htaccess") == "application/octet-stream")
    }
}
