/// A photo under content/ as its header describes it.
public struct Photo: Sendable, Equatable {
    /// As shown: the EXIF orientation applied.
    public var width: Int
    public var height: Int
    /// The libvips loader that reads it: "jpegload", "pngload", "gifload", "webpload".
    public var loader: String
    /// Of the file's bytes: names the variants and keys the cache.
    public var contentHash: UInt64
}

/// What probing one image file found.
public enum PhotoProbe: Sendable, Equatable {
    case photo(Photo)
    /// Not an image libvips reads, or a damaged header: libvips's reason.
    case unreadable(String)
    /// More pixels than `PhotoCatalogue.maxPixels`.
    case tooLarge(width: Int, height: Int)
}

/// Every raster image under content/ (JPEG, PNG, GIF, WebP), by content-relative path.
public struct PhotoCatalogue: Sendable {
    public var photos: [String: PhotoProbe] = [:]
    /// How many files were read and hashed this time (the others' stamps were remembered).
    public var filesRead = 0

    /// File types made into web sizes; other images (SVG, ICO…) are published as they are.
    static let types: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]
    /// 150 million pixels: a 12000×9000 photo is made within memory; a 20000×20000 one is
    /// refused before it is decoded.
    static let maxPixels = 150_000_000

    public init(photos: [String: PhotoProbe] = [:]) {
        self.photos = photos
    }

    /// The photo at a content-relative path, when it is one that can be made into variants.
    func photo(at path: String) -> Photo? {
        if case .photo(let photo)? = photos[path] { return photo }
        return nil
    }

    /// The paths of the photos published by `PhotoMaker` rather than copied.
    var madeIntoVariants: Set<String> {
        Set(photos.compactMap { path, probe in if case .photo = probe { path } else { nil } })
    }
}
