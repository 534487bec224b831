import CVipsShim
import Foundation
import Testing

@testable import PortalEngine

/// libvips through the shim, on photos made by libvips itself: a camera-sized JPEG turned by
/// its EXIF orientation, web sizes, a crop, WebP, stripped metadata and a broken file.
@Suite struct PhotoVariantsTests {
    /// A 4000×3000 JPEG whose EXIF says "turn 90° clockwise" (orientation 6), as phones write.
    func cameraPhoto() throws -> (folder: URL, path: String) {
        #expect(portal_vips_start() == 0)
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        #expect(portal_vips_test_jpeg(4000, 3000, 6, &bytes, &length) == 0)
        let data = Data(bytes: try #require(bytes), count: length)
        portal_vips_free(bytes)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("anh.jpg").path
        try data.write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    func size(of data: Data, in folder: URL, named name: String) throws -> (width: Int, height: Int) {
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return try PhotoVariants.size(of: path)
    }

    func hasField(_ data: Data, _ field: String) -> Int32 {
        data.withUnsafeBytes { portal_vips_has_field($0.baseAddress, $0.count, field) }
    }

    @Test func webSizesAreUprightNeverEnlargedAndCarryNoMetadata() throws {
        let (folder, path) = try cameraPhoto()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try PhotoVariants.size(of: path) == (3000, 4000))
        #expect(hasField(try Data(contentsOf: URL(fileURLWithPath: path)), "exif-data") == 1)

        let small = try PhotoVariants.variant(of: path, width: 800, format: .jpeg, quality: 80)
        #expect(try size(of: small, in: folder, named: "800.jpg") == (800, 1067))
        #expect(hasField(small, "exif-data") == 0)
        #expect(hasField(small, "orientation") == 0)

        let large = try PhotoVariants.variant(of: path, width: 5000, format: .jpeg, quality: 80)
        #expect(try size(of: large, in: folder, named: "large.jpg") == (3000, 4000))
    }

    @Test func thumbnailsAreCroppedToTheirShapeAndWebPWorks() throws {
        let (folder, path) = try cameraPhoto()
        defer { try? FileManager.default.removeItem(at: folder) }
        let thumbnail = try PhotoVariants.variant(of: path, width: 480, height: 360, format: .webp, quality: 75)
        #expect(thumbnail.prefix(4) == Data("RIFF".utf8))
        #expect(try size(of: thumbnail, in: folder, named: "thumb.webp") == (480, 360))
        #expect(hasField(thumbnail, "exif-data") == 0)  // libvips 8.14 writes one into WebP even with strip
    }

    @Test func allVariantsFromOneDecodeHaveTheSameSizesAsOneByOne() throws {
        let (folder, path) = try cameraPhoto()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try PhotoVariants.variants(
            of: path,
            [
                .init(width: 800, height: nil, format: .jpeg, quality: 80),
                .init(width: 5000, height: nil, format: .jpeg, quality: 80),
                .init(width: 480, height: 360, format: .webp, quality: 75),
                .init(width: 1600, height: 1200, format: .png, quality: 0),
            ])
        #expect(try size(of: made[0], in: folder, named: "a.jpg") == (800, 1067))
        #expect(try size(of: made[1], in: folder, named: "b.jpg") == (3000, 4000))
        #expect(try size(of: made[2], in: folder, named: "c.webp") == (480, 360))
        #expect(try size(of: made[3], in: folder, named: "d.png") == (1600, 1200))
        #expect(made.map { hasField($0, "exif-data") } == [0, 0, 0, 0])
        #expect(throws: PhotoVariants.Failure.self) {
            try PhotoVariants.variants(
                of: folder.appendingPathComponent("none.jpg").path, [.init(width: 80, format: .jpeg, quality: 80)])
        }
    }

    @Test func aBrokenOrMissingFileIsAFailureWithLibvipsReason() throws {
        let (folder, path) = try cameraPhoto()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let truncated = folder.appendingPathComponent("cut.jpg").path
        try whole.prefix(200).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: PhotoVariants.Failure.self) {
            try PhotoVariants.variant(of: truncated, width: 800, format: .jpeg, quality: 80)
        }
        do {
            _ = try PhotoVariants.size(of: folder.appendingPathComponent("none.jpg").path)
            Issue.record("a missing file was read")
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }
}
