import Testing

@testable import PortalEngine

/// Paths are normalised on bytes, as the plain definition over segments does it.
@Suite struct ContentPathsNormalizeTests {
    /// The definition: segments between slashes, `.` and empty ones dropped, `..` going up.
    static func reference(_ path: String) -> String? {
        var parts: [String] = []
        for part in path.utf8.split(separator: 0x2F, omittingEmptySubsequences: true).map({ String(Substring($0)) }) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func randomPathsNormaliseAsTheDefinitionSays() {
        let segments = ["a", "ảnh", "tin-tuc", ".", "..", "", "bài viết.md", "...", ".x", "Đông"]
        var random = SeededRandom(seed: 7)
        for round in 0..<5_000 {
            let path = (0..<Int(random.next() % 7)).map { _ in segments[Int(random.next() % UInt64(segments.count))] }
                .joined(separator: "/")
            #expect(ContentPaths.normalize(path) == Self.reference(path), "round \(round): \(path)")
        }
        #expect(ContentPaths.normalize("anh/../../x") == nil)
        #expect(ContentPaths.normalize("tin/./a//b/") == "tin/a/b")
    }

    @Test func schemesAreLettersThenLettersDigitsPlusDotOrHyphen() {
        #expect(ContentPaths.scheme(of: "https://a.vn") == "https")
        #expect(ContentPaths.scheme(of: "svn+ssh://x") == "svn+ssh")
        #expect(ContentPaths.scheme(of: "mailto:a@b.vn") == "mailto")
        #expect(ContentPaths.scheme(of: "1a:b") == nil)
        #expect(ContentPaths.scheme(of: "ảnh:1") == nil)
        #expect(ContentPaths.scheme(of: "anh/a:b") == nil)
        #expect(ContentPaths.scheme(of: "no colon") == nil)
    }
}
