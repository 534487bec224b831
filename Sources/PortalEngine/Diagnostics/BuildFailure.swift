/// Thrown when a build stops because of errors; carries every diagnostic found, not just the first.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.sortedForDisplay().map(\.description).joined(separator: "\n")
    }
}
