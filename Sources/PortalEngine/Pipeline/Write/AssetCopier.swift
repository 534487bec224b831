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

    /// Copies the site's files into the staging folder: the built-in theme's static files,
    /// site/static/, then content/'s own files (which win). Failures go to `problems`.
    /// `skipping`: content/ files published otherwise (photos, by `PhotoMaker`).
    static func copyAll(
        model: SiteModel, sourceRoot: URL, into staging: OutputStaging, problems: WriteProblems,
        skipping: Set<String> = []
    ) -> (count: Int, diagnostics: [Diagnostic]) {
        let copies = plan(model: model, builtInTheme: Theme.builtInRoot, sourceRoot: sourceRoot)
        let files = copies.files.filter { !skipping.contains($0.destination) }
        for copy in files {
            do { try staging.copy(from: copy.source, to: copy.destination) } catch {
                problems.append(.error(copy.label, nil, Message(.systemError, "\(error)")))
            }
        }
        return (files.count, copies.diagnostics)
    }
}
