import CVipsShim
import Foundation

/// Web-sized copies of a photo through libvips: shrunk while it is decoded (a 4000×3000 JPEG
/// is read at 1/8 scale for a thumbnail), turned upright by its EXIF orientation, in sRGB, with
/// every metadata field dropped (no GPS position, no camera serial). `PhotoMaker` asks it for
/// every copy a photo needs at once.
enum PhotoVariants {
    enum Format: String, Sendable {
        case jpeg, webp, png
    }

    /// What libvips said when it could not read or write an image.
    struct Failure: Error, Sendable {
        var reason: String
    }

    /// Width and height as the photo is shown (its EXIF orientation applied), from its header.
    static func size(of path: String) throws(Failure) -> (width: Int, height: Int) {
        try start()
        var width: Int32 = 0
        var height: Int32 = 0
        guard portal_vips_size(path, &width, &height) == 0 else { throw failure() }
        return (Int(width), Int(height))
    }

    /// At most `width` pixels wide (never enlarged), or exactly `width`×`height` cropped around
    /// what draws the eye when `height` is given.
    static func variant(of path: String, width: Int, height: Int? = nil, format: Format, quality: Int)
        throws(Failure) -> Data
    {
        try variants(of: path, [Request(width: width, height: height, format: format, quality: quality)])[0]
    }

    /// One variant: at most `width` wide, or cropped to `width`×`height`.
    struct Request: Sendable {
        var width: Int
        var height: Int?
        var format: Format
        var quality: Int
    }

    /// Every variant of one photo from a single decode (decoding is most of the cost).
    static func variants(of path: String, _ requests: [Request]) throws(Failure) -> [Data] {
        try start()
        let formats = requests.map { strdup($0.format.rawValue) }
        defer { formats.forEach { free($0) } }
        var asked = requests.enumerated().map { i, request in
            portal_vips_request(
                width: Int32(request.width), height: Int32(request.height ?? 0), format: formats[i],
                quality: Int32(request.quality), bytes: nil, length: 0)
        }
        guard portal_vips_variants(path, &asked, Int32(asked.count)) == 0 else { throw failure() }
        return asked.map { made in
            defer { portal_vips_free(made.bytes) }
            return made.bytes.map { Data(bytes: $0, count: made.length) } ?? Data()
        }
    }

    static func start() throws(Failure) {
        guard portal_vips_start() == 0 else { throw failure() }
    }

    /// libvips's last error for this failure, then cleared.
    static func failure() -> Failure {
        let reason = String(cString: portal_vips_last_error()).trimmingCharacters(in: .whitespacesAndNewlines)
        portal_vips_clear_error()
        return Failure(reason: reason.isEmpty ? "libvips failed" : reason)
    }
}
