import Foundation

extension SiteBuilder {
    /// site.yaml with the command line's overrides applied, and the theme (nil when a template
    /// is broken; the diagnostics say why).
    static func loadSettings(_ options: BuildOptions, diagnostics: inout [Diagnostic]) throws(BuildFailure) -> (
        SiteConfig, Theme?
    ) {
        let (loadedConfig, configProblems) = SiteConfigLoader.load(from: options.sourceRoot)
        diagnostics += configProblems
        let (theme, themeProblems) = Theme.load(siteRoot: options.sourceRoot)
        diagnostics += themeProblems
        guard var config = loadedConfig else { throw BuildFailure(diagnostics: diagnostics) }
        if let override = options.baseURLOverride {
            guard let url = URL(string: override), url.scheme != nil, url.host != nil else {
                diagnostics.append(.error("--base-url", nil, Message(.baseURLOverrideInvalid, "\(override)")))
                throw BuildFailure(diagnostics: diagnostics)
            }
            config.baseURL = override.hasSuffix("/") ? override : override + "/"
        }
        if let endpoint = options.counterEndpointOverride { config.counterEndpoint = endpoint }
        return (config, theme)
    }

    /// The output's lock and a staging folder beside it.
    static func prepareOutput(_ options: BuildOptions, diagnostics: inout [Diagnostic]) throws(BuildFailure) -> (
        BuildLock, OutputStaging
    ) {
        do {
            let lock = try BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
            return (lock, try OutputStaging(output: options.output))
        } catch {
            diagnostics.append(.error(options.output.path, nil, Message(.outputUnprepared, "\(error)")))
            throw BuildFailure(diagnostics: diagnostics)
        }
    }

    /// The previous build's record when it had these inputs and its output is whole; read and
    /// checked under the output's lock, so a build finishing meanwhile cannot be mistaken for it.
    static func upToDateRecord(inputs: UInt64, options: BuildOptions) -> UpToDateCheck.Record? {
        // A first look without the lock: most builds stop here, and need not wait for another.
        guard UpToDateCheck.load(sourceRoot: options.sourceRoot, output: options.output)?.inputs == inputs,
            let lock = try? BuildLock(output: options.output, waiting: options.onWaitForOtherBuild)
        else { return nil }
        defer { withExtendedLifetime(lock) {} }
        guard let record = UpToDateCheck.load(sourceRoot: options.sourceRoot, output: options.output),
            record.inputs == inputs, UpToDateCheck.outputIsIntact(record, output: options.output)
        else { return nil }
        // A scheduled article has come due: the same inputs now make another site.
        if let due = record.nextScheduled, options.now >= due { return nil }
        return record
    }
}

extension BuildReport {
    /// The report of a build that found nothing to do.
    static func upToDate(_ record: UpToDateCheck.Record, seconds: Double, laps: [(String, Double)], config: SiteConfig)
        -> BuildReport
    {
        BuildReport(
            articles: record.articles, pagesWritten: record.pages, filesCopied: record.copied, seconds: seconds,
            diagnostics: [], stageSeconds: laps, filesWritten: 0, filesUnchanged: record.files.count,
            searchIndex: .reused, upToDate: true, scheduled: record.scheduled, nextScheduled: record.nextScheduled,
            timeZone: config.timeZone)
    }
}
