import Foundation

/// A legal or guiding document (văn bản): its identifying fields, checked, and the other
/// documents it names, resolved.
public struct LegalDocument: Sendable {
    /// "15/QĐ-UBND" as written.
    public var number: String
    /// "Quyết định", as site.yaml lists it when it lists types.
    public var type: String
    public var issuer: String
    public var signer: String?
    public var issued: Timestamp
    /// Without `ngay_hieu_luc`, a document is in force from the day it was issued.
    public var effective: Timestamp?
    public var ends: Timestamp?
    public var fields: [String]
    public var abstract: String
    /// `thay_the` and `lien_quan` as written, each with where.
    public var replacesWritten: [(number: String, position: SourcePosition?)]
    public var relatedWritten: [(number: String, position: SourcePosition?)]
    /// Resolved: indices into `SiteModel.articles`.
    public var replaces: [Int] = []
    public var replacedBy: [Int] = []
    public var related: [Int] = []

    /// How "15/QĐ-UBND", "15/QD-UBND" and "15 qd ubnd" are one number: folded, lower case,
    /// letters and digits only.
    public static func numberKey(_ number: String) -> String { Slug.make(from: number) }

    /// The day it takes effect.
    public var inForceFrom: Timestamp { effective ?? issued }

    /// The year it was issued, in the site's time zone: the year filter's value.
    public func year(in zone: TimeZone) -> Int { LocalDateTime(issued, in: zone).year }
}

/// Whether a document is in force on a given day (còn / hết / chưa có hiệu lực).
public enum DocumentStatus: String, Sendable {
    case inForce = "con-hieu-luc"
    case ended = "het-hieu-luc"
    case notYet = "chua-co-hieu-luc"

    public var label: String {
        switch self {
        case .inForce: return "Còn hiệu lực"
        case .ended: return "Hết hiệu lực"
        case .notYet: return "Chưa có hiệu lực"
        }
    }

    /// At `now`: not yet before its effective day; ended from its end day, or from the day a
    /// document replacing it takes effect.
    public static func of(_ document: LegalDocument, at now: Timestamp, in articles: [Article]) -> DocumentStatus {
        if let end = endOf(document, in: articles), end <= now { return .ended }
        return document.inForceFrom <= now ? .inForce : .notYet
    }

    /// When it stops being in force: its own end day, or the earliest day a replacement takes effect.
    public static func endOf(_ document: LegalDocument, in articles: [Article]) -> Timestamp? {
        let replacements = document.replacedBy.compactMap { articles[$0].document?.inForceFrom }
        return ([document.ends].compactMap { $0 } + replacements).min()
    }

    /// Every day on which some document's status changes, earliest first.
    static func changes(in articles: [Article]) -> [Timestamp] {
        var days: [Timestamp] = []
        for i in articles.indices {  // by index: no copy of each article
            guard let document = articles[i].document else { continue }
            days.append(document.inForceFrom)
            if let end = endOf(document, in: articles) { days.append(end) }
        }
        return days.sorted()
    }
}
