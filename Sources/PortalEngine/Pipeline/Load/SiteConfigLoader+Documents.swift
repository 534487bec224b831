import Yams

/// `documents:` in site.yaml.
extension SiteConfigLoader {
    static func readDocumentSettings(
        _ node: Node, into settings: inout DocumentSettings, problems: inout [Diagnostic]
    ) {
        func at(_ node: Node) -> SourcePosition? { YAMLReading.position(of: node, firstLine: 1) }
        guard case .mapping(let mapping) = node else {
            if !node.isNull { problems.append(.error(path, at(node), Message(.documentsMustBeMapping))) }
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                guard let title = value.string?.trimmedWhitespace, !title.isEmpty else {
                    problems.append(.error(path, at(value), Message(.fieldMustBeText, "documents.title")))
                    continue
                }
                settings.title = title
            case "types":
                guard case .sequence(let items) = value else {
                    problems.append(.error(path, at(value), Message(.fieldMustBeList, "documents.types")))
                    continue
                }
                for item in items {
                    guard let type = item.string?.trimmedWhitespace, !type.isEmpty else {
                        problems.append(.error(path, at(item), Message(.listItemMustBeText, "documents.types")))
                        continue
                    }
                    settings.types.append(type)
                }
            default:
                problems.append(.error(path, at(keyNode), Message(.urlsUnknownKey, "\(key)", "title, types")))
            }
        }
    }
}
