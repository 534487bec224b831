/// What the first pass checks of a document (văn bản): its required fields, its type, that no
/// other document of its body and year has its number, and its address.
extension AddressPass {
    /// "Quyết định số 15/QĐ-UBND", when `title:` is not written.
    static func documentTitle(_ fields: DocumentFrontMatter) -> String? {
        guard let type = fields.type, let number = fields.number else { return nil }
        return "\(type) số \(number)"
    }

    /// From the number, with the year of issue when the number does not carry it (numbers
    /// start again each year: 15/QĐ-UBND of 2019 and of 2020 are two documents).
    func documentSlug(_ fields: DocumentFrontMatter) -> String? {
        guard let number = fields.number, let issued = fields.issued else { return nil }
        let slug = Slug.make(from: number)
        let year = String(LocalDateTime(issued, in: zone).year)
        return slug.split(separator: "-").contains(Substring(year)) ? slug : slug + "-" + year
    }

    /// False when a required field is missing or a value is refused; each problem is a diagnostic.
    mutating func checkDocument(_ document: SourceDocument) -> Bool {
        let front = document.frontMatter
        let fields = front.document
        let file = document.file.sourcePath
        let top = SourcePosition(line: 1, column: 1)
        var ok = true
        func require(_ present: Bool, _ field: String, _ example: String) {
            if present { return }
            ok = false
            // A value that was written but could not be read already has its own error.
            if front.positions[field] == nil {
                diagnostics.append(.error(file, top, Message(.documentFieldMissing, "\(field)", "\(example)")))
            }
        }
        require(fields.number != nil, "so_ky_hieu", "so_ky_hieu: 15/QĐ-UBND")
        require(fields.type != nil, "loai", "loai: Quyết định")
        require(fields.issuer != nil, "co_quan", "co_quan: UBND tỉnh Cao Bằng")
        require(fields.issued != nil, "ngay_ban_hanh", "ngay_ban_hanh: 2019-07-09")
        require(fields.abstract != nil, "trich_yeu", "trich_yeu: Về việc khen thưởng…")
        if let type = fields.type, !documentTypes.isEmpty,
            !documentTypes.contains(where: { Slug.make(from: $0) == Slug.make(from: type) })
        {
            ok = false
            diagnostics.append(
                .error(
                    file, front.positions["loai"],
                    Message(.documentTypeUnknown, "\(type)", "\(documentTypes.joined(separator: ", "))")))
        }
        if let at = front.positions["expires"] {
            diagnostics.append(.warning(file, at, Message(.documentExpiresIgnored)))
        }
        if let issued = fields.issued {
            if let effective = fields.effective, effective < issued {
                ok = false
                diagnostics.append(
                    .error(file, front.positions["ngay_hieu_luc"], Message(.documentEffectiveBeforeIssue)))
            } else if let end = fields.ends, end <= (fields.effective ?? issued) {
                ok = false
                diagnostics.append(
                    .error(file, front.positions["ngay_het_hieu_luc"], Message(.documentEndsBeforeEffect)))
            }
        }
        if ok, let number = fields.number, let issuer = fields.issuer, let issued = fields.issued {
            let key = [
                LegalDocument.numberKey(number), Slug.make(from: issuer), String(LocalDateTime(issued, in: zone).year),
            ].joined(separator: "|")
            if let other = documentNumbers[key] {
                diagnostics.append(
                    .error(
                        file, front.positions["so_ky_hieu"],
                        Message(.documentNumberTaken, "\(number)", "\(issuer)", "\(other)")))
                return false
            }
            documentNumbers[key] = file
        }
        return ok
    }

    /// Every document key but `loai` has an underscore; the article keys but `image_caption` have
    /// none: most keys are answered without hashing them (a third of this pass at 100,000).
    static func mayBeDocumentKey(_ key: String) -> Bool {
        (key == "loai" || key.utf8.contains(UInt8(ascii: "_"))) && DocumentFrontMatter.keys.contains(key)
    }

    /// An article that carries a document's fields is not a document: say how to make it one.
    mutating func warnAboutDocumentFields(_ document: SourceDocument) {
        // The first such field; a loop, not a filtered copy of every article's positions.
        var first: (key: String, at: SourcePosition)?
        for (key, at) in document.frontMatter.positions where Self.mayBeDocumentKey(key) {
            if let known = first, (known.at.line, known.at.column) <= (at.line, at.column) { continue }
            first = (key, at)
        }
        guard let (key, at) = first else { return }
        diagnostics.append(.warning(document.file.sourcePath, at, Message(.documentFieldOutsideDocuments, "\(key)")))
    }
}
