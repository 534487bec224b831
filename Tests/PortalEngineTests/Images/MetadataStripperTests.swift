import Foundation
import Testing

@testable import PortalEngine

/// The full-size copy keeps the photo's pixels and loses what the camera wrote about it.
@Suite struct MetadataStripperTests {
    @Test func jpegLosesGPSAndSerialButKeepsItsOrientation() throws {
        let original = TestPhotos.photo(width: 400, height: 300, orientation: 6)
        #expect(TestPhotos.hasField(original, "exif-ifd3-GPSLatitude") == true)
        #expect(original.contains(TestPhotos.serial))

        let stripped = Data(try #require(MetadataStripper.jpeg(original)))
        #expect(TestPhotos.hasField(stripped, "exif-ifd3-GPSLatitude") == false)
        #expect(TestPhotos.hasField(stripped, "exif-ifd0-Make") == false)
        #expect(!stripped.contains(TestPhotos.serial))
        #expect(!stripped.contains("PhoneCo"))
        #expect(TestPhotos.hasField(stripped, "orientation") == true)
        #expect(MetadataStripper.orientation(tiff: ArraySlice(MetadataStripper.exifOrientation(6).dropFirst(10))) == 6)
        // Only metadata went: the compressed pixels are the same bytes.
        let scan = [UInt8](original)[try #require(sosOffset(original))...]
        #expect([UInt8](stripped).suffix(scan.count).elementsEqual(scan))
    }

    @Test func uprightJPEGGetsNoEXIFAtAll() throws {
        let stripped = Data(try #require(MetadataStripper.jpeg(TestPhotos.photo(width: 64, height: 48))))
        #expect(TestPhotos.hasField(stripped, "exif-data") == false)
    }

    @Test func pngAndWebPLoseTheirEXIF() throws {
        for (format, loader) in [("png", "pngload"), ("webp", "webpload")] {
            let original =
                format == "png" ? TestPhotos.pngWithEXIF() : TestPhotos.photo(width: 64, height: 48, format: format)
            #expect(TestPhotos.hasField(original, "exif-ifd3-GPSLatitude") == true, "\(format)")
            #expect(original.contains(TestPhotos.serial), "\(format)")
            let stripped = Data(try #require(MetadataStripper.stripped(original, loader: loader)))
            #expect(!stripped.contains(TestPhotos.serial), "\(format)")
            #expect(TestPhotos.hasField(stripped, "exif-ifd3-GPSLatitude") == false, "\(format)")
        }
    }

    @Test func turnedPNGOrWebPAndBrokenBytesAreLeftToTheEncoder() {
        for format in ["png", "webp"] {
            let turned =
                format == "png"
                ? TestPhotos.pngWithEXIF(orientation: 6)
                : TestPhotos.photo(width: 64, height: 48, orientation: 6, format: format)
            #expect(MetadataStripper.stripped(turned, loader: format + "load") == nil, "\(format)")
        }
        let jpeg = TestPhotos.photo(width: 64, height: 48)
        #expect(MetadataStripper.jpeg(jpeg.prefix(40)) == nil)
        #expect(MetadataStripper.jpeg(Data("not a photo".utf8)) == nil)
        #expect(MetadataStripper.stripped(jpeg, loader: "gifload") == nil)
    }

    private func sosOffset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 2
        while i + 4 <= bytes.count {
            if bytes[i + 1] == 0xDA { return i }
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        return nil
    }
}
