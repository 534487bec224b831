/// The web-sized copies of one photo and where each is published: the same for every build
/// with the same photo and settings, so the markup can be written before the copies are made.
struct PhotoVariantPlan: Sendable, Equatable {
    /// One file to make.
    struct Variant: Sendable, Equatable {
        var width, height: Int
        /// Cropped to `width`×`height`; otherwise scaled to `width`.
        var cropped: Bool
        var format: PhotoVariants.Format
        /// Inside the cache's folder of the photo: "800w.jpg", "160x120.webp".
        var fileName: String
        /// Inside the output, beside the photo: "images/2019/anh-800w.1a2b3c4d.jpg".
        var outputPath: String

        /// Its address on the site.
        func url(_ urls: SiteURLs) -> String { urls.asset(URLEncoding.encodePath(outputPath)) }
    }

    /// Scaled, ascending widths, in the photo's own format (PNG for a GIF) and in WebP.
    var widths, webpWidths: [Variant]
    /// Cropped list thumbnails, 1x then 2x.
    var thumbnails, webpThumbnails: [Variant]
    /// What `src` names: the width nearest the settings' default.
    var fallback: Variant

    var all: [Variant] { widths + webpWidths + thumbnails + webpThumbnails }

    init(photo: Photo, path: String, settings: PhotoSettings) {
        let own: PhotoVariants.Format =
            switch photo.loader {
            case "pngload", "gifload": .png
            case "webpload": .webp
            default: .jpeg
            }
        let withWebP = settings.webp && own != .webp
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? String(name)
        let prefix = String(path[..<slash]) + stem + "-"
        let hash = String(String(photo.contentHash, radix: 16).suffix(8))
        func variant(_ w: Int, _ h: Int, cropped: Bool, _ format: PhotoVariants.Format) -> Variant {
            let label = cropped ? "\(w)x\(h)" : "\(w)w"
            let ext = format == .jpeg ? "jpg" : format.rawValue
            return Variant(
                width: w, height: h, cropped: cropped, format: format, fileName: label + "." + ext,
                outputPath: prefix + label + "." + hash + "." + ext)
        }

        // Never enlarged: widths above the photo's give way to the photo's own width.
        var sizes = settings.widths.filter { $0 < photo.width }
        if sizes.count < settings.widths.count { sizes.append(photo.width) }
        let scaled = sizes.map { w in
            (w, max(1, Int((Double(photo.height) * Double(w) / Double(photo.width)).rounded())))
        }
        widths = scaled.map { variant($0.0, $0.1, cropped: false, own) }
        webpWidths = withWebP ? scaled.map { variant($0.0, $0.1, cropped: false, .webp) } : []

        let boxes = Self.thumbnailBoxes(photo: photo, width: settings.thumbnailWidth, height: settings.thumbnailHeight)
        thumbnails = boxes.map { variant($0.0, $0.1, cropped: true, own) }
        webpThumbnails = withWebP ? boxes.map { variant($0.0, $0.1, cropped: true, .webp) } : []

        let nearest = widths.min { abs($0.width - settings.defaultWidth) < abs($1.width - settings.defaultWidth) }
        fallback = nearest ?? widths[0]
    }

    /// The 1x and 2x boxes a photo covers; a photo smaller than the 1x box gets the largest box
    /// of that shape inside it.
    static func thumbnailBoxes(photo: Photo, width: Int, height: Int) -> [(Int, Int)] {
        if photo.width >= 2 * width && photo.height >= 2 * height { return [(width, height), (2 * width, 2 * height)] }
        if photo.width >= width && photo.height >= height { return [(width, height)] }
        let scale = min(Double(photo.width) / Double(width), Double(photo.height) / Double(height))
        return [(max(1, Int(Double(width) * scale)), max(1, Int(Double(height) * scale)))]
    }

    /// `srcset` of scaled or cropped variants, with their widths: "u1 480w, u2 800w".
    static func srcset(_ variants: [Variant], urls: SiteURLs) -> String {
        variants.map { $0.url(urls) + " \($0.width)w" }.joined(separator: ", ")
    }
}
