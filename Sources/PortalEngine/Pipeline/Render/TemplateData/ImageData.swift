/// An article's lead image as templates see it: `image` is what `src` names; for a photo under
/// content/, `srcset`s, its shown size and a cropped list thumbnail come with it.
struct ImageData {
    /// A list thumbnail: cropped to the settings' shape at 1x and 2x.
    struct Thumbnail {
        var src, srcset, webpSrcset: String
        var width, height: Int
    }

    /// What `src` names, and the caption.
    var url, caption: String
    /// "url 480w, url 800w…" in the photo's own format and in WebP; empty for other images.
    var srcset = "", webpSrcset = ""
    /// Of the `src` copy: what the page reserves before the photo arrives.
    var width, height: Int?
    var thumbnail: Thumbnail?
    /// For social previews: a copy about 1200 px wide.
    var shareURL: String

    /// An image that is not a photo under content/ (an SVG, an external URL): used as it is.
    init(url: String, caption: String) {
        self.url = url
        self.caption = caption
        shareURL = url
    }

    init(plan: PhotoVariantPlan, caption: String, urls: SiteURLs) {
        self.init(url: plan.fallback.url(urls), caption: caption)
        srcset = PhotoVariantPlan.srcset(plan.widths, urls: urls)
        webpSrcset = PhotoVariantPlan.srcset(plan.webpWidths, urls: urls)
        (width, height) = (plan.fallback.width, plan.fallback.height)
        shareURL = (plan.widths.last { $0.width <= 1200 } ?? plan.widths[0]).url(urls)
        if let first = plan.thumbnails.first {
            thumbnail = Thumbnail(
                src: first.url(urls), srcset: PhotoVariantPlan.srcset(plan.thumbnails, urls: urls),
                webpSrcset: PhotoVariantPlan.srcset(plan.webpThumbnails, urls: urls), width: first.width,
                height: first.height)
        }
    }

    var fields: [String: TemplateValue] {
        var fields: [String: TemplateValue] = ["image": .text(url), "image_caption": .text(caption)]
        if !srcset.isEmpty { fields["image_srcset"] = .text(srcset) }
        if !webpSrcset.isEmpty { fields["image_webp_srcset"] = .text(webpSrcset) }
        if let width, let height {
            fields["image_width"] = .int(width)
            fields["image_height"] = .int(height)
        }
        var thumb: [String: TemplateValue] = ["src": .text(thumbnail?.src ?? url)]
        if let thumbnail {
            thumb["srcset"] = .text(thumbnail.srcset)
            if !thumbnail.webpSrcset.isEmpty { thumb["webp_srcset"] = .text(thumbnail.webpSrcset) }
            thumb["width"] = .int(thumbnail.width)
            thumb["height"] = .int(thumbnail.height)
        }
        fields["thumb"] = .object(thumb)
        return fields
    }
}
