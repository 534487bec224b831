import Foundation

/// A photo's own bytes without what a camera or phone wrote about it (EXIF with its GPS
/// position and serial numbers, XMP, IPTC, comments), pixels untouched: the full-size copy
/// published at the photo's address costs a file copy instead of a decode and a lossy encode.
/// The colour profile is kept, and so is the EXIF orientation (alone in a new EXIF block), or
/// the copy would show on its side.
enum MetadataStripper {
    /// nil when the bytes are not what this reads (the caller re-encodes the photo instead).
    static func stripped(_ bytes: Data, loader: String) -> [UInt8]? {
        switch loader {
        case "jpegload": return jpeg(bytes)
        case "pngload": return png(bytes)
        case "webpload": return webp(bytes)
        default: return nil
        }
    }

    /// Keeps APP0 (JFIF), the ICC profile (APP2) and APP14 (Adobe's colour transform) with every
    /// non-APP segment; drops the other APPn and COM segments.
    static func jpeg(_ bytes: Data) -> [UInt8]? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var kept: [UInt8] = [0xFF, 0xD8]
        kept.reserveCapacity(bytes.count)
        var orientation = 1
        var afterJFIF = 2
        var i = 2
        while i + 4 <= bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            let marker = bytes[i + 1]
            if marker == 0xFF {
                i += 1
                continue
            }
            if marker == 0xDA {
                kept += bytes[i...]
                return orientation == 1 ? kept : kept.inserting(exifOrientation(orientation), at: afterJFIF)
            }
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard length >= 2, i + 2 + length <= bytes.count else { return nil }
            let segment = bytes[i..<(i + 2 + length)]
            let body = bytes[(i + 4)..<(i + 2 + length)]
            switch marker {
            case 0xE0:
                kept += segment
                if afterJFIF == 2 { afterJFIF = kept.count }
            case 0xE1:
                if body.starts(with: Array("Exif\0\0".utf8)) { orientation = Self.orientation(tiff: body.dropFirst(6)) }
            case 0xE2 where body.starts(with: Array("ICC_PROFILE\0".utf8)),
                0xEE where body.starts(with: Array("Adobe".utf8)):
                kept += segment
            case 0xE2...0xEF, 0xFE:
                break
            default:
                kept += segment
            }
            i += 2 + length
        }
        return nil
    }

    /// Drops the text, time and EXIF chunks. An EXIF block that turns the photo is not dropped
    /// silently: nil, so the photo is re-encoded upright.
    static func png(_ bytes: Data) -> [UInt8]? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.starts(with: signature) else { return nil }
        var kept = signature
        var i = 8
        while i + 12 <= bytes.count {
            let length = Int(bigEndian32(bytes, at: i))
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let end = i + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            if type == "eXIf", orientation(tiff: bytes[(i + 8)..<(i + 8 + length)]) != 1 { return nil }
            if !["eXIf", "tEXt", "zTXt", "iTXt", "tIME"].contains(type) { kept += bytes[i..<end] }
            i = end
            if type == "IEND" { return kept }
        }
        return nil
    }

    /// Drops the EXIF and XMP chunks and clears their flags; nil for an EXIF block that turns
    /// the photo.
    static func webp(_ bytes: Data) -> [UInt8]? {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8)
        else { return nil }
        var kept = Array(bytes[0..<12])
        var i = 12
        while i + 8 <= bytes.count {
            let size = Int(littleEndian32(bytes, at: i + 4))
            let end = i + 8 + size + (size & 1)
            guard end <= bytes.count || i + 8 + size == bytes.count else { return nil }
            let chunk = bytes[i..<min(end, bytes.count)]
            let type = String(decoding: bytes[i..<(i + 4)], as: UTF8.self)
            if type == "EXIF", orientation(tiff: chunk.dropFirst(8).prefix(size)) != 1 { return nil }
            if type == "VP8X", size >= 1 {
                kept += chunk
                kept[kept.count - chunk.count + 8] &= ~0x0C
            } else if type != "EXIF" && type != "XMP " {
                kept += chunk
            }
            i = end
        }
        let riffSize = UInt32(kept.count - 8)
        for k in 0..<4 { kept[4 + k] = UInt8(truncatingIfNeeded: riffSize >> (8 * UInt32(k))) }
        return kept
    }

    /// The orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block; 1 when absent.
    static func orientation(tiff: some Collection<UInt8>) -> Int {
        var t = Array(tiff)
        // libvips writes WebP's EXIF chunk with JPEG's "Exif\0\0" in front of the TIFF block.
        if t.starts(with: Array("Exif\0\0".utf8)) { t.removeFirst(6) }
        guard t.count >= 8 else { return 1 }
        let little = t[0] == 0x49
        func u16(_ at: Int) -> Int? {
            guard at + 2 <= t.count else { return nil }
            return little ? Int(t[at]) | Int(t[at + 1]) << 8 : Int(t[at]) << 8 | Int(t[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return 1 }
        for entry in 0..<count {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at) else { return 1 }
            if tag == 0x0112, let value = u16(at + 8), (1...8).contains(value) { return value }
        }
        return 1
    }

    /// An APP1 segment holding only the orientation tag.
    static func exifOrientation(_ value: Int) -> [UInt8] {
        let tiff: [UInt8] = [
            0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,  // little-endian, IFD0 at 8
            0x01, 0x00,  // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, UInt8(value), 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,  // no next IFD
        ]
        let body = Array("Exif\0\0".utf8) + tiff
        let length = body.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
    }

    private static func bigEndian32(_ b: Data, at i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func littleEndian32(_ b: Data, at i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}

extension Array {
    fileprivate func inserting(_ elements: [Element], at index: Int) -> [Element] {
        var copy = self
        copy.insert(contentsOf: elements, at: index)
        return copy
    }
}
