import Foundation

/// What to build and how: the CLI's flags as plain data.
public struct BuildOptions: Sendable {
    /// The site folder holding content/ and site/.
    public var sourceRoot: URL
    /// Where the finished site goes (default: `<source>/public`).
    public var output: URL
    public var includeDrafts: Bool
    /// Publish articles dated after `now` at once (Hugo's `--buildFuture`).
    public var includeFuture = false
    /// Replaces site.yaml's `base_url`, e.g. for a staging host.
    public var baseURLOverride: String?
    /// Replaces site.yaml's `counter.endpoint` (the preview server points it at itself).
    public var counterEndpointOverride: String?
    /// Warnings fail the build.
    public var strict: Bool
    /// "Today" (the footer's year); fixed in tests.
    public var now: Timestamp
    /// Skip rendering pages whose fingerprint is unchanged since the last build into this output
    /// (`.build-site-cache/` in the site folder).
    public var useCache: Bool
    /// Stamp every input first, to stop when nothing changed since the last build (and record
    /// the stamp for the next). Off for a build its caller knows is for a change (the
    /// preview's, after it saw a file change): the stamp costs 0.07 s at 10,000 articles.
    public var checkUpToDate = true
    /// What becomes of the build's data once it is done.
    public var dataDisposal = BuildDataDisposal.free
    /// Delete the previous site with a detached process after the swap (the CLI does).
    public var removeOldOutputInBackground = false
    /// Write into the output file by file instead of swapping a new folder in (`OutputStaging`'s
    /// `inPlace`): only for a folder no one else publishes, as the preview's.
    public var writeInPlace = false
    /// With `writeInPlace`: what the process's last build left in the folder.
    public var inPlaceFolder: InPlaceFolderMemory?
    /// Parsed files and rendered bodies kept between the builds of one process (the preview).
    public var documentMemory: DocumentMemory?
    /// Files (paths from the source folder) known unchanged since the last build with the same
    /// `documentMemory`, as the preview's watch knows them: they are taken from it unread.
    public var unchangedFiles: Set<String>?
    /// The model of the last build of one process (the preview), for a rebuild that changed only bodies.
    public var modelMemory: ModelMemory?
    /// The last build's memory of pages and index, kept by one process (the preview) so its
    /// next build need not read it from disk.
    public var memoryKeeper: BuildMemoryKeeper?
    /// Where the build is, for a progress line; nil when nobody watches.
    public var progress: BuildProgress?
    /// Called when another build holds this output folder; this build then waits for it.
    public var onWaitForOtherBuild: @Sendable () -> Void = {}

    public init(
        sourceRoot: URL, output: URL? = nil, includeDrafts: Bool = false, baseURLOverride: String? = nil,
        strict: Bool = false, now: Timestamp = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)),
        useCache: Bool = true
    ) {
        self.useCache = useCache
        self.sourceRoot = sourceRoot
        self.output = output ?? sourceRoot.appendingPathComponent("public")
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.strict = strict
        self.now = now
    }
}
