/// How photos are published (`images:` in site.yaml): the widths offered to browsers, the list
/// thumbnail's size, the encoders' quality, WebP copies, and whether the original bytes are
/// published as they are.
public struct PhotoSettings: Sendable, Equatable {
    /// Widths for `srcset`, ascending; a photo is never enlarged, so a narrower one gets fewer.
    public var widths = [480, 800, 1200, 1600]
    /// The width a body or lead image's `src` falls back to (the nearest offered).
    public var defaultWidth = 800
    /// The list thumbnail at 1x; a 2x copy is made too.
    public var thumbnailWidth = 160
    public var thumbnailHeight = 120
    /// JPEG and WebP quality, 1-100.
    public var quality = 80
    public var webp = true
    /// Publish the photo's own bytes, metadata and all, instead of a copy without it.
    public var keepOriginals = false

    public init() {}

    /// Everything that changes a variant's bytes or names, for the cache's key.
    var fingerprint: String {
        "w\(widths) d\(defaultWidth) t\(thumbnailWidth)x\(thumbnailHeight) q\(quality) webp\(webp) keep\(keepOriginals)"
    }
}
