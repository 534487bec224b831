/// Where an article uses a photo: its variants are made only for photos in use, and a photo
/// that cannot be made is reported at each place that uses it.
public struct PhotoUse: Sendable, Equatable {
    /// Content-relative path of the photo.
    public var path: String
    /// The article's source path and the reference's position in it.
    public var file: String
    public var position: SourcePosition?
}

/// The HTML of a photo shown at reading width (in a body, or as the lead image): `<picture>`
/// with a WebP source when there is one, `srcset` and `sizes` so a phone loads a small copy,
/// and `width`/`height` so the page does not jump when it arrives.
enum PhotoMarkup {
    /// The body column is at most 800 px wide; full width on a phone.
    static let readingSizes = "(max-width: 840px) 100vw, 800px"

    static func picture(
        _ plan: PhotoVariantPlan, urls: SiteURLs, alt: String, title: String = "", lazy: Bool,
        sizes: String = readingSizes
    ) -> String {
        var img = "<img src=\"\(HTMLEscaping.escape(plan.fallback.url(urls)))\""
        img += " srcset=\"\(HTMLEscaping.escape(PhotoVariantPlan.srcset(plan.widths, urls: urls)))\""
        img += " sizes=\"\(sizes)\" width=\"\(plan.fallback.width)\" height=\"\(plan.fallback.height)\""
        img += " alt=\"\(HTMLEscaping.escape(alt))\""
        if !title.isEmpty { img += " title=\"\(HTMLEscaping.escape(title))\"" }
        img += lazy ? " loading=\"lazy\" decoding=\"async\">" : " decoding=\"async\">"
        guard !plan.webpWidths.isEmpty else { return img }
        let webp = HTMLEscaping.escape(PhotoVariantPlan.srcset(plan.webpWidths, urls: urls))
        return "<picture><source type=\"image/webp\" srcset=\"\(webp)\" sizes=\"\(sizes)\">\(img)</picture>"
    }
}
