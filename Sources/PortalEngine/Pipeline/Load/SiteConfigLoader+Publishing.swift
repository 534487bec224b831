import Yams

/// The settings of site.yaml that say how the site is published: which file types, which web
/// server files, which URL segments, relative links.
extension SiteConfigLoader {
    static func readBool(_ node: Node, _ key: String, problems: inout [Diagnostic]) -> Bool? {
        if let b = node.plainBool { return b }
        problems.append(.error(path, YAMLReading.position(of: node, firstLine: 1), Message(.fieldMustBeBool, "\(key)")))
        return nil
    }

    /// `publish_file_types: [kmz, .DWG]` → `kmz`, `dwg`; HTML, JS and PHP are refused.
    static func readPublishFileTypes(_ node: Node, problems: inout [Diagnostic]) -> Set<String> {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        let items: [Node]
        switch node {
        case .sequence(let seq): items = Array(seq)
        case .scalar: items = node.isNull ? [] : [node]
        default:
            problems.append(.error(path, at(node), Message(.publishTypesNotList)))
            return []
        }
        var types: Set<String> = []
        for item in items {
            guard let raw = item.string?.trimmedWhitespace, !raw.isEmpty else {
                problems.append(.error(path, at(item), Message(.publishTypesNotList)))
                continue
            }
            let type = (raw.hasPrefix(".") ? String(raw.dropFirst()) : raw).lowercased()
            if ["html", "htm", "js", "php"].contains(type) {
                problems.append(.error(path, at(item), Message(.publishTypeRefused, "\(raw)")))
            } else {
                types.insert(type)
            }
        }
        return types
    }

    /// `deploy_files: {htaccess: false, web_config: true}`.
    static func readDeployFiles(_ node: Node, into files: inout DeployFiles, problems: inout [Diagnostic]) {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        guard case .mapping(let mapping) = node else {
            if !node.isNull { problems.append(.error(path, at(node), Message(.deployFilesMustBeMapping))) }
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard key == "htaccess" || key == "web_config" else {
                problems.append(.error(path, at(keyNode), Message(.urlsUnknownKey, "\(key)", "htaccess, web_config")))
                continue
            }
            guard let b = readBool(value, "deploy_files.\(key)", problems: &problems) else { continue }
            if key == "htaccess" { files.htaccess = b } else { files.webConfig = b }
        }
    }

    static func readURLSegments(_ node: Node, into segments: inout URLSegments, problems: inout [Diagnostic]) {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        guard case .mapping(let mapping) = node else {
            if !node.isNull { problems.append(.error(path, at(node), Message(.urlsMustBeMapping))) }
            return
        }
        var seen: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, URLSegments.keys.contains(key) else {
                let known = URLSegments.keys.joined(separator: ", ")
                problems.append(
                    .error(path, at(keyNode), Message(.urlsUnknownKey, "\(keyNode.string ?? "")", "\(known)")))
                continue
            }
            guard let segment = value.string?.trimmedWhitespace else {
                problems.append(.error(path, at(value), Message(.fieldMustBeText, "urls.\(key)")))
                continue
            }
            if let problem = Slug.problem(with: segment) {
                problems.append(.error(path, at(value), Message(.urlsSegmentProblem, .message(problem))))
                continue
            }
            if let other = seen[segment] {
                problems.append(.error(path, at(value), Message(.urlsSegmentTwice, "\(segment)", "\(other)", "\(key)")))
                continue
            }
            seen[segment] = key
            segments[key] = segment
        }
    }
}
