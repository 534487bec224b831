import Yams

/// `images:` in site.yaml.
extension SiteConfigLoader {
    static let photoKeys = ["widths", "default_width", "thumbnail", "quality", "webp", "keep_originals"]

    static func readPhotoSettings(_ node: Node, into settings: inout PhotoSettings, problems: inout [Diagnostic]) {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        guard case .mapping(let mapping) = node else {
            if !node.isNull { problems.append(.error(path, at(node), Message(.imagesMustBeMapping))) }
            return
        }
        func size(_ node: Node, _ key: String) -> Int? {
            guard let n = node.plainInt, (16...8000).contains(n) else {
                problems.append(.error(path, at(node), Message(.imagesSizeInvalid, "images.\(key)")))
                return nil
            }
            return n
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "widths":
                guard case .sequence(let items) = value, !items.isEmpty else {
                    problems.append(.error(path, at(value), Message(.imagesWidthsNotList)))
                    continue
                }
                let widths = items.compactMap { size($0, key) }
                if widths.count == items.count { settings.widths = Array(Set(widths)).sorted() }
            case "default_width":
                settings.defaultWidth = size(value, key) ?? settings.defaultWidth
            case "thumbnail":
                guard case .sequence(let items) = value, items.count == 2 else {
                    problems.append(.error(path, at(value), Message(.imagesThumbnailNotPair)))
                    continue
                }
                let pair = items.compactMap { size($0, key) }
                if pair.count == 2 { (settings.thumbnailWidth, settings.thumbnailHeight) = (pair[0], pair[1]) }
            case "quality":
                guard let q = value.plainInt, (1...100).contains(q) else {
                    problems.append(.error(path, at(value), Message(.imagesQualityInvalid)))
                    continue
                }
                settings.quality = q
            case "webp":
                settings.webp = readBool(value, "images.webp", problems: &problems) ?? settings.webp
            case "keep_originals":
                settings.keepOriginals =
                    readBool(value, "images.keep_originals", problems: &problems) ?? settings.keepOriginals
            default:
                problems.append(
                    .error(
                        path, at(keyNode), Message(.urlsUnknownKey, "\(key)", "\(photoKeys.joined(separator: ", "))")))
            }
        }
    }
}
