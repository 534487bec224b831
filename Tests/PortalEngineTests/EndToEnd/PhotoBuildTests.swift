import Foundation
import Testing

@testable import PortalEngine

/// Photos through a whole build, on a temporary site with photos as phones write them:
/// variants, markup, orientation, metadata, the cache, and every kind of bad photo.
@Suite struct PhotoBuildTests {
    /// One article with a rotated phone photo as its lead image and another in its body, and
    /// one article without a photo.
    func siteWithPhotos(siteYAML: String = TestSite.siteYAML) throws -> TestSite {
        let site = try TestSite(siteYAML: siteYAML)
        try site.write("content/images/hop.jpg", TestPhotos.photo(width: 2000, height: 1500, orientation: 6))
        try site.write("content/images/ngang.jpg", TestPhotos.photo(width: 1000, height: 750))
        try site.article(
            "co-anh",
            "slug: co-anh\ntitle: Hội nghị sơ kết\ndate: 2019-07-10 08:00\ncategory: tin-tuc-su-kien\nimage: images/hop.jpg",
            body: "Mở đầu.\n\n![Toàn cảnh hội nghị](../images/ngang.jpg \"Ảnh: Ban\")\n*Toàn cảnh*\n")
        try site.article("khong-anh", "title: Tin không ảnh\ndate: 2019-07-09 08:00\ncategory: tin-tuc-su-kien")
        return site
    }

    func outputFile(_ site: TestSite, _ path: String) -> URL { site.output.appendingPathComponent(path) }

    @Test func variantsAreMadeUprightAndNamedByTheMarkup() throws {
        let site = try siteWithPhotos()
        let report = try site.build()
        #expect(report.photosMade == 2)
        let page = try site.html("co-anh/index.html")
        // The rotated 2000×1500 photo is 1500 wide upright: 480, 800, 1200 and its own 1500.
        for width in [480, 800, 1200, 1500] {
            let name = try #require(variantName(in: page, width: width, ext: "jpg"), "\(width)")
            #expect(try TestPhotos.size(of: outputFile(site, name)).width == width)
            #expect(site.exists(name.replacingOccurrences(of: ".jpg", with: ".webp")))
        }
        #expect(!page.contains("1600w"))
        let w800 = try #require(variantName(in: page, width: 800, ext: "jpg"))
        #expect(try TestPhotos.size(of: outputFile(site, w800)) == (800, 1067))
        #expect(page.contains("width=\"800\" height=\"1067\""))
        #expect(page.contains("<source type=\"image/webp\" srcset=\"/images/hop-480w."))

        // The body photo: a <picture> with srcset, sizes, size, lazy loading, alt and title.
        let body = try #require(page.range(of: "<div class=\"article-body\">").map { String(page[$0.upperBound...]) })
        #expect(body.contains("<picture><source type=\"image/webp\" srcset=\"/images/ngang-480w."))
        #expect(body.contains("sizes=\"(max-width: 840px) 100vw, 800px\" width=\"800\" height=\"600\""))
        #expect(body.contains("alt=\"Toàn cảnh hội nghị\" title=\"Ảnh: Ban\" loading=\"lazy\" decoding=\"async\">"))
        #expect(body.contains("ngang-1000w."))  // its own width, not 1200
        #expect(body.contains("<em>Toàn cảnh</em>"))  // the caption stays as it was
        // Social previews name a copy, not the 2000-pixel original.
        #expect(page.contains("og:image\" content=\"https://thidua.example.gov.vn/images/hop-1200w."))
    }

    @Test func listsShowCroppedThumbnailsAndAPlaceholderOfTheSameSize() throws {
        let site = try siteWithPhotos()
        _ = try site.build()
        let list = try site.html("chuyen-muc/tin-tuc-su-kien/index.html")
        let thumb = try #require(firstMatch(#"/images/hop-160x120\.[0-9a-f]+\.jpg"#, in: list))
        #expect(try TestPhotos.size(of: outputFile(site, String(thumb.dropFirst()))) == (160, 120))
        #expect(list.contains("-320x240."))
        #expect(list.contains("width=\"160\" height=\"120\" alt=\"\" loading=\"lazy\" decoding=\"async\""))
        #expect(list.contains("<span class=\"thumb thumb-empty\" aria-hidden=\"true\"></span>"))
    }

    @Test func nothingPublishedCarriesTheCamerasMetadata() throws {
        let site = try siteWithPhotos()
        _ = try site.build()
        let files = try site.snapshotOutput()
        let images = files.filter { [".jpg", ".webp", ".png"].contains(where: $0.key.hasSuffix) }
        #expect(images.count >= 20)
        for (path, bytes) in images {
            #expect(!bytes.contains(TestPhotos.serial), "\(path)")
            #expect(!bytes.contains("PhoneCo"), "\(path)")
            #expect(TestPhotos.hasField(bytes, "exif-ifd3-GPSLatitude") == false, "\(path)")
        }
        // The photo's own address holds a full-size copy: stripped, still shown upright.
        let full = try #require(files["images/hop.jpg"])
        let original = try Data(contentsOf: site.root.appendingPathComponent("content/images/hop.jpg"))
        #expect(full.count < original.count)
        #expect(try TestPhotos.size(of: outputFile(site, "images/hop.jpg")) == (1500, 2000))
    }

    @Test func keepOriginalsPublishesThePhotosOwnBytes() throws {
        let site = try siteWithPhotos(
            siteYAML: TestSite.siteYAML + "\nimages:\n  keep_originals: true\n  webp: false\n")
        _ = try site.build()
        let original = try Data(contentsOf: site.root.appendingPathComponent("content/images/hop.jpg"))
        #expect(try Data(contentsOf: outputFile(site, "images/hop.jpg")) == original)
        #expect(!(try site.html("co-anh/index.html")).contains(".webp"))
    }

    @Test func aRebuildTakesVariantsFromTheCacheAndKeepsTheirFiles() throws {
        let site = try siteWithPhotos()
        let first = try site.build()
        #expect(first.photosMade == 2 && first.photosRead == 2)
        let page = try site.html("co-anh/index.html")
        let name = try #require(variantName(in: page, width: 800, ext: "jpg"))
        let before = try inode(outputFile(site, name))

        try site.article("khong-anh", "title: Tin không ảnh, sửa\ndate: 2019-07-09 08:00\ncategory: tin-tuc-su-kien")
        let again = try site.build()
        #expect(again.photosMade == 0)
        #expect(again.photosRead == 0)
        #expect(again.photosFromCache == 2)
        #expect(try inode(outputFile(site, name)) == before)

        // A photo replaced under the same name gets new variants with a new name.
        try site.write("content/images/ngang.jpg", TestPhotos.photo(width: 1000, height: 750, orientation: 3))
        let replaced = try site.build()
        #expect(replaced.photosMade == 1)
        #expect(replaced.photosRead == 1)
        #expect(try site.html("co-anh/index.html") != page)
    }

    @Test func pngGIFAndWebPPhotosWorkAndSVGIsCopiedAsItIs() throws {
        let site = try TestSite()
        try site.write("content/a.png", TestPhotos.photo(width: 900, height: 600, format: "png"))
        try site.write("content/b.gif", TestPhotos.photo(width: 300, height: 200, gps: false, format: "gif"))
        try site.write("content/c.webp", TestPhotos.photo(width: 900, height: 600, format: "webp"))
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"
        try site.write("content/d.svg", svg)
        try site.article(
            "x", "slug: x\ntitle: Ảnh các loại\ndate: 2019-07-10 08:00\ncategory: tin-tuc-su-kien",
            body: "![a](../a.png)\n\n![b](../b.gif)\n\n![c](../c.webp)\n\n![d](../d.svg)\n")
        _ = try site.build()
        let page = try site.html("x/index.html")
        #expect(page.contains("/a-800w.") && page.contains(".png 800w"))
        #expect(page.contains("/b-300w.") && page.contains(".png 300w"))  // a GIF's copies are PNG
        #expect(page.contains("/c-800w.") && page.contains(".webp 800w"))
        #expect(page.contains("<img src=\"/d.svg\" alt=\"d\" />"))
        let gif = try Data(contentsOf: site.root.appendingPathComponent("content/b.gif"))
        #expect(try Data(contentsOf: outputFile(site, "b.gif")) == gif)
        #expect(try String(contentsOf: outputFile(site, "d.svg"), encoding: .utf8) == svg)
    }

    @Test func theOutputCheckFollowsEverySrcset() throws {
        let site = try siteWithPhotos()
        _ = try site.build()
        #expect(OutputCheck.run(output: site.output).problems.isEmpty)
        // The 1200-pixel copy of the lead photo is named only in the article's srcset.
        let name = try #require(variantName(in: try site.html("co-anh/index.html"), width: 1200, ext: "jpg"))
        try FileManager.default.removeItem(at: outputFile(site, name))
        let problems = OutputCheck.run(output: site.output).problems
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains(name) == true)
    }

    @Test func relativeURLsReachIntoSrcset() throws {
        let site = try siteWithPhotos(siteYAML: TestSite.siteYAML + "\nrelative_urls: true\n")
        _ = try site.build()
        let page = try site.html("co-anh/index.html")
        #expect(page.contains("srcset=\"../images/hop-480w."))
        #expect(page.contains(", ../images/hop-800w."))
        #expect(!page.contains(" /images/"))
    }

    // MARK: bad photos

    /// Builds a good site first, breaks it with `breakIt`, and returns the failed build's
    /// diagnostics, after checking that public/ is as it was.
    func failure(_ breakIt: (TestSite) throws -> Void) throws -> [Diagnostic] {
        let site = try siteWithPhotos()
        _ = try site.build()
        let before = try site.snapshotOutput()
        try breakIt(site)
        let problems = try #require(site.buildFailure())
        #expect(try site.snapshotOutput() == before)
        return problems
    }

    /// The one error of a build broken by `breakIt`: where ("file:line:col"), which, and its text.
    func onlyError(_ breakIt: (TestSite) throws -> Void) throws -> (at: String, id: MessageID, text: String) {
        let problems = try failure(breakIt)
        #expect(problems.count == 1, "\(problems)")
        let e = try #require(problems.first)
        return ("\(e.file):\(e.position?.line ?? 0):\(e.position?.column ?? 0)", e.text.id, e.description)
    }

    @Test func aCorruptPhotoIsAnErrorWhereTheArticleUsesIt() throws {
        let error = try onlyError { site in
            try site.write("content/images/ngang.jpg", Data("đây không phải là ảnh".utf8))
        }
        #expect(error.at == "content/articles/co-anh.md:11:1" && error.id == .photoUnreadable)
        #expect(error.text.contains("content/images/ngang.jpg"))
    }

    @Test func aTruncatedPhotoIsAnErrorAtTheLeadImage() throws {
        let error = try onlyError { site in
            let whole = TestPhotos.photo(width: 2000, height: 1500, orientation: 6)
            try site.write("content/images/hop.jpg", whole.prefix(whole.count / 2))
        }
        #expect(error.at == "content/articles/co-anh.md:6:8" && error.id == .photoDamaged)
        #expect(error.text.contains("content/images/hop.jpg"))
    }

    /// A web size that cannot be saved (here the cache's folder is a file; a full disk is
    /// the same error) does not blame the photo.
    @Test func aPhotoThatCannotBeSavedSaysTheDiskNotThePhoto() throws {
        let problems = try failure { site in
            let photos = site.root.appendingPathComponent(".build-site-cache/photos")
            try FileManager.default.removeItem(at: photos)
            try Data("not a folder".utf8).write(to: photos)
            try site.write("content/images/hop.jpg", TestPhotos.photo(width: 1800, height: 1200))
        }
        // Both photos, where the article uses them, and neither called damaged.
        #expect(problems.map(\.text.id) == [.photoNotWritten, .photoNotWritten])
        let lead = try #require(problems.first { $0.description.contains("content/images/hop.jpg") })
        #expect(lead.file == "content/articles/co-anh.md" && lead.position?.line == 6)
    }

    @Test func aHugePhotoIsRefusedBeforeItIsDecoded() throws {
        let error = try onlyError { site in
            try site.write("content/images/lon.png", TestPhotos.pngHeader(width: 20000, height: 20000))
            try site.article(
                "khong-anh", "title: Tin không ảnh\ndate: 2019-07-09 08:00\ncategory: tin-tuc-su-kien",
                body: "![Ảnh lớn](../images/lon.png)")
        }
        #expect(error.at == "content/articles/khong-anh.md:7:1" && error.id == .photoTooLarge)
        #expect(error.text.contains("20000×20000"))
    }

    @Test func anUnsupportedImageIsAnErrorThatSaysWhatToDo() throws {
        let error = try onlyError { site in
            // A TIFF saved with a .jpg name: libvips reads it, a browser does not.
            try site.write("content/images/ngang.jpg", tiff())
        }
        #expect(error.at == "content/articles/co-anh.md:11:1" && error.id == .photoUnreadable)
        #expect(error.text.contains("tiffload"))
    }

    @Test func badImageSettingsAreErrorsInSiteYAML() throws {
        let site = try TestSite(
            siteYAML: TestSite.siteYAML + "\nimages:\n  quality: 0\n  widths: [480, x]\n  sizes: 3\n")
        let problems = try #require(site.buildFailure())
        #expect(problems.map(\.text.id) == [.imagesQualityInvalid, .imagesSizeInvalid, .urlsUnknownKey])
        #expect(problems.allSatisfy { $0.file == "site/site.yaml" && $0.position != nil })
    }

    // MARK: helpers

    func variantName(in page: String, width: Int, ext: String) -> String? {
        firstMatch(#"/images/[a-z]+-\#(width)w\.[0-9a-f]+\.\#(ext)"#, in: page).map { String($0.dropFirst()) }
    }

    func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return String(text[range])
    }

    func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }

    /// A tiny uncompressed TIFF (2×2 grey).
    func tiff() -> Data {
        var b: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
        let entries: [(UInt16, UInt16, UInt32, UInt32)] = [
            (256, 3, 1, 2), (257, 3, 1, 2), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, 1, 8 + 2 + 8 * 12 + 4), (277, 3, 1, 1), (279, 4, 1, 4),
        ]
        b += [UInt8(entries.count), 0]
        for (tag, type, count, value) in entries {
            b += [UInt8(tag & 0xFF), UInt8(tag >> 8), UInt8(type), 0]
            b += withUnsafeBytes(of: count.littleEndian, Array.init)
            b += withUnsafeBytes(of: value.littleEndian, Array.init)
        }
        b += [0, 0, 0, 0, 10, 80, 160, 240]
        return Data(b)
    }
}
