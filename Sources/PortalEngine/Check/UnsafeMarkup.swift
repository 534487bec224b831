import Foundation

/// Finds markup in generated HTML that could run script: `<script>` other than the theme's own,
/// event-handler attributes (`onload=`, `onerror=` …) and script URLs in `href`/`src`/`action`.
public enum UnsafeMarkup {
    /// Scripts the default theme loads itself.
    public static let allowedScriptSources: Set<String> = ["js/portal.js", "js/search.js", "js/documents.js"]

    private static let tagPattern = try! NSRegularExpression(
        pattern: #"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#)
    private static let attributePattern = try! NSRegularExpression(
        pattern: #"([^\s"'=<>/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#)

    /// One line per finding; empty when the page is clean.
    public static func findings(in html: String) -> [String] {
        var found: [String] = []
        let text = html as NSString
        for tag in tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: tag.range(at: 1)).lowercased()
            let attributes = text.substring(with: tag.range(at: 2))
            var values: [String: String] = [:]
            let attrText = attributes as NSString
            for match in attributePattern.matches(in: attributes, range: NSRange(location: 0, length: attrText.length))
            {
                let key = attrText.substring(with: match.range(at: 1)).lowercased()
                var value =
                    match.range(at: 2).location == NSNotFound ? "" : attrText.substring(with: match.range(at: 2))
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                values[key] = value
                if key.hasPrefix("on") && key.count > 2 {
                    found.append("<\(name)> has event handler \(key)=")
                }
            }
            if name == "script" {
                let src = values["src"] ?? ""
                if !allowedScriptSources.contains(where: { src.hasSuffix($0) }) {
                    found.append("<script> \(src.isEmpty ? "inline" : src)")
                }
            }
            for key in ["href", "src", "action", "formaction", "xlink:href"] {
                guard let value = values[key] else { continue }
                let decoded = value.replacingOccurrences(of: "&#58;", with: ":").replacingOccurrences(
                    of: "&colon;", with: ":")
                let folded = decoded.filter { !$0.isWhitespace }.lowercased()
                if folded.hasPrefix("javascript:") || folded.hasPrefix("vbscript:")
                    || folded.hasPrefix("data:text/html")
                {
                    found.append("<\(name)> \(key)=\(value)")
                }
            }
        }
        return found
    }
}
