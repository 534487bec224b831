import CVipsShim
import Foundation

/// Publishes the photos under content/: every photo's full-size copy without its metadata at
/// its own address, and, for the photos articles show, the variants their markup names. Made
/// variants are kept in the cache by photo and settings, so a rebuild links them instead of
/// decoding again. One photo per core, each decoded once at the size its largest variant needs.
enum PhotoMaker {
    struct Outcome {
        var diagnostics: [Diagnostic] = []
        var files = 0
        /// Photos in use decoded this build, and photos in use whose variants were all cached.
        var made = 0
        var reused = 0
    }

    /// Every place an article or page shows a photo: lead images and body images.
    static func uses(_ model: SiteModel, _ bodies: BodyRenderer.SiteBodies) -> [PhotoUse] {
        var uses = (bodies.articles + bodies.pages + bodies.archived).flatMap(\.photos)
        for article in model.articles + model.pages + model.archived {
            if let path = article.imagePhoto {
                uses.append(PhotoUse(path: path, file: article.file.sourcePath, position: article.positionOfImage))
            }
        }
        return uses
    }

    static func publish(
        _ catalogue: PhotoCatalogue, uses: [PhotoUse], settings: PhotoSettings, sourceRoot: URL, cache: PhotoCache?,
        into staging: OutputStaging
    ) -> Outcome {
        var used: [String: [PhotoUse]] = [:]
        for use in uses { used[use.path, default: []].append(use) }
        let photos = catalogue.photos.compactMap { path, probe -> (String, Photo)? in
            if case .photo(let photo) = probe { return (path, photo) }
            return nil
        }.sorted { $0.0 < $1.0 }
        portal_vips_set_concurrency(1)  // one photo per core already
        let usedBy = used
        let results = parallelMap(photos) { path, photo in
            publish(
                photo, path: path, uses: usedBy[path], settings: settings,
                source: sourceRoot.appendingPathComponent("content/" + path),
                cache: cache, staging: staging)
        }
        return results.reduce(into: Outcome()) { total, one in
            total.diagnostics += one.diagnostics
            total.files += one.files
            total.made += one.made
            total.reused += one.reused
        }
    }

    private static func publish(
        _ photo: Photo, path: String, uses: [PhotoUse]?, settings: PhotoSettings, source: URL, cache: PhotoCache?,
        staging: OutputStaging
    ) -> Outcome {
        let plan = PhotoVariantPlan(photo: photo, path: path, settings: settings)
        let variants = uses == nil ? [] : plan.all
        let ownName = "full." + PublishableFiles.fileType(of: path)
        var outcome = Outcome()
        func fail(_ reason: String, _ id: MessageID = .photoDamaged) -> Outcome {
            let message = Message(id, "content/\(path)", "\(reason)")
            let places = uses ?? [PhotoUse(path: path, file: "content/" + path, position: nil)]
            return Outcome(diagnostics: places.map { .error($0.file, $0.position, message) })
        }
        do {
            let folder = cache?.variantFolder(photo, settings: settings)
            if settings.keepOriginals {
                try staging.copy(from: source, to: path)
            } else {
                let full = try stored(ownName, in: folder) { try fullSizeCopy(of: source, photo: photo) }
                try place(full, at: path, staging: staging)
            }
            outcome.files += 1
            let missing = variants.filter { v in
                folder.map { !FileManager.default.fileExists(atPath: $0.appendingPathComponent(v.fileName).path) }
                    ?? true
            }
            var made: [String: [UInt8]] = [:]
            if !missing.isEmpty {
                let requests = missing.map {
                    PhotoVariants.Request(
                        width: $0.width, height: $0.cropped ? $0.height : nil, format: $0.format,
                        quality: settings.quality)
                }
                let bytes = try PhotoVariants.variants(of: source.path, requests)
                for (variant, data) in zip(missing, bytes) { made[variant.fileName] = [UInt8](data) }
                outcome.made = 1
            } else if !variants.isEmpty {
                outcome.reused = 1
            }
            for variant in variants {
                let file = try stored(variant.fileName, in: folder) { made[variant.fileName]! }
                try place(file, at: variant.outputPath, staging: staging)
                outcome.files += 1
            }
        } catch let failure as PhotoVariants.Failure {
            return fail(failure.reason)
        } catch let failure as NotWritten {
            return fail("\(failure.error)", .photoNotWritten)
        } catch {
            return fail("\(error)")
        }
        return outcome
    }

    /// A file of the photo's cache folder, made by `make` when it is not there yet; the bytes
    /// themselves when there is no cache.
    private static func stored(_ name: String, in folder: URL?, make: () throws -> [UInt8]) throws -> Either {
        guard let folder else { return .bytes(try make()) }
        let file = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) { return .file(file) }
        let bytes = try make()
        return try NotWritten.unless {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
            // Written from the array itself, not a copy: a full-size PNG can be hundreds of megabytes.
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw OutputError(path: temporary.path, code: errno)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            guard rename(temporary.path, file.path) == 0 else { throw OutputError(path: file.path, code: errno) }
            return .file(file)
        }
    }

    /// A file that could not be written (a full disk, a folder that cannot be written): not the
    /// photo's fault, and the editor is told so.
    private struct NotWritten: Error {
        let error: any Error

        static func unless<T>(_ write: () throws -> T) throws -> T {
            do { return try write() } catch { throw NotWritten(error: error) }
        }
    }

    private enum Either {
        case file(URL)
        case bytes([UInt8])
    }

    private static func place(_ made: Either, at outputPath: String, staging: OutputStaging) throws {
        try NotWritten.unless {
            switch made {
            case .file(let url): try staging.linkCached(from: url, to: outputPath)
            case .bytes(let data): try staging.write(data, to: outputPath)
            }
        }
    }

    /// The photo's own bytes without metadata, or re-encoded upright at full size when they are
    /// not bytes the stripper reads (a GIF is published as it is: it carries no EXIF).
    static func fullSizeCopy(of source: URL, photo: Photo) throws -> [UInt8] {
        let bytes = try Data(contentsOf: source)
        if photo.loader == "gifload" { return [UInt8](bytes) }
        if let stripped = MetadataStripper.stripped(bytes, loader: photo.loader) { return stripped }
        let format: PhotoVariants.Format =
            switch photo.loader {
            case "pngload": .png
            case "webpload": .webp
            default: .jpeg
            }
        return [UInt8](try PhotoVariants.variant(of: source.path, width: photo.width, format: format, quality: 92))
    }
}
