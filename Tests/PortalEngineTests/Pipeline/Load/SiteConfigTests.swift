import Testing

@testable import PortalEngine

@Suite struct SiteConfigTests {
    @Test func readsTheContractExample() throws {
        let (config, problems) = SiteConfigLoader.parse(
            TestSite.siteYAML
                + "\nunsafe_html: true\naddress: \"Số 1\"\ncounter:\n  endpoint: \"https://c.example/api\"")
        #expect(problems.isEmpty)
        let c = try #require(config)
        #expect(c.title == "Ban Thi đua - Khen thưởng tỉnh Thử nghiệm")
        #expect(c.baseURL == "https://thidua.example.gov.vn/")
        #expect(c.basePath == "/")
        #expect(c.perPage == 2)
        #expect(c.relatedCount == 5)
        #expect(c.categories.map(\.key) == ["tin-tuc-su-kien", "tin-hoat-dong-cum-khoi"])
        #expect(c.categories[0].children.map(\.title) == ["Chính trị KT-VH-XH"])
        #expect(c.unsafeHTML)
        #expect(c.counterEndpoint == "https://c.example/api")
        #expect(c.extra["address"] == .string("Số 1"))
    }

    @Test func basePathFollowsBaseURL() throws {
        let (config, _) = SiteConfigLoader.parse("title: T\nbase_url: https://example.gov.vn/portal")
        #expect(try #require(config).basePath == "/portal/")
    }

    @Test func duplicateCategoryKeyNamesBothLines() {
        let yaml = """
            title: T
            base_url: https://x.vn/
            categories:
              - key: a
                title: A
                children:
                  - key: a
                    title: A again
            """
        let (config, problems) = SiteConfigLoader.parse(yaml)
        #expect(config == nil)
        #expect(problems.count == 1)
        #expect(problems[0].position?.line == 7)
        #expect(problems[0].message == "category key 'a' is used twice (first at line 4)")
        #expect(problems[0].file == "site/site.yaml")
    }

    @Test func reportsEveryProblemAtOnce() {
        let yaml = """
            base_url: not a url
            timezone: Mars/Olympus
            per_page: 0
            categories:
              - title: No key
            """
        let (config, problems) = SiteConfigLoader.parse(yaml)
        #expect(config == nil)
        let messages = problems.map(\.message).joined(separator: "\n")
        #expect(messages.contains("missing 'title'"))
        #expect(messages.contains("'base_url' must be an absolute"))
        #expect(messages.contains("unknown time zone 'Mars/Olympus'"))
        #expect(messages.contains("'per_page' must be a whole number above 0"))
        #expect(messages.contains("a category needs a 'key'"))
    }

    @Test func brokenYAMLHasAPosition() {
        let (config, problems) = SiteConfigLoader.parse("title: \"T\nbase_url: x")
        #expect(config == nil)
        #expect(problems.first?.position != nil)
        #expect(problems.first?.message.hasPrefix("the quotes opened here are never closed") == true)
        #expect(problems.first?.position == SourcePosition(line: 1, column: 8))
        let (_, listProblems) = SiteConfigLoader.parse("title: T\n base_url: x")
        #expect(listProblems.first?.message.hasPrefix("invalid YAML") == true)
    }
}
