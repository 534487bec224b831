/// The page left at an old URL: a meta refresh and a canonical link to the article's URL.
enum RedirectPage {
    static func render(target: String, absoluteTarget: String, title: String) -> String {
        let t = HTMLEscaping.escape(target)
        let a = HTMLEscaping.escape(absoluteTarget)
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLEscaping.escape(title))</title>
            <link rel="canonical" href="\(a)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(t)">
            </head>
            <body>
            <p>Bài viết đã chuyển đến <a href="\(t)">\(a)</a>.</p>
            </body>
            </html>

            """
    }
}
