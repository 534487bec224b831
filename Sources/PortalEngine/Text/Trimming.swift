extension StringProtocol {
    /// Without leading and trailing white space (Unicode's, newlines included). Native: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString, measured at about 2% of a large build.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, Self.isKept(first), Self.isKept(last) {
            return String(self)  // the usual case: nothing to cut
        }
        guard let first = scalars.firstIndex(where: Self.isKept) else { return "" }
        let last = scalars.lastIndex(where: Self.isKept)!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Not white space. ASCII letters, digits and signs, how most texts begin and end, are
    /// answered without looking up Unicode's properties.
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        (0x21..<0x7F).contains(scalar.value) || !scalar.properties.isWhitespace
    }
}
