import Foundation

/// What the preview server serves and where: the `preview-site` flags as plain data.
public struct PreviewOptions: Sendable {
    /// The site folder holding content/ and site/.
    public var sourceRoot: URL
    /// Where preview builds go; not `public/`, so a preview never touches what is deployed.
    public var output: URL
    /// The address to listen on; loopback unless asked otherwise.
    public var host: String
    /// 0 picks a free port (the tests do).
    public var port: Int
    public var includeDrafts: Bool
    /// Articles dated after now are shown now (`--future`), as `build-site --future` does.
    public var includeFuture = false
    /// How often content/ and site/ are checked for changes.
    public var pollInterval: Duration
    /// Logs the seconds of each stage of every build, as `build-site --timings` prints them.
    public var timings = false

    public init(
        sourceRoot: URL, output: URL? = nil, host: String = "127.0.0.1", port: Int = 1313, includeDrafts: Bool = false,
        pollInterval: Duration = .milliseconds(250)
    ) {
        self.sourceRoot = sourceRoot
        self.output = output ?? sourceRoot.appendingPathComponent(".build-site-cache/preview")
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.pollInterval = pollInterval
    }

    /// The folders whose changes trigger a rebuild.
    var watchedFolders: [String] {
        ["content", "site"].map { sourceRoot.appendingPathComponent($0).path }
    }

    /// The base URL the preview builds with: the address the browser uses.
    func baseURL(port: Int) -> String {
        let shownHost: String
        switch host {
        case "0.0.0.0", "": shownHost = "127.0.0.1"
        case "::": shownHost = "[::1]"
        default: shownHost = host.contains(":") ? "[\(host)]" : host
        }
        return "http://\(shownHost):\(port)/"
    }
}
