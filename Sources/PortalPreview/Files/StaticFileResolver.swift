import Foundation

/// Maps a request path to a file of the served folder, refusing anything that would leave it.
public struct StaticFileResolver: Sendable {
    /// What a request path names.
    public enum Resolution: Sendable, Equatable {
        /// An absolute path to a regular file inside the served folder.
        case file(String)
        /// A folder asked for without its trailing slash: relative links inside it need the slash.
        case redirect(String)
        case notFound
        /// `..`, a NUL byte, bad percent-encoding, or a symbolic link that points outside.
        case forbidden
    }

    /// The served folder, symbolic links resolved.
    public let root: String

    public init(root: URL) {
        let path = root.standardizedFileURL.path
        if let real = realpath(path, nil) {
            self.root = String(cString: real)
            free(real)
        } else {
            self.root = path
        }
    }

    /// `rawPath` is the request target's path as sent, still percent-encoded, without the query.
    public func resolve(_ rawPath: String) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.utf8.contains(0) else { return .forbidden }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." || segment.contains("\\") { return .forbidden }
            if segment != "." { segments.append(segment) }
        }
        let relative = segments.joined(separator: "/")
        // Browsers send NFC; a file named on macOS may be stored NFD. Try the name as sent first.
        var candidates = [relative]
        for form in [relative.precomposedStringWithCanonicalMapping, relative.decomposedStringWithCanonicalMapping]
        where !candidates.contains(where: { $0.utf8.elementsEqual(form.utf8) }) {
            candidates.append(form)
        }
        for candidate in candidates {
            let path = candidate.isEmpty ? root : root + "/" + candidate
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if !decoded.isEmpty, !decoded.hasSuffix("/") { return .redirect(rawPath + "/") }
                return checkedFile(path + "/index.html")
            }
            return checkedFile(path)
        }
        return .notFound
    }

    /// Only regular files whose real path stays inside the root are served.
    private func checkedFile(_ path: String) -> Resolution {
        guard let real = realpath(path, nil) else { return .notFound }
        defer { free(real) }
        let resolved = String(cString: real)
        guard resolved.hasPrefix(root + "/") else { return .forbidden }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        return .file(resolved)
    }
}
