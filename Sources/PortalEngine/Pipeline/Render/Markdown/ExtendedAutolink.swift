/// GFM's extended autolinks in plain text: `www.…`, `http://…`, `https://…`, `ftp://…` and
/// e-mail addresses, with the spec's rules for where a link may start and which trailing
/// characters it leaves out (cmark-gfm's `autolink.c`, read for its edge cases).
enum ExtendedAutolink {
    /// A link found in a text: its scalar range and the URL to link to.
    struct Match: Equatable {
        var range: Range<Int>
        var url: String
    }

    /// Cheap test run on every text node before the scalar walk: does it hold `@`, `://` or
    /// `www.`? Bytes only; Foundation's substring search was 85% of the Markdown stage.
    static func mayContainLink(_ literal: UnsafePointer<CChar>) -> Bool {
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            switch p.pointee {
            case UInt8(ascii: "@"):
                return true
            case UInt8(ascii: ":"):
                if p[1] == UInt8(ascii: "/") && p[2] == UInt8(ascii: "/") { return true }
            case UInt8(ascii: "w"):
                if p[1] == UInt8(ascii: "w") && p[2] == UInt8(ascii: "w") && p[3] == UInt8(ascii: ".") { return true }
            default:
                break
            }
            p += 1
        }
        return false
    }

    /// Links in `text`, left to right. `startsAtBoundary` says whether a link may begin at the
    /// very start of the text (it follows a line start, a space or an emphasis delimiter).
    static func matches(in text: String, startsAtBoundary: Bool = true) -> [Match] {
        let s = Array(text.unicodeScalars)
        var found: [Match] = []
        var i = 0
        while i < s.count {
            let boundary = i == 0 ? startsAtBoundary : isBoundary(s[i - 1])
            if boundary, let match = webLink(s, at: i) {
                found.append(match)
                i = match.range.upperBound
                continue
            }
            if s[i] == "@", let match = email(s, at: i, after: found.last?.range.upperBound ?? 0) {
                found.append(match)
                i = match.range.upperBound
                continue
            }
            i += 1
        }
        return found
    }

    private static func isBoundary(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c == "*" || c == "_" || c == "~" || c == "("
    }

    private static let schemes: [(prefix: [Unicode.Scalar], www: Bool)] = [
        (Array("www.".unicodeScalars), true),
        (Array("http://".unicodeScalars), false),
        (Array("https://".unicodeScalars), false),
        (Array("ftp://".unicodeScalars), false),
    ]

    private static func webLink(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        guard let scheme = schemes.first(where: { hasPrefix(s, $0.prefix, at: start) }) else { return nil }
        let domainStart = scheme.www ? start : start + scheme.prefix.count
        guard let domainEnd = validDomain(s, from: domainStart) else { return nil }
        var end = domainEnd
        while end < s.count, !s[end].properties.isWhitespace, s[end] != "<" { end += 1 }
        end = trimmedEnd(s, start: start, end: end)
        guard end > domainStart else { return nil }
        let text = String(String.UnicodeScalarView(s[start..<end]))
        return Match(range: start..<end, url: scheme.www ? "http://" + text : text)
    }

    /// The end of a domain of letters, digits, `-` and `_` in `.`-separated segments; nil when
    /// it has no period or its last two segments hold an underscore.
    private static func validDomain(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        var periods = 0
        var underscoresInLast = 0
        var underscoresInPrevious = 0
        while i < s.count {
            let c = s[i]
            if c == "." {
                // A period not followed by a domain character ends the domain (a sentence's stop).
                guard i + 1 < s.count, isDomainCharacter(s[i + 1]) else { break }
                periods += 1
                underscoresInPrevious = underscoresInLast
                underscoresInLast = 0
            } else if c == "_" {
                underscoresInLast += 1
            } else if !isDomainCharacter(c) {
                break
            }
            i += 1
        }
        guard periods > 0, underscoresInLast == 0, underscoresInPrevious == 0 else { return nil }
        return i
    }

    private static func isDomainCharacter(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Leaves out trailing punctuation, an entity-like `&name;`, and closing parentheses that
    /// have no opening one inside the link.
    private static func trimmedEnd(_ s: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = s[end - 1]
            if "?!.,:*_~'\"".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ";" {
                var j = end - 2
                while j > start, s[j].isASCIILetterOrDigit { j -= 1 }
                end = j < end - 2 && s[j] == "&" ? j : end - 1
            } else if last == ")" {
                let opening = s[start..<end].filter { $0 == "(" }.count
                let closing = s[start..<end].filter { $0 == ")" }.count
                if closing <= opening { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// `name@domain.tld` around the `@` at `at`, not reaching back before `floor`.
    private static func email(_ s: [Unicode.Scalar], at: Int, after floor: Int) -> Match? {
        var start = at
        while start > floor, s[start - 1].isASCIILetterOrDigit || ".+-_".unicodeScalars.contains(s[start - 1]) {
            start -= 1
        }
        guard start < at else { return nil }
        var end = at + 1
        var periods = 0
        while end < s.count {
            let c = s[end]
            if c.isASCIILetterOrDigit || c == "-" || c == "_" {
                end += 1
            } else if c == ".", end + 1 < s.count, s[end + 1].isASCIILetterOrDigit {
                periods += 1
                end += 1
            } else {
                break
            }
        }
        guard periods > 0, end > at + 1, s[end - 1].isASCIILetter else { return nil }
        let text = String(String.UnicodeScalarView(s[start..<end]))
        return Match(range: start..<end, url: "mailto:" + text)
    }

    private static func hasPrefix(_ s: [Unicode.Scalar], _ prefix: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + prefix.count <= s.count else { return false }
        for (k, c) in prefix.enumerated() where s[i + k] != c { return false }
        return true
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    fileprivate var isASCIILetterOrDigit: Bool { isASCIILetter || ("0"..."9").contains(self) }
}
