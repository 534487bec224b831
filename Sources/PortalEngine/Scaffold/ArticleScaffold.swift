import Foundation

/// A new article's file for `build-site new`: the title, now in the site's time zone, the
/// category, `draft: true`, and the other fields as commented examples.
public enum ArticleScaffold {
    /// Where it goes, relative to the site folder, and its text; nil when the title gives no slug.
    public static func make(
        title: String, category: String?, bloc: String?, now: Timestamp, config: SiteConfig, language: Language
    ) -> (path: String, text: String)? {
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { return nil }
        let local = LocalDateTime(now, in: config.timeZone)
        let date = String(
            format: "%04d-%02d-%02d %02d:%02d", local.year, local.month, local.day, local.hour, local.minute)
        let categoryLine: String
        if let category {
            categoryLine = "category: \(category)"
        } else {
            let keys = config.categories.flatMap(Self.keys).joined(separator: ", ")
            categoryLine = "category: \(config.categories.first?.key ?? "")    # " + comment(.category, language) + keys
        }
        let lines = [
            "---",
            "title: \(quoted(title))",
            "date: \(date)",
            categoryLine,
            bloc.map { "bloc: \(quoted($0))" } ?? "# bloc: \"Khối thi đua …\"",
            "# units: [\"Hạ Lang\", \"Quảng Uyên\"]",
            "# tags: [\"sơ kết\", \"nông thôn mới\"]",
            "# meeting: so-ket",
            "# author: \"…\"",
            "# source: \"…\"",
            "# image: images/\(local.year)/anh.jpg",
            "# image_caption: \"…\"",
            "# summary: \"…\"",
            "# featured: true",
            "draft: true    # " + comment(.draft, language),
            "---",
            "",
            comment(.body, language),
            "",
        ]
        return ("content/articles/\(local.year)/\(slug).md", lines.joined(separator: "\n"))
    }

    private enum Comment { case category, draft, body }

    private static func comment(_ which: Comment, _ language: Language) -> String {
        switch (which, language) {
        case (.category, .vi): return "chuyên mục có: "
        case (.category, .en): return "categories: "
        case (.draft, .vi): return "xóa dòng này khi bài sẵn sàng đăng"
        case (.draft, .en): return "remove this line when the article is ready to publish"
        case (.body, .vi): return "Nội dung bài viết. Mỗi đoạn cách nhau một dòng trống."
        case (.body, .en): return "The article's text. Leave an empty line between paragraphs."
        }
    }

    private static func keys(_ category: CategoryConfig) -> [String] {
        [category.key] + category.children.flatMap(keys)
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
