/// `relative_urls: true`: every site link in a page made relative to the page, with folders
/// ending in `index.html`, so the output works opened from disk or a network share, where
/// `/x/` means the root of the disk and folders do not open their `index.html`.
enum RelativeURLs {
    private static let srcset = Array("srcset=\"".utf8)
    private static let markers: [[UInt8]] =
        ["href=\"", "src=\"", "action=\"", " data=\"", "; url="].map { Array($0.utf8) } + [srcset]
    private static let protocolRelative = Array("//".utf8)

    /// Rewrites `href="…"`, `src="…"`, `action="…"`, an object's `data="…"`, a meta refresh's `url=…` and each URL of a
    /// `srcset="…"` that start with `basePath`; absolute URLs, fragments and other values are
    /// left as they are. One pass.
    static func rewrite(_ html: String, pagePath: String, basePath: String) -> String {
        let up = Array(String(repeating: "../", count: pagePath.split(separator: "/").count - 1).utf8)
        let base = Array(basePath.utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        while i < bytes.count {
            guard let marker = markers.first(where: { matches($0, bytes, at: i) }) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            out += marker
            i += marker.count
            let isRefresh = marker.first == UInt8(ascii: ";")
            var end = i
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), !(isRefresh && bytes[end] == UInt8(ascii: ">")) {
                end += 1
            }
            if marker == srcset {
                out += candidates(bytes[i..<end], base: base, up: up)
            } else {
                out += rewritten(Array(bytes[i..<end]), base: base, up: up)
            }
            i = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A `srcset`'s "url 480w, url 800w": each URL rewritten like an `src`.
    private static func candidates(_ value: ArraySlice<UInt8>, base: [UInt8], up: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (n, candidate) in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            let start = candidate.firstIndex { $0 != UInt8(ascii: " ") } ?? candidate.endIndex
            let end = candidate[start...].firstIndex(of: UInt8(ascii: " ")) ?? candidate.endIndex
            out += candidate[candidate.startIndex..<start]
            out += rewritten(Array(candidate[start..<end]), base: base, up: up)
            out += candidate[end...]
        }
        return out
    }

    /// One URL made relative when it starts with the base path, as it is otherwise.
    private static func rewritten(_ url: [UInt8], base: [UInt8], up: [UInt8]) -> [UInt8] {
        guard matches(base, url, at: 0), !matches(protocolRelative, url, at: 0) else { return url }
        return relative(url[base.count...], up: up)
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }

    /// `chuyen-muc/x/?q=1` seen from two folders down → `../../chuyen-muc/x/index.html?q=1`.
    private static func relative(_ target: ArraySlice<UInt8>, up: [UInt8]) -> [UInt8] {
        let cut = target.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? target.endIndex
        var path = Array(target[..<cut])
        if path.isEmpty || path.last == UInt8(ascii: "/") { path += Array("index.html".utf8) }
        return up + path + target[cut...]
    }
}
