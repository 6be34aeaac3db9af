internal import CCmark

/// A parsed libcmark tree that frees itself. Nodes are only valid while the tree is alive,
/// so everything public is copied out into Swift values before the tree goes away.
final class CmarkTree {
    let root: CmarkNode

    /// Parses `bytes` with `CMARK_OPT_SOURCEPOS`. Returns nil only if libcmark fails to allocate.
    init?(bytes: [UInt8]) {
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else {
                    return "".withCString { cmark_parse_document($0, 0, CMARK_OPT_SOURCEPOS) }
                }
                return cmark_parse_document(base, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let parsed else { return nil }
        root = CmarkNode(raw: parsed)
    }

    deinit { cmark_node_free(root.raw) }
}

/// The node kinds this module distinguishes.
enum CmarkKind {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, other
}

/// A borrowed pointer into a `CmarkTree`.
struct CmarkNode {
    let raw: OpaquePointer

    var kind: CmarkKind {
        switch cmark_node_get_type(raw) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    var parent: CmarkNode? { cmark_node_parent(raw).map(CmarkNode.init(raw:)) }
    var firstChild: CmarkNode? { cmark_node_first_child(raw).map(CmarkNode.init(raw:)) }
    var next: CmarkNode? { cmark_node_next(raw).map(CmarkNode.init(raw:)) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    var startLine: Int { Int(cmark_node_get_start_line(raw)) }
    var startColumn: Int { Int(cmark_node_get_start_column(raw)) }
    var endLine: Int { Int(cmark_node_get_end_line(raw)) }
    var endColumn: Int { Int(cmark_node_get_end_column(raw)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    var isOrderedList: Bool { cmark_node_get_list_type(raw) == CMARK_ORDERED_LIST }

    /// The literal of text, code, HTML and code block nodes, as libcmark holds it.
    var literalBytes: [UInt8]? { Self.bytes(cmark_node_get_literal(raw)) }
    var literal: String? { literalBytes.map { String(decoding: $0, as: UTF8.self) } }
    var url: String? { Self.bytes(cmark_node_get_url(raw)).map { String(decoding: $0, as: UTF8.self) } }
    var fenceInfo: String? { Self.bytes(cmark_node_get_fence_info(raw)).map { String(decoding: $0, as: UTF8.self) } }

    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8]? {
        guard let pointer else { return nil }
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            Array(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The inline content as plain text: text and code literals, breaks as one space, raw HTML left out.
    var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    private func appendPlainText(to result: inout String) {
        for child in children {
            switch child.kind {
            case .text, .code: result += child.literal ?? ""
            case .softBreak, .lineBreak: result += " "
            case .htmlInline: break
            default: child.appendPlainText(to: &result)
            }
        }
    }

    /// Destinations of the links below this node, in order.
    var linkDestinations: [String] {
        children.flatMap { child -> [String] in
            child.kind == .link ? [child.url ?? ""] + child.linkDestinations : child.linkDestinations
        }
    }
}
