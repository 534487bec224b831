extension StringProtocol {
    /// Without leading and trailing white space (Unicode's, newlines included). Native: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString, measured at about 2% of a large build.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace,
            !last.properties.isWhitespace
        {
            return String(self)  // the usual case: nothing to cut
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
