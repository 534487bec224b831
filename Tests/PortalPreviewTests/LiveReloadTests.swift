import Foundation
import PortalEngine
import TestSupport
import Testing

@testable import PortalPreview

@Suite struct LiveReloadScriptTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReloadScript.inject(into: Array(html.utf8), version: "r-7"), as: UTF8.self)
    }

    @Test func goesBeforeTheLastClosingBody() {
        let tag = LiveReloadScript.tag(version: "r-7")
        #expect(inject("<p>a</p></body></html>") == "<p>a</p>\(tag)</body></html>")
        #expect(inject("<pre>&lt;/body&gt;</pre></BODY>") == "<pre>&lt;/body&gt;</pre>\(tag)</BODY>")
        #expect(inject("<code></body></code>x</body>\n") == "<code></body></code>x\(tag)</body>\n")
    }

    @Test func isAppendedWhenThereIsNoBody() {
        #expect(inject("<p>bare") == "<p>bare" + LiveReloadScript.tag(version: "r-7"))
        #expect(inject("") == LiveReloadScript.tag(version: "r-7"))
    }
}

@Suite struct BuildEventTests {
    @Test func buildAndFailureMessages() throws {
        #expect(BuildEventMessage.encode(.starting) == nil)
        #expect(BuildEventMessage.encode(.built(version: "a-1")) == "event: build\ndata: {\"version\":\"a-1\"}\n\n")
        let failure = try #require(
            BuildEventMessage.encode(
                .failed(
                    version: "a-1",
                    diagnostics: [
                        .error(
                            "content/b.md", SourcePosition(line: 3, column: 7), Message(.systemError, "bad\n<script>")),
                        .warning("content/a.md", nil, Message(.systemError, "odd")),
                    ])))
        #expect(failure.hasPrefix("event: failure\ndata: {"))
        #expect(failure.hasSuffix("}\n\n"))
        // One data line: a newline in a message is escaped, not sent raw.
        #expect(failure.split(separator: "\n").count == 2)
        let json = try #require(failure.split(separator: "\n")[1].dropFirst("data: ".count).data(using: .utf8))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let problems = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(problems.map { $0["file"] as? String } == ["content/a.md", "content/b.md"])
        #expect(problems[1]["line"] as? Int == 3)
        #expect(problems[1]["column"] as? Int == 7)
        #expect(problems[1]["message"] as? String == "bad\n<script>")
        #expect(report["version"] as? String == "a-1")
    }

    @Test func aNewStreamStartsWithTheCurrentStatus() async {
        let hub = BuildEventHub()
        hub.publish(.built(version: "x-1"))
        let stream = hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == "retry: 1000\n\n")
        #expect(await iterator.next() == "event: build\ndata: {\"version\":\"x-1\"}\n\n")
        hub.publish(.failed(version: "x-1", diagnostics: []))
        #expect(await iterator.next()?.hasPrefix("event: failure") == true)
        #expect(hub.subscriberCount == 1)
        hub.finishAll()
        #expect(await iterator.next() == nil)
        #expect(hub.subscriberCount == 0)
    }

    @Test func aDroppedStreamIsForgotten() async {
        let hub = BuildEventHub()
        do {
            let stream = hub.subscribe()
            let task = Task {
                for await _ in stream {}
            }
            task.cancel()
            await task.value
        }
        #expect(hub.subscriberCount == 0)
    }
}
