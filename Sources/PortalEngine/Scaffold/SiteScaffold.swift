/// The files of a new site for `build-site init`: settings with comments, a category tree and
/// one sample article; the built-in theme does the rest.
public enum SiteScaffold {
    /// Paths relative to the new site's folder, with their texts.
    public static func files(now: Timestamp, language: Language) -> [(path: String, text: String)] {
        let config = SiteConfig(
            title: "", baseURL: "/", categories: [CategoryConfig(key: "tin-tuc-su-kien", title: "Tin tức sự kiện")])
        let title = language == .vi ? "Chào mừng đến với cổng thông tin" : "Welcome to the portal"
        var article = ArticleScaffold.make(
            title: title, category: "tin-tuc-su-kien", bloc: nil, now: now, config: config, language: language)!
        article.text = article.text.replacingOccurrences(of: "draft: true", with: "# draft: true")
        return [("site/site.yaml", siteYAML(language)), article]
    }

    static func siteYAML(_ language: Language) -> String {
        language == .vi ? vietnamese : english
    }

    /// The same tree in both languages: its titles are the portal's, in Vietnamese.
    private static let categories = """
        categories:
          - key: tin-tuc-su-kien
            title: "Tin tức sự kiện"
            children:
              - key: chinh-tri-kt-vh-xh
                title: "Chính trị KT-VH-XH"
          - key: tin-hoat-dong-cum-khoi
            title: "Tin hoạt động cụm, khối thi đua"
          - key: van-ban-chi-dao
            title: "Văn bản chỉ đạo, điều hành"
        """

    private static let vietnamese = """
        # Cài đặt của cổng thông tin. Dòng bắt đầu bằng # là chú thích.
        title: "Ban Thi đua - Khen thưởng tỉnh …"      # tên cổng thông tin (bắt buộc)
        base_url: "https://thidua.example.gov.vn/"      # địa chỉ trang khi đã đăng (bắt buộc)
        language: vi                  # vi: thông báo tiếng Việt; en: tiếng Anh
        timezone: Asia/Ho_Chi_Minh    # múi giờ của ngày đăng bài
        per_page: 20                  # số bài trên một trang danh sách
        related_count: 5              # số bài trong mỗi danh sách "Tin liên quan"
        # Cây chuyên mục, theo thứ tự trên thanh menu. Bài viết ghi 'category:' bằng 'key'.
        \(categories)
        counter:
          endpoint: ""                # để trống: khối "Thống kê truy cập" hiện dấu gạch
        # publish_file_types: [kmz, dwg]   # thêm loại tệp được đăng từ content/

        """

    private static let english = """
        # The portal's settings. Lines starting with # are comments.
        title: "Emulation and Commendation Board of … Province"   # the portal's name (required)
        base_url: "https://thidua.example.gov.vn/"                # its address once published (required)
        language: en                  # vi: messages in Vietnamese; en: in English
        timezone: Asia/Ho_Chi_Minh    # the time zone of article dates
        per_page: 20                  # articles on a list page
        related_count: 5              # articles in each related-news list
        # The category tree, in menu order. Articles name theirs with 'category:' and its 'key'.
        \(categories)
        counter:
          endpoint: ""                # empty: the visitor counter block shows dashes
        # publish_file_types: [kmz, dwg]   # more file types to publish from content/

        """
}
