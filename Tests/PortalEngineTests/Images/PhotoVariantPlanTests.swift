import Testing

@testable import PortalEngine

/// Which copies of a photo are made and what they are called.
@Suite struct PhotoVariantPlanTests {
    func photo(_ width: Int, _ height: Int, _ loader: String = "jpegload") -> Photo {
        Photo(width: width, height: height, loader: loader, contentHash: 0x1234_5678_9abc_def0)
    }

    @Test func widthsAreNeverLargerThanThePhoto() {
        let settings = PhotoSettings()
        let large = PhotoVariantPlan(photo: photo(4000, 3000), path: "images/a.jpg", settings: settings)
        #expect(large.widths.map(\.width) == [480, 800, 1200, 1600])
        #expect(large.widths.map(\.height) == [360, 600, 900, 1200])
        #expect(large.fallback.width == 800)
        #expect(large.widths[1].outputPath == "images/a-800w.9abcdef0.jpg")
        #expect(large.webpWidths.map(\.outputPath).last == "images/a-1600w.9abcdef0.webp")

        let small = PhotoVariantPlan(photo: photo(1000, 750), path: "a.jpg", settings: settings)
        #expect(small.widths.map(\.width) == [480, 800, 1000])
        let tiny = PhotoVariantPlan(photo: photo(300, 500), path: "a.jpg", settings: settings)
        #expect(tiny.widths.map(\.width) == [300])
        #expect(tiny.fallback.width == 300)
    }

    func boxes(_ plan: PhotoVariantPlan) -> [[Int]] { plan.thumbnails.map { [$0.width, $0.height] } }

    @Test func thumbnailsAre1xAnd2xOfTheirShapeOrTheLargestThatFits() {
        let settings = PhotoSettings()
        let large = PhotoVariantPlan(photo: photo(4000, 3000), path: "a.jpg", settings: settings)
        #expect(boxes(large) == [[160, 120], [320, 240]])
        #expect(large.thumbnails.allSatisfy { $0.cropped })
        let mid = PhotoVariantPlan(photo: photo(300, 900), path: "a.jpg", settings: settings)
        #expect(boxes(mid) == [[160, 120]])
        let tiny = PhotoVariantPlan(photo: photo(100, 100), path: "a.jpg", settings: settings)
        #expect(boxes(tiny) == [[100, 75]])
    }

    @Test func formatsFollowTheOriginal() {
        var settings = PhotoSettings()
        let gif = PhotoVariantPlan(photo: photo(800, 600, "gifload"), path: "a.gif", settings: settings)
        #expect(gif.widths.allSatisfy { $0.format == .png && $0.outputPath.hasSuffix(".png") })
        let webp = PhotoVariantPlan(photo: photo(800, 600, "webpload"), path: "a.webp", settings: settings)
        #expect(webp.webpWidths.isEmpty && webp.widths.allSatisfy { $0.format == .webp })
        settings.webp = false
        let jpeg = PhotoVariantPlan(photo: photo(800, 600), path: "a.jpg", settings: settings)
        #expect(jpeg.webpWidths.isEmpty && jpeg.webpThumbnails.isEmpty)
    }
}
