import Foundation
import Testing

@testable import PortalEngine

/// The record of published URLs reads back as written, and its stamp stands for its bytes.
@Suite struct PublishedURLsTests {
    let record = PublishedURLs(urlsBySource: [
        "content/articles/2019/hoi-nghi.md": ["hoi-nghi-tong-ket/", "hoi-nghi/"],
        "content/articles/2020/đại-hội.md": ["dai-hoi-thi-dua/"],
    ])

    @Test func theRecordReadsBackAsWritten() {
        let data = Data(record.text.utf8)
        let read = PublishedURLs.parse(data)
        #expect(read.urlsBySource == record.urlsBySource)
        let other = PublishedURLs(urlsBySource: ["content/articles/khac.md": ["khac/"]])
        #expect(PublishedURLs.stamp(of: data) == PublishedURLs.stamp(of: Data(record.text.utf8)))
        #expect(PublishedURLs.stamp(of: data) != PublishedURLs.stamp(of: Data(other.text.utf8)))
        #expect(PublishedURLs.stamp(of: data) != 0)
        #expect(PublishedURLs.parse(nil).urlsBySource.isEmpty && PublishedURLs.stamp(of: nil) == 0)
    }

    /// Saved again by an editor on Windows, or with a stray line: the same URLs.
    @Test func crlfLineEndsAndStrayLinesDoNotChangeTheURLs() {
        let text = record.text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nnot a record line\r\n\r\n"
        #expect(PublishedURLs.parse(Data(text.utf8)).urlsBySource == record.urlsBySource)
    }
}
