import ArgumentParser
import Foundation
import PortalPreview

/// `preview-site`: builds the portal into a private folder, serves it on loopback and rebuilds
/// and reloads the open pages whenever content/ or site/ changes.
@main
struct PreviewSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-site",
        abstract: "Serve the portal while editing: rebuild on every change and reload open pages.",
        discussion: """
            Builds into <source>/.build-site-cache/preview (never public/), serves it, and answers the
            visitor counter at /api/counter. Build errors show in the browser and here; the last good
            site keeps being served. Stop with Ctrl+C.
            """)

    @Option(name: .long, help: "The site folder, holding content/ and site/.")
    var source: String = "."

    @Option(name: .long, help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Flag(name: .long, help: "Include articles marked draft: true.")
    var drafts = false

    func run() async throws {
        let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
        let options = PreviewOptions(sourceRoot: root, host: host, port: port, includeDrafts: drafts)
        let server = PreviewServer(options) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        try await server.run(
            onReady: { url in
                let line = "preview-site: serving \(root.lastPathComponent) at \(url.absoluteString) (Ctrl+C to stop)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            })
    }
}
