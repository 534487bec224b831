import Foundation

/// The model a long-lived process (the preview server) built last, kept for its next build:
/// when no file changed but in its body, and nothing has come due or expired since, the model
/// is the same but for the bodies' Markdown, which is taken from the files as they are now.
public final class ModelMemory: @unchecked Sendable {
    private struct Entry {
        var key: UInt64
        var builtAt: Timestamp
        /// When an article comes due, one expires or a document changes status.
        var validUntil: Timestamp?
        var model: SiteModel
        var problems: [Diagnostic]
        /// The list entries a build with this model made.
        var entries: PageContexts.KeptEntries?
    }

    private let lock = NSLock()
    private var entry: Entry?

    public init() {}

    /// The kept model for `key` (`PageInputs.sources` and the URL record read), if still valid at `now`.
    func model(for key: UInt64, now: Timestamp) -> (SiteModel, [Diagnostic])? {
        guard let entry = lock.withLock({ entry }), entry.key == key, entry.builtAt <= now,
            entry.validUntil.map({ now < $0 }) ?? true
        else { return nil }
        return (entry.model, entry.problems)
    }

    /// The list entries made with the model kept now: after `model(for:now:)` or `remember`,
    /// the model of the build under way.
    var entries: PageContexts.KeptEntries? {
        get { lock.withLock { entry?.entries } }
        set { lock.withLock { entry?.entries = newValue } }
    }

    func remember(_ model: SiteModel, problems: [Diagnostic], key: UInt64, now: Timestamp) {
        let validUntil = [model.scheduled.first, model.expiring.first, model.documentChanges.first]
            .compactMap { $0 }.min()
        lock.withLock {
            entry = Entry(key: key, builtAt: now, validUntil: validUntil, model: model, problems: problems)
        }
    }
}
