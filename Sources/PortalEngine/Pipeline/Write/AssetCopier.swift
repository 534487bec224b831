import Foundation

/// Decides which files are copied as they are: theme static files, site/static/, content/ assets.
public enum AssetCopier {
    public struct Copy: Sendable {
        public var source: URL
        /// Path inside the output.
        public var destination: String
        /// Where it came from, for messages.
        public var label: String
    }

    /// Later sources override earlier ones: built-in theme, then site/static/, then content/.
    public static func plan(model: SiteModel, builtInTheme: URL?, sourceRoot: URL) -> (
        files: [Copy], diagnostics: [Diagnostic]
    ) {
        var byDestination: [String: Copy] = [:]
        var order: [String] = []
        var diagnostics: [Diagnostic] = []
        func add(_ copy: Copy, warnOnOverride: Bool) {
            if let previous = byDestination[copy.destination] {
                if warnOnOverride {
                    diagnostics.append(
                        .warning(
                            copy.label, nil, Message(.assetReplaces, "\(previous.label)", "\(copy.destination)")))
                }
            } else {
                order.append(copy.destination)
            }
            byDestination[copy.destination] = copy
        }
        if let theme = builtInTheme?.appendingPathComponent("static") {
            let listing = ContentWalker.walk(root: theme, prefix: "(built-in theme)/static", rules: .anyFile)
            for file in listing.assets {
                add(
                    Copy(
                        source: theme.appendingPathComponent(file.relativePath), destination: file.relativePath,
                        label: file.sourcePath), warnOnOverride: false)
            }
        }
        for file in model.staticAssets {
            add(
                Copy(
                    source: sourceRoot.appendingPathComponent(file.sourcePath), destination: file.relativePath,
                    label: file.sourcePath), warnOnOverride: false)
        }
        for file in model.contentAssets {
            add(
                Copy(
                    source: sourceRoot.appendingPathComponent(file.sourcePath), destination: file.relativePath,
                    label: file.sourcePath), warnOnOverride: true)
        }
        return (order.map { byDestination[$0]! }, diagnostics)
    }
}
