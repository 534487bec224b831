import CVipsShim
import Foundation

@testable import PortalEngine

/// Photos as phones write them, made by libvips for the tests: a textured gradient with EXIF
/// orientation, a camera make and serial number, and a GPS position.
enum TestPhotos {
    /// The serial number every test photo carries, to look for in what was published.
    static let serial = "SN-0042-TEST"

    static func photo(
        width: Int = 1200, height: Int = 900, orientation: Int = 1, gps: Bool = true, format: String = "jpeg"
    ) -> Data {
        precondition(portal_vips_start() == 0)
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let failed = portal_vips_test_photo(
            Int32(width), Int32(height), Int32(orientation), gps ? 1 : 0, format, 85, &bytes, &length)
        precondition(failed == 0, String(cString: portal_vips_last_error()))
        defer { portal_vips_free(bytes) }
        return Data(bytes: bytes!, count: length)
    }

    /// Whether image bytes carry a metadata field ("exif-ifd3-GPSLatitude"); nil when unreadable.
    static func hasField(_ data: Data, _ field: String) -> Bool? {
        let has = data.withUnsafeBytes { portal_vips_has_field($0.baseAddress, $0.count, field) }
        return has < 0 ? nil : has == 1
    }

    /// Width and height as shown (orientation applied).
    static func size(of url: URL) throws -> (width: Int, height: Int) {
        try PhotoVariants.size(of: url.path)
    }

    /// A PNG whose header says `width`×`height` but holds no pixels: a huge image costs
    /// nothing to make, and only its header may be read.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        func be(_ v: UInt32) -> [UInt8] {
            [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        let ihdr: [UInt8] = Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0]
        let crc = crc32(ihdr)
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += be(13) + ihdr + be(crc)
        bytes += be(0) + Array("IDAT".utf8) + be(crc32(Array("IDAT".utf8)))
        bytes += be(0) + Array("IEND".utf8) + be(crc32(Array("IEND".utf8)))
        return Data(bytes)
    }

    /// A PNG with an eXIf chunk as some cameras and editors write it (libvips writes none): the
    /// EXIF block of a phone JPEG, GPS and serial included.
    static func pngWithEXIF(orientation: Int = 1) -> Data {
        let png = [UInt8](photo(width: 64, height: 48, format: "png"))
        let jpeg = [UInt8](photo(width: 64, height: 48, orientation: orientation))
        // The JPEG's APP1 segment right after SOI (and JFIF, when libvips writes one).
        var i = 2
        var tiff: [UInt8] = []
        while i + 4 <= jpeg.count, tiff.isEmpty {
            let length = Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])
            if jpeg[i + 1] == 0xE1 { tiff = Array(jpeg[(i + 10)..<(i + 2 + length)]) }
            i += 2 + length
        }
        func be(_ v: Int) -> [UInt8] {
            [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        let body = Array("eXIf".utf8) + tiff
        let chunk = be(tiff.count) + body + be(Int(crc32(body)))
        let afterIHDR = 8 + 12 + 13
        return Data(png[..<afterIHDR] + chunk + png[afterIHDR...])
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension Data {
    /// Whether `text`'s bytes occur anywhere in these bytes.
    func contains(_ text: String) -> Bool {
        range(of: Data(text.utf8)) != nil
    }
}
