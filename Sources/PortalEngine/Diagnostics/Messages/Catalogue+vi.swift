extension MessageCatalogue {
    /// Vietnamese: what editors read by default; `{0}`, `{1}`… are the message's values.
    static let vietnamese: [MessageID: String] = [
        .severityError: "lỗi",
        .severityWarning: "cảnh báo",
        .buildSummary: "{0}, {1} trang, {2} tệp sao chép ({3} ghi mới, {4} giữ nguyên) trong {5} giây → {6}/",
        .buildFailed: "{0} lỗi; thư mục kết quả vẫn giữ nguyên như trước",
        .waitingForOtherBuild: "một lần dựng khác đang ghi vào {0}/; đang chờ nó xong",
        .checkSummary: "{0} trang, {1} liên kết nội bộ, {2} vấn đề",
        .leftoversNote:
            "bỏ qua {0} tệp sao lưu, tệp khóa hoặc tệp hệ thống (tên~, *.bak, ~$tên, Thumbs.db…): các tệp này không bao giờ được đăng",
        .scheduledNote:
            "{0} bài viết có ngày ở tương lai đang chờ; bài đầu tiên sẽ được đăng ở lần dựng đầu tiên sau {1} (--future để đăng ngay)",
        .cliAbstract: "Dựng cổng thông tin: từ content/ và site/ ra thư mục public/.",
        .cliBuildDiscussion:
            "Lỗi và cảnh báo được in dạng tệp:dòng:cột: mức độ: nội dung. Có lỗi thì kết thúc với mã 1.",
        .cliCheckAbstract:
            "Kiểm tra trang đã dựng: liên kết nội bộ và ảnh đều tồn tại, không có mã không an toàn. Dùng các tùy chọn --source, --output và --lang của lệnh dựng.",
        .cliOptionSource: "Thư mục của trang, chứa content/ và site/.",
        .cliOptionOutput: "Nơi ghi trang kết quả (mặc định: <source>/public).",
        .cliOptionCheckOutput: "Trang đã dựng cần kiểm tra (mặc định: <source>/public).",
        .cliOptionDrafts: "Đăng cả các bài nháp (draft: true).",
        .cliOptionFuture: "Đăng ngay các bài có ngày ở tương lai, không chờ đến ngày.",
        .cliOptionBaseURL: "Dùng địa chỉ gốc này thay cho base_url trong site.yaml.",
        .cliOptionStrict: "Coi cảnh báo là lỗi.",
        .cliOptionQuiet: "Chỉ in lỗi, không in cảnh báo và dòng tóm tắt.",
        .cliOptionTimings: "In thời gian của từng bước.",
        .cliOptionReport:
            "json: in báo cáo của lần dựng thành một đối tượng JSON (cho đo hiệu năng) thay cho dòng tóm tắt.",
        .timingsSearch: "chỉ mục tìm kiếm: {0}",
        .timingsTokenizing: "chỉ mục tìm kiếm: tách từ {0} MB văn bản, {1} MB/giây mỗi nhân",
        .timingsSearchPatch: "chỉ mục tìm kiếm: đọc và vá {0} trên {1} tệp từ khóa",
        .timingsPages: "trang: {0} dựng mới, {1} giữ từ lần dựng trước ({2} trong số đó không cần dựng dữ liệu)",
        .timingsSources:
            "tệp Markdown: {0} đọc mới, {1} giữ lại ({4} tệp không cần đọc: không đổi từ lần dựng trước); nội dung: {2} dựng mới ({5} trong số đó ghi ngay vào bộ nhớ đệm), {3} giữ lại",
        .cliOptionLang: "Ngôn ngữ của thông báo: vi hoặc en (mặc định: language trong site.yaml).",
        .previewAbstract:
            "Xem trước cổng thông tin khi biên tập: dựng lại mỗi khi có thay đổi và tự tải lại các trang đang mở.",
        .previewDiscussion:
            "Dựng vào <source>/.build-site-cache/preview (không bao giờ vào public/), phục vụ trang đó và trả lời bộ đếm truy cập ở /api/counter. Lỗi khi dựng hiện trong trình duyệt và ở đây; trang tốt gần nhất vẫn được phục vụ. Nhấn Ctrl+C để dừng.",
        .previewOptionHost: "Địa chỉ để lắng nghe.",
        .previewOptionPort: "Cổng để lắng nghe (0 để tự chọn cổng trống).",
        .previewServing: "đang phục vụ {0} tại {1} (nhấn Ctrl+C để dừng)",
        .previewBuilt: "đã dựng {0} trong {1} giây ({2} tệp ghi mới, {3} giữ nguyên)",
        .previewBuiltAfter:
            "đã dựng {0} trong {1} giây ({2} tệp ghi mới, {3} giữ nguyên) sau khi {4} thay đổi",
        .previewFailed: "dựng lỗi ({0} lỗi); vẫn phục vụ trang tốt gần nhất",
        .previewFailedAfter: "dựng lỗi ({0} lỗi) sau khi {1} thay đổi; vẫn phục vụ trang tốt gần nhất",
        .previewPortBusy:
            "cổng {0} đang được chương trình khác dùng (một preview-site khác?); hãy chọn cổng khác: preview-site --port {1}",
        .previewCannotServe: "không phục vụ được ở {0}:{1}: {2}",
        .cliNewAbstract:
            "Bắt đầu một bài viết: tạo content/articles/NĂM/<slug>.md có tiêu đề, ngày giờ hôm nay, chuyên mục và draft: true. Không bao giờ ghi đè tệp có sẵn.",
        .cliNewTitle: "Tiêu đề bài viết.",
        .cliNewCategory: "Khóa chuyên mục (trong site.yaml).",
        .cliNewBloc: "Khối, cụm thi đua mà bài viết nói tới.",
        .cliInitAbstract:
            "Tạo một trang mới trong một thư mục: site.yaml có chú thích, cây chuyên mục và một bài viết mẫu.",
        .cliInitFolder: "Thư mục để tạo trang (sẽ được tạo nếu chưa có).",
        .newCreated: "đã tạo {0}; hãy viết bài, rồi xóa dòng 'draft: true' để đăng (build-site --drafts để xem ngay)",
        .newExists: "{0} đã có; tệp không bị thay đổi. Hãy chọn tiêu đề khác hoặc sửa tệp đó",
        .newNoSite:
            "không có trang ở đây (thiếu site/site.yaml); hãy dùng --source, hoặc tạo trang bằng build-site init",
        .newBrokenSite: "site/site.yaml đang có lỗi; hãy sửa trước (chạy build-site để xem)",
        .newNoSlug: "không tạo được tên tệp từ tiêu đề này; tiêu đề cần có chữ hoặc số",
        .initCreated: "đã tạo trang mới trong {0}: {1}; dựng trang bằng lệnh: build-site --source {0}",
        .initNotEmpty: "{0} đã có một trang ({1} đã tồn tại); không thay đổi gì",
        .initCannotWrite: "không ghi được {0}: {1}",
        .progressReading: "đang đọc bài viết…",
        .progressMarkdown: "đang trình bày {0} bài viết…",
        .progressSearch: "đang lập chỉ mục tìm kiếm…",
        .progressPages: "đang ghi trang {0}/{1}…",
        .progressCopying: "đang sao chép tệp…",
        .progressPhotos: "đang tạo các cỡ ảnh cho web…",
        .progressFinishing: "đang đưa trang vào chỗ…",
        .siteYAMLUnreadable: "không đọc được tệp cài đặt; mỗi trang cần có tệp site/site.yaml",
        .siteYAMLNotMapping: "site.yaml phải gồm các dòng 'khóa: giá trị'",
        .fieldMustBeText: "'{0}' phải là một giá trị chữ",
        .fieldMustBePositiveInt: "'{0}' phải là số nguyên lớn hơn 0",
        .fieldMustBeBool: "'{0}' phải là true hoặc false",
        .fieldMustBeList: "'{0}' phải là một danh sách",
        .documentsMustBeMapping:
            "'documents' phải chứa các dòng như 'title: Văn bản chỉ đạo, điều hành' và 'types: [Quyết định, Kế hoạch]'",
        .documentFieldMissing:
            "văn bản thiếu '{0}'; hãy thêm một dòng như: {1}",
        .documentTypeUnknown:
            "loại văn bản '{0}' không có trong danh sách 'documents: types' của site.yaml ({1}); hãy sửa 'loai' cho đúng, hoặc thêm loại này vào site.yaml",
        .documentEffectiveBeforeIssue:
            "'ngay_hieu_luc' sớm hơn 'ngay_ban_hanh': văn bản không thể có hiệu lực trước ngày ban hành; hãy kiểm tra lại hai ngày",
        .documentEndsBeforeEffect:
            "'ngay_het_hieu_luc' không sau ngày văn bản có hiệu lực; hãy kiểm tra lại ngày này (ngày/tháng có bị đảo không?)",
        .documentNumberTaken:
            "văn bản số {0} của {1} trong năm này đã có ở {2}; mỗi số ký hiệu chỉ dùng một lần mỗi năm cho một cơ quan: hãy sửa 'so_ky_hieu', hoặc xóa một trong hai tệp nếu trùng",
        .documentFieldOutsideDocuments:
            "'{0}' chỉ dùng cho văn bản, nên bài này vẫn là tin thường; để đăng thành văn bản, hãy chuyển tệp vào thư mục content/van-ban/ hoặc thêm dòng 'type: van-ban'",
        .documentReferenceNotFound:
            "'{0}' nhắc đến văn bản số {1}, nhưng không có văn bản nào mang số này; hãy kiểm tra số ký hiệu, hoặc đăng văn bản đó trong content/van-ban/",
        .documentExpiresIgnored:
            "văn bản không dùng 'expires': văn bản hết hiệu lực vẫn ở trong danh sách, với nhãn 'Hết hiệu lực'; hãy ghi ngày đó vào 'ngay_het_hieu_luc' và xóa dòng 'expires'",
        .countArticles: "{0} bài viết",
        .countArticlesAndDocuments: "{0} bài viết, {1} văn bản",
        .attachmentItemInvalid:
            "mỗi mục của 'files' là đường dẫn tệp (files/ke-hoach.pdf), hoặc 'file:' kèm 'title:' nếu muốn đặt tên",
        .listItemMustBeText: "mỗi mục của '{0}' phải là một giá trị chữ",
        .siteTitleEmpty: "'title' đang để trống",
        .siteTitleMissing: "thiếu 'title': tên của cổng thông tin",
        .baseURLInvalid:
            "'base_url' phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, ví dụ https://thidua.example.gov.vn/",
        .baseURLMissing: "thiếu 'base_url', ví dụ https://thidua.example.gov.vn/",
        .unknownTimeZone: "không có múi giờ '{0}'; hãy dùng tên như Asia/Ho_Chi_Minh",
        .counterMustBeMapping: "'counter' phải chứa dòng 'endpoint: địa chỉ'",
        .publishTypesNotList: "'publish_file_types' phải là danh sách các loại tệp, ví dụ [dwg, kmz]",
        .publishTypeRefused:
            "không thể đăng tệp '{0}' từ content/: chúng có thể chạy mã trên cổng thông tin; tệp giao diện hãy đặt trong site/static/",
        .urlsMustBeMapping: "'urls' phải gồm các dòng như 'category: chuyen-muc'",
        .urlsSegmentProblem: "đoạn địa chỉ: {0}",
        .urlsUnknownKey: "không có mục '{0}' ở đây; chỉ có: {1}",
        .deployFilesMustBeMapping: "'deploy_files' phải gồm 'htaccess: true|false' và 'web_config: true|false'",
        .urlsSegmentTwice: "'{0}' đang là đoạn địa chỉ của cả '{1}' và '{2}'; hãy đặt mỗi mục một đoạn riêng",
        .categoriesNotList: "'categories' phải là danh sách các mục '- key: …'",
        .categoryNeedsKeyAndTitle: "mỗi chuyên mục cần có 'key' và 'title'",
        .categoryNeedsKey: "chuyên mục cần có 'key'",
        .categoryKeyProblem: "khóa chuyên mục: {0}",
        .categoryKeyTwice: "khóa chuyên mục '{0}' bị dùng hai lần",
        .categoryKeyTwiceAt: "khóa chuyên mục '{0}' bị dùng hai lần (lần đầu ở dòng {1})",
        .categoryNeedsTitle: "chuyên mục '{0}' cần có 'title'",
        .yamlUnreadable: "không đọc được YAML: {0}",
        .yamlInvalid: "YAML không hợp lệ: {0}",
        .yamlInvalidStartsHere: "YAML không hợp lệ: {0} ({1} bắt đầu ở đây)",
        .yamlInvalidAtLine: "YAML không hợp lệ: {0} ({1} ở dòng {2})",
        .yamlTabIndent: "dòng này được thụt vào bằng phím Tab, YAML không cho phép; dùng dấu cách thay cho phím Tab",
        .yamlColonInValue:
            "giá trị của '{0}' có dấu ': ' nên YAML hiểu nhầm là một khóa khác; hãy đặt giá trị trong dấu ngoặc kép: {0}: \"…\"",
        .yamlListDash: "mục danh sách cần một dấu cách sau dấu '-': hãy viết '- {0}'",
        .yamlKeyTwice: "'{0}' được viết hai lần (cả ở dòng {1}); hãy giữ lại một dòng",
        .yamlBracketValue:
            "giá trị của '{0}' bắt đầu bằng '{1}' nên YAML hiểu là một danh sách; nếu đó là chữ, hãy đặt trong dấu ngoặc kép: {0}: \"{1}…\" (nếu là danh sách, phải đóng ngoặc trên cùng dòng)",
        .yamlQuoteNotClosed: "dấu ngoặc kép mở ở đây chưa được đóng; hãy kết thúc giá trị bằng dấu {0} trên cùng dòng",
        .yamlDuplicateKey: "YAML không hợp lệ: khóa {0} xuất hiện hai lần",
        .fileTypeNotPublished:
            "không được đăng: tệp '.{0}' không có trong danh sách loại tệp được đăng (ảnh, PDF, văn bản văn phòng, tệp nén, âm thanh, video); thêm {0} vào publish_file_types trong site.yaml để đăng tệp này",
        .checkNoSite: "không có trang đã dựng ở đây; hãy chạy build-site trước",
        .fileWithoutTypeNotPublished:
            "không được đăng: tệp không có đuôi loại tệp (.pdf, .jpg…); hãy đổi tên tệp, thêm đuôi đúng loại",
        .noContentFolder: "không có thư mục content/ ở đây; --source có đúng là thư mục của trang không?",
        .fileUnreadable: "không đọc được tệp (hãy kiểm tra quyền truy cập tệp)",
        .cachedTextDamaged:
            "bản lưu tạm của tệp này đã hỏng (chưa đăng gì): hãy xoá thư mục .build-site-cache rồi dựng lại",
        .fileEmpty: "tệp trống; bài viết cần phần đầu (front matter) có title, date và category",
        .frontMatterNotOpened:
            "tệp phải bắt đầu bằng dòng '---' để mở phần đầu (front matter): dòng '---', rồi các dòng title:, date:…, rồi một dòng '---' nữa",
        .frontMatterCloseHere:
            "phần đầu (front matter) mở ở dòng 1 chưa được đóng; hãy thêm một dòng '---' ở đây, giữa các trường và nội dung bài viết",
        .frontMatterNotClosed: "phần đầu (front matter) mở ở đây nhưng chưa được đóng bằng dòng '---'",
        .frontMatterNotMapping: "phần đầu (front matter) phải gồm các dòng 'khóa: giá trị'",
        .notUTF8: "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
        .notUTF8LooksUTF16: "tệp không phải văn bản UTF-8 (có vẻ là UTF-16); hãy lưu lại với bảng mã UTF-8",
        .folderUnreadable: "không đọc được thư mục: {0}",
        .entryUnreadable: "không đọc được: {0}",
        .brokenSymlink: "liên kết tượng trưng (symlink) bị hỏng, đã bỏ qua",
        .symlinkFolder: "không đi theo liên kết tượng trưng (symlink) tới thư mục",
        .assetReplaces: "thay thế {0} ở cùng đường dẫn kết quả {1}",
        .commaList:
            "'{0}' là một dòng chữ có dấu phẩy; đã được hiểu thành {1} mục. Hãy viết thành danh sách: {0}: [{2}]",
        .curlyQuotes:
            "tiêu đề nằm trong dấu ngoặc kép cong (“…”) do Word tự gõ; đã bỏ các dấu này đi. Hãy đặt tiêu đề trong dấu ngoặc kép thẳng: title: \"…\"",
        .slugEmpty: "slug đang để trống",
        .slugTooLong: "slug dài quá {0} ký tự",
        .slugLeavesFolder: "slug '{0}' sẽ ra khỏi thư mục của nó",
        .slugHasSlash: "slug '{0}' có dấu gạch chéo; slug chỉ là một đoạn của địa chỉ",
        .slugBadCharacter: "slug '{0}' có ký tự '{1}'; chỉ dùng a-z, 0-9, '-', '_' và '.'",
        .dateInvalid:
            "'{0}' không phải ngày tháng; hãy viết 2019-07-09, 2019-07-09 08:22 hoặc 2019-07-09T08:22:00+07:00",
        .dateMonthInvalid: "'{0}': không có tháng {1}",
        .dateDayInvalid: "'{0}': tháng {1}/{2} có {3} ngày, không có ngày {4}",
        .dateTimeOutOfRange: "'{0}': giờ phút không hợp lệ",
        .dateOffsetOutOfRange: "'{0}': độ lệch múi giờ UTC không hợp lệ",
        .dateDayFirst: "'{0}' được viết theo thứ tự ngày/tháng/năm; hãy viết năm trước: {1}",
        .templateUnreadable: "không đọc được mẫu giao diện",
        .templateError: "lỗi mẫu giao diện: {0}",
        .templateMissing: "thiếu mẫu giao diện '{0}'",
        .aliasScheme: "alias '{0}' phải là đường dẫn trong trang này, không phải địa chỉ '{1}:'",
        .aliasOutside: "alias '{0}' không phải đường dẫn bên trong trang",
        .aliasTooLong: "alias '{0}…' có một đoạn dài quá {1} ký tự",
        .aliasReplacesPage: "alias '{0}' sẽ đè lên một trang của cổng thông tin",
        .aliasTwice: "alias '{0}' cũng là alias của {1}",
        .missingTitle: "thiếu 'title' trong phần đầu (front matter)",
        .missingDate: "thiếu 'date' trong phần đầu (ví dụ date: 2019-07-09 08:22)",
        .missingCategory: "thiếu 'category' trong phần đầu; hãy dùng một khóa trong mục categories của site.yaml",
        .unknownCategory: "không có chuyên mục '{0}'; site.yaml có: {1}",
        .unknownCategoryMeant:
            "không có chuyên mục '{0}'; có phải ý bạn là '{1}'? 'category' nhận khóa (key) trong site.yaml, không nhận tên chuyên mục",
        .titleMakesNoURL: "không tạo được địa chỉ từ tiêu đề này; hãy thêm dòng 'slug:'",
        .urlReserved: "địa chỉ /{0}/ đã được chương trình hoặc một thư mục sao chép dùng; hãy đặt 'slug:' khác",
        .urlTaken: "địa chỉ {0} trùng với địa chỉ của {1}; hãy đặt 'slug:' khác cho một trong hai bài",
        .urlChanged:
            "địa chỉ của bài này đã đổi từ {0} sang {1}; địa chỉ cũ tạm thời chuyển hướng về đây. Hãy thêm nó vào 'aliases:' (aliases: [\"{0}\"]) để giữ lâu dài, hoặc đặt 'slug: {2}' để giữ địa chỉ cũ",
        .imageNotFound: "không tìm thấy ảnh: {0}; {1}",
        .fileNotFound: "không tìm thấy tệp được liên kết: {0}; {1}",
        .hintCheckName: "hãy kiểm tra tên tệp và thư mục (trên máy chủ web, chữ hoa và chữ thường là khác nhau)",
        .hintDidYouMean: "có phải ý bạn là {0}?",
        .imagesMustBeMapping: "'images' phải là một nhóm cài đặt, ví dụ: images: {quality: 80, webp: true}",
        .imagesSizeInvalid: "'{0}' phải là số điểm ảnh từ 16 đến 8000",
        .imagesWidthsNotList: "'images.widths' phải là danh sách chiều rộng, ví dụ: [480, 800, 1200, 1600]",
        .imagesThumbnailNotPair: "'images.thumbnail' phải gồm chiều rộng và chiều cao, ví dụ: [160, 120]",
        .imagesQualityInvalid: "'images.quality' phải là số từ 1 đến 100 (mặc định 80)",
        .photoUnreadable:
            "không đọc được ảnh {0}: tệp không phải ảnh JPEG, PNG, GIF hoặc WebP, hoặc đã bị hỏng; hãy mở ảnh bằng trình xem ảnh rồi lưu lại dạng JPEG (chi tiết: {1})",
        .photoDamaged:
            "ảnh {0} bị hỏng hoặc chưa chép trọn vẹn; hãy chép lại ảnh gốc từ máy ảnh hoặc điện thoại (chi tiết: {1})",
        .photoNotWritten:
            "không lưu được các cỡ ảnh của {0}: ổ đĩa có thể đã đầy hoặc không ghi được; hãy giải phóng chỗ trống rồi dựng lại (chi tiết: {1})",
        .photoTooLarge:
            "ảnh {0} quá lớn ({1}×{2} điểm ảnh, tối đa {3} triệu điểm ảnh); hãy thu nhỏ ảnh (ví dụ rộng 4000 điểm ảnh) rồi lưu lại",
        .imageRejected: "ảnh: {0}",
        .schemeNotAllowed: "không cho phép liên kết '{0}:'",
        .pointsOutside: "'{0}' trỏ ra ngoài thư mục content/",
        .linkRemoved: "đã bỏ liên kết: {0}",
        .linkToUnpublished:
            "liên kết tới {0}, bài này chưa được đăng: {1}; liên kết được bỏ đi cho đến khi bài được đăng",
        .unpublishedDraft: "là bản nháp (draft: true)",
        .unpublishedScheduled: "hẹn đăng lúc {0}",
        .rawHTMLDropped: "mã HTML {0} đã bị bỏ khỏi trang (không đăng mã HTML); {1}",
        .adviceTable:
            "hãy viết bảng bằng Markdown: dòng tiêu đề '| Đơn vị | Điểm |', rồi dòng '| --- | --: |', rồi mỗi hàng một dòng",
        .adviceScript:
            "không bao giờ đăng mã script, khung nhúng, trình phát nhúng hay biểu mẫu; hãy liên kết tới trang đó: [tên trang](https://…)",
        .adviceImage: "hãy chèn ảnh bằng Markdown: ![mô tả ảnh](images/anh.jpg)",
        .adviceLink: "hãy viết liên kết bằng Markdown: [chữ hiện ra](https://địa-chỉ)",
        .adviceBreak:
            "kết thúc dòng bằng dấu gạch chéo ngược (\\) để xuống dòng, hoặc để một dòng trống để sang đoạn mới",
        .adviceBold: "viết chữ đậm là **chữ đậm**",
        .adviceItalic: "viết chữ nghiêng là *chữ nghiêng*",
        .adviceList: "viết danh sách bằng các dòng bắt đầu bằng '- ' hoặc '1. '",
        .adviceHeading: "viết tiêu đề mục bằng dòng bắt đầu bằng '## '",
        .adviceOther:
            "hãy viết chữ Markdown thường, giao diện sẽ tự trình bày (hoặc đặt unsafe_html: true trong site.yaml nếu mã HTML này đáng tin cậy)",
        .baseURLOverrideInvalid: "'{0}' không phải địa chỉ đầy đủ",
        .strictWarnings: "--strict: {0} cảnh báo làm lần dựng thất bại",
        .outputUnprepared: "không chuẩn bị được thư mục kết quả: {0}",
        .systemError: "{0}",
        .searchFileNotKept: "không giữ được tệp chỉ mục tìm kiếm {0}",
        .outputNotReplaced: "không thay được thư mục kết quả: {0}",
        .moreFilesNotWritten: "còn {0} tệp nữa không ghi được",
        .checkUnreadable: "không đọc được",
        .unsafeMarkup: "mã không an toàn: {0}",
        .brokenLink: "liên kết hỏng {0}: không có {1} trong thư mục kết quả",
    ]
}
