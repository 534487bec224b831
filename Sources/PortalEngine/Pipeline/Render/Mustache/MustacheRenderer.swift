/// Renders compiled templates with typed values: no `Any`, no dynamic casts, one output buffer
/// of UTF-8 that values are written and escaped into, with no String made for each.
///
/// Truth follows the engine's templates as they were written for swift-mustache: only `false`,
/// an empty list and a missing name are false; an empty text or a zero is true.
struct MustacheRenderer {
    let templates: [String: [MustacheNode]]

    func render(_ name: String, _ value: TemplateValue) -> String {
        String(decoding: renderBytes(name, value), as: UTF8.self)
    }

    /// The page as UTF-8, as `render` would make it.
    func renderBytes(_ name: String, _ value: TemplateValue) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var state = State(stack: [value])
        state.output.reserveCapacity(32 * 1024)
        render(nodes, &state)
        return state.output
    }

    private struct State {
        var output: [UInt8] = []
        var stack: [TemplateValue]
        /// Position in the list being iterated, for `first()`, `last()` and `index()`.
        var position: (index: Int, count: Int)? = nil
        /// Block overrides from the parents being rendered, innermost last; the outermost wins.
        var overrides: [[String: MustacheBlock]] = []
        var indentation = ""
        var atLineStart = true
    }

    private func render(_ nodes: [MustacheNode], _ state: inout State) {
        for node in nodes {
            switch node {
            case .text(let text): write(text, &state, fromTemplate: true)
            case .variable(let name, let escaped):
                guard let value = lookup(name, state) else { continue }
                write(value, escaped: escaped, &state)
            case .section(let name, let inverted, let children):
                section(lookup(name, state), inverted: inverted, children, &state)
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                indented(indentation, &state) { render(partial, &$0) }
            case .parent(let name, let indentation, let blocks):
                guard let parent = templates[name] else { continue }
                state.overrides.append(blocks)
                indented(indentation, &state) { render(parent, &$0) }
                state.overrides.removeLast()
            case .block(let name, let block):
                guard let override = state.overrides.lazy.compactMap({ $0[name] }).first else {
                    render(block.nodes, &state)
                    continue
                }
                expand(override, at: block.indentation ?? "", &state)
            }
        }
    }

    /// An override's lines lose the indentation they had where it was written and take the
    /// indentation of the block it replaces.
    private func expand(_ override: MustacheBlock, at indentation: String, _ state: inout State) {
        guard let written = override.indentation, !written.isEmpty else {
            return indented(indentation, &state) { render(override.nodes, &$0) }
        }
        let saved = (state.output, state.indentation, state.atLineStart)
        (state.output, state.indentation, state.atLineStart) = ([], "", true)
        render(override.nodes, &state)
        let lines = String(decoding: state.output, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let dedented = lines.map { line in
            let common = zip(line, written).prefix(while: { $0 == $1 }).count
            return line.dropFirst(common)
        }
        (state.output, state.indentation, state.atLineStart) = saved
        indented(indentation, &state) { write(dedented.joined(separator: "\n"), &$0, fromTemplate: true) }
    }

    private func section(_ value: TemplateValue?, inverted: Bool, _ children: [MustacheNode], _ state: inout State) {
        switch value {
        case .list(let items):
            if inverted {
                if items.isEmpty { render(children, &state) }
                return
            }
            let saved = state.position
            for (i, item) in items.enumerated() {
                state.position = (i, items.count)
                state.stack.append(item)
                render(children, &state)
                state.stack.removeLast()
            }
            state.position = saved
        case .bool(let flag):
            if flag != inverted { render(children, &state) }
        case nil:
            if inverted { render(children, &state) }
        case .some(let value):
            guard !inverted else { return }
            state.stack.append(value)
            render(children, &state)
            state.stack.removeLast()
        }
    }

    /// Renders with `indentation` before each line the template writes (a standalone partial).
    private func indented(_ indentation: String, _ state: inout State, _ body: (inout State) -> Void) {
        guard !indentation.isEmpty else { return body(&state) }
        let saved = state.indentation
        state.indentation = saved + indentation
        state.atLineStart = true
        body(&state)
        state.indentation = saved
    }

    /// Writes a variable's value, escaped or not; a stored body's bytes go straight in.
    private func write(_ value: TemplateValue, escaped: Bool, _ state: inout State) {
        guard state.indentation.isEmpty else {
            let text = Self.text(of: value)
            return write(escaped ? HTMLEscaping.escape(text) : text, &state, fromTemplate: false)
        }
        if case .storedText(let text) = value {
            // Not checked again as UTF-8: a body is bytes this build wrote from a String, or a
            // store record whose check held when it was taken.
            return text.withUTF8 { append($0, escaped: escaped, to: &state.output) }
        }
        var text = Self.text(of: value)
        text.withUTF8 { append($0, escaped: escaped, to: &state.output) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, to output: inout [UInt8]) {
        if escaped { HTMLEscaping.escape(bytes, into: &output) } else { output.append(contentsOf: bytes) }
    }

    private func write(_ text: String, _ state: inout State, fromTemplate: Bool) {
        guard !state.indentation.isEmpty else {
            state.output.append(contentsOf: text.utf8)
            return
        }
        guard !text.isEmpty else { return }
        if !fromTemplate {
            if state.atLineStart { state.output.append(contentsOf: state.indentation.utf8) }
            state.atLineStart = false
            state.output.append(contentsOf: text.utf8)
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.offset > 0 {
                state.output.append(0x0A)
                state.atLineStart = true
            }
            if !line.element.isEmpty {
                if state.atLineStart { state.output.append(contentsOf: state.indentation.utf8) }
                state.atLineStart = false
                state.output.append(contentsOf: line.element.utf8)
            }
        }
    }

    private func lookup(_ name: MustacheName, _ state: State) -> TemplateValue? {
        switch name {
        case .current: return state.stack.last
        case .first: return state.position.map { .bool($0.index == 0) }
        case .last: return state.position.map { .bool($0.index == $0.count - 1) }
        case .index: return state.position.map { .int($0.index) }
        case .path(let parts):
            guard let head = parts.first else { return nil }
            var found: TemplateValue?
            for level in state.stack.reversed() {
                found = level.field(head)
                if found != nil { break }
            }
            guard var value = found else { return nil }
            for part in parts.dropFirst() {
                guard let next = value.field(part) else { return nil }
                value = next
            }
            return value
        }
    }

    /// How a value prints: numbers as Swift prints them, lists and objects as nothing useful.
    static func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let text): return text
        case .storedText(let text): return text.string
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .list, .object, .shared: return ""
        }
    }
}
