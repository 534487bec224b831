/// A file attached to an article (`files:`), as its page lists it under "Tệp đính kèm".
public struct Attachment: Sendable, Equatable {
    public var title: String
    public var url: String
    /// "PDF", "DOCX"…; empty when the address names no type.
    public var type: String
    /// For a file under content/.
    public var bytes: Int?
}

/// Resolves `files:` as a lead image is resolved (`ContentPaths.resolveFrontMatter`): relative
/// to content/ or to the article's folder, site-rooted, or an absolute URL. A file that is not there is an error at its item.
enum AttachmentResolver {
    static func resolve(
        _ files: [FileReference], file: SourceFileRef, paths: ContentPaths, sizes: [String: Int],
        diagnostics: inout [Diagnostic]
    ) -> [Attachment] {
        guard !files.isEmpty else { return [] }
        let folder = file.folder
        return files.compactMap { item in
            let (resolution, directory) = paths.resolveFrontMatter(
                item.reference, articleFolder: folder, isImage: false)
            let name = Self.name(of: item.reference)
            let type = PublishableFiles.fileType(of: name).uppercased()
            switch resolution {
            case .site(let url):
                let path = paths.asset(item.reference, fromDirectory: directory)
                return Attachment(title: item.title ?? name, url: url, type: type, bytes: path.flatMap { sizes[$0] })
            case .unchanged:
                return Attachment(title: item.title ?? name, url: item.reference, type: type, bytes: nil)
            case .missing(_, let contentPath):
                diagnostics.append(
                    .error(
                        file.sourcePath, item.position,
                        paths.missingFrontMatterMessage(contentPath: contentPath, articleFolder: folder, isImage: false)
                    ))
            case .rejected(let reason):
                diagnostics.append(
                    .error(file.sourcePath, item.position, Message(.linkRemoved, .message(reason))))
            case .unpublished(let contentPath, let reason):
                diagnostics.append(
                    .warning(
                        file.sourcePath, item.position,
                        Message(.linkToUnpublished, "\(contentPath)", .message(reason))))
            }
            return nil
        }
    }

    /// "ke-hoach.pdf" from "files/ke-hoach.pdf?v=2", percent-decoded.
    static func name(of reference: String) -> String {
        let path = reference.prefix { $0 != "?" && $0 != "#" }
        let last = path.split(separator: "/").last.map(String.init) ?? String(path)
        return last.removingPercentEncoding ?? last
    }
}
