/// A Markdown file parsed by libcmark, keeping its original bytes.
///
/// Everything is located by libcmark's source positions and mapped to offsets in the original
/// bytes, so a change is made by splicing those bytes (`MarkdownSplice`), never by re-rendering.
/// The positions libcmark 0.30.2 gets wrong are corrected here: block ends reported as
/// "next line, column 0", HTML block ends one line short, columns after a byte order mark,
/// and the blank lines it attaches to the end of lists and indented code.
public struct MarkdownDocument: Sendable, Hashable {
    /// The original bytes, unchanged.
    public let bytes: [UInt8]
    /// The file's most common line ending (`.lf` when there is none; ties go to `.lf`, then `.crlf`).
    public let lineEnding: LineEnding
    /// True when the last byte is a line ending. False for an empty file.
    public let hasFinalNewline: Bool
    /// Top-level headings (direct children of the document), in order.
    public let headings: [Heading]
    /// Every heading, including those inside list items and block quotes, in order.
    public let allHeadings: [Heading]
    /// The document's direct children, in order.
    public let topLevelBlocks: [Block]
    /// Every task list item at any depth, in document order.
    public let taskItems: [TaskItem]

    let lines: LineTable

    /// Parses UTF-8 `bytes`.
    ///
    /// - Throws: `MarkdownError.notUTF8` with the offset and line of the first invalid byte.
    ///   (libcmark would pass such bytes through, and every `String` made from them would differ
    ///   from the file, so the file is refused instead.)
    public init(bytes: [UInt8]) throws(MarkdownError) {
        let lines = LineTable(bytes)
        if let bad = MarkdownError.firstInvalidUTF8Offset(in: bytes) {
            let line = (lines.starts.lastIndex { $0 <= bad } ?? 0) + 1
            throw .notUTF8(byteOffset: bad, line: line)
        }
        self.init(validBytes: bytes, lines: lines)
    }

    /// Parses `text` (always valid UTF-8).
    public init(text: String) {
        let bytes = Array(text.utf8)
        self.init(validBytes: bytes, lines: LineTable(bytes))
    }

    /// Byte offset of the start of each line: element `i` is where line `i + 1` starts.
    /// `\r\n`, `\r` and `\n` each end a line, as in libcmark. Holds at least one element (0).
    public var lineStartOffsets: [Int] { lines.starts }

    /// Maps a libcmark source position (1-based line, 1-based byte column) to an offset in `bytes`.
    /// Accounts for a UTF-8 byte order mark, which libcmark skips. Column 0 maps to the line's
    /// start; positions past the text are clamped to it.
    public func byteOffset(line: Int, column: Int) -> Int {
        lines.offset(line: line, column: column)
    }

    /// The sections opened by top-level headings of `level`, in order.
    public func sections(level: Int) -> [Section] {
        headings.filter { $0.level == level }.map { section(startingAt: $0) }
    }

    /// The section `heading` opens: up to the next top-level heading of the same or a higher
    /// level (lower number) after it, or the end of the file.
    public func section(startingAt heading: Heading) -> Section {
        let start = heading.byteRange.lowerBound
        let end = headings.first { $0.byteRange.lowerBound > start && $0.level <= heading.level }?
            .byteRange.lowerBound ?? bytes.count
        return Section(heading: heading, byteRange: start..<end)
    }

    /// One line per top-level block (see `Block.summary`), for asserting a document's structure.
    public var blockSummary: [String] { topLevelBlocks.map(\.summary) }

    /// The bytes in `range` as a string.
    public func text(in range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

// MARK: - Reading the tree

extension MarkdownDocument {
    private init(validBytes bytes: [UInt8], lines: LineTable) {
        self.bytes = bytes
        self.lines = lines
        let counts = [(LineEnding.lf, lines.lfCount), (.crlf, lines.crlfCount), (.cr, lines.crCount)]
        lineEnding = counts.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 != .lf && $1.0 == .lf) }?.0 ?? .lf
        hasFinalNewline = bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r")

        var reader = TreeReader(bytes: bytes, lines: lines)
        if let tree = CmarkTree(bytes: bytes) {
            withExtendedLifetime(tree) { reader.read(tree.root) }
        }
        allHeadings = reader.headings
        headings = reader.headings.filter(\.isTopLevel)
        topLevelBlocks = reader.blocks
        taskItems = reader.taskItems
    }
}

/// Walks a libcmark tree once and copies out what `MarkdownDocument` exposes.
private struct TreeReader {
    let bytes: [UInt8]
    let lines: LineTable
    var headings: [MarkdownDocument.Heading] = []
    var blocks: [MarkdownDocument.Block] = []
    var taskItems: [MarkdownDocument.TaskItem] = []

    mutating func read(_ document: CmarkNode) {
        for child in document.children {
            let heading = child.kind == .heading ? makeHeading(child, isTopLevel: true) : nil
            blocks.append(makeBlock(child, heading: heading))
            visit(child, itemDepth: 0, heading: heading)
        }
    }

    private mutating func visit(_ node: CmarkNode, itemDepth: Int, heading: MarkdownDocument.Heading? = nil) {
        switch node.kind {
        case .heading:
            headings.append(heading ?? makeHeading(node, isTopLevel: false))
        case .item:
            if let task = makeTaskItem(node, depth: itemDepth) { taskItems.append(task) }
            for child in node.children { visit(child, itemDepth: itemDepth + 1) }
        case .list, .blockQuote:
            for child in node.children { visit(child, itemDepth: itemDepth) }
        default:
            break  // leaf blocks: their children are inlines
        }
    }

    /// The last line of a block, correcting libcmark 0.30.2's end positions.
    private func lastLine(of node: CmarkNode) -> Int {
        let start = node.startLine
        var end = node.endLine
        // Setext headings, lists and items can end at "column 0 of the next line".
        if node.endColumn == 0 { end -= 1 }
        // An HTML block closed by `-->`, `?>`, `]]>`, `>` or a closing tag is reported one line
        // short (or before its start); its literal holds all its lines, so count those.
        if node.kind == .htmlBlock, let literal = node.literalBytes {
            end = start + Self.lineCount(of: literal) - 1
        }
        end = lines.clamped(max(end, start))
        // A setext heading is reported as ending wherever the parser was when it closed it
        // (up to the start of the next block): find its underline instead.
        if node.kind == .heading, end > start { end = setextUnderline(start: start, atMost: end) }
        // Lists and indented code take the blank lines after them; leave those between blocks.
        while end > start, lines.isBlank(end, in: bytes) { end -= 1 }
        return end
    }

    /// The first line `L` in `start...bound` such that the lines `start...L` on their own parse
    /// into a heading: the underline of the setext heading that starts on `start`.
    private func setextUnderline(start: Int, atMost bound: Int) -> Int {
        for line in start...bound {
            let prefix = Array(bytes[lines.start(of: start)..<lines.endIncludingLineEnding(of: line)])
            guard let tree = CmarkTree(bytes: prefix) else { break }
            let found = withExtendedLifetime(tree) { Self.containsHeading(tree.root) }
            if found { return line }
        }
        return bound
    }

    private static func containsHeading(_ node: CmarkNode) -> Bool {
        switch node.kind {
        case .heading: true
        case .document, .list, .item, .blockQuote: node.children.contains { containsHeading($0) }
        default: false
        }
    }

    private static func lineCount(of literal: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < literal.count {
            if literal[index] == UInt8(ascii: "\r") {
                count += 1
                if index + 1 < literal.count, literal[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else if literal[index] == UInt8(ascii: "\n") {
                count += 1
            }
            index += 1
        }
        let last = literal.last
        return last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") ? max(count, 1) : count + 1
    }

    private func wholeLines(_ node: CmarkNode) -> (start: Int, end: Int, range: Range<Int>) {
        let start = lines.clamped(node.startLine)
        let end = lastLine(of: node)
        return (start, end, lines.start(of: start)..<lines.endIncludingLineEnding(of: end))
    }

    private func trimmedText(_ lower: Int, _ upper: Int) -> String {
        var lower = max(0, min(lower, bytes.count))
        var upper = max(lower, min(upper, bytes.count))
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func makeHeading(_ node: CmarkNode, isTopLevel: Bool) -> MarkdownDocument.Heading {
        let (start, end, range) = wholeLines(node)
        let isSetext = end > start
        let contentStart = lines.offset(line: start, column: node.startColumn)
        let sourceText: String
        if isSetext {
            // Content lines above the underline.
            sourceText = trimmedText(contentStart, lines.contentEnd(of: end - 1, in: bytes))
        } else {
            // After the `#` marks; libcmark's end column is the content's last byte, before any
            // closing `#` sequence.
            let level = node.headingLevel
            let contentEnd = lines.offset(line: start, column: node.endColumn) + 1
            sourceText = contentEnd > contentStart + level
                ? trimmedText(contentStart + level, min(contentEnd, lines.contentEnd(of: start, in: bytes))) : ""
        }
        return .init(
            level: node.headingLevel,
            plainText: node.plainText.trimmingSpaces,
            sourceText: sourceText,
            isSetext: isSetext,
            isTopLevel: isTopLevel,
            startLine: start,
            endLine: end,
            byteRange: range,
            contentLinks: node.linkDestinations
        )
    }

    private func makeBlock(_ node: CmarkNode, heading: MarkdownDocument.Heading?) -> MarkdownDocument.Block {
        let (start, end, range) = wholeLines(node)
        let kind: MarkdownDocument.Block.Kind
        let summary: String
        switch node.kind {
        case .heading:
            kind = .heading
            summary = "heading(\(node.headingLevel)): \(heading?.plainText ?? node.plainText.trimmingSpaces)"
        case .paragraph:
            (kind, summary) = (.paragraph, "paragraph")
        case .list:
            let count = node.children.count
            let items = "\(count) item\(count == 1 ? "" : "s")"
            (kind, summary) = (.list, node.isOrderedList ? "list(ordered, \(items))" : "list(\(items))")
        case .codeBlock:
            let info = (node.fenceInfo ?? "").trimmingSpaces
            (kind, summary) = (.codeBlock, info.isEmpty ? "code" : "code(\(info))")
        case .htmlBlock:
            (kind, summary) = (.htmlBlock, "html")
        case .thematicBreak:
            (kind, summary) = (.thematicBreak, "thematicBreak")
        case .blockQuote:
            (kind, summary) = (.blockQuote, "blockQuote")
        default:
            (kind, summary) = (.other, "other")
        }
        return .init(kind: kind, startLine: start, endLine: end, byteRange: range, summary: summary)
    }

    private func makeTaskItem(_ item: CmarkNode, depth: Int) -> MarkdownDocument.TaskItem? {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph,
              let first = paragraph.firstChild, first.kind == .text,
              let literal = first.literalBytes, literal.count >= 3,
              literal[0] == UInt8(ascii: "["), literal[2] == UInt8(ascii: "]")
        else { return nil }
        let checked: Bool
        switch literal[1] {
        case UInt8(ascii: " "): checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return nil
        }
        // GitHub wants whitespace (or the end of the line) after the marker.
        if literal.count > 3, literal[3] != UInt8(ascii: " "), literal[3] != UInt8(ascii: "\t") { return nil }
        if literal.count == 3, let next = first.next, next.kind != .softBreak, next.kind != .lineBreak { return nil }
        // The paragraph's first line starts with the marker, and block start columns are exact.
        let marker = lines.offset(line: paragraph.startLine, column: paragraph.startColumn)
        guard marker + 3 <= bytes.count, bytes[marker] == UInt8(ascii: "["), bytes[marker + 2] == UInt8(ascii: "]")
        else { return nil }
        let (start, end, range) = wholeLines(item)
        let text = String(paragraph.plainText.trimmingSpaces.dropFirst(3)).trimmingSpaces
        return .init(checked: checked, text: text, depth: depth, startLine: start, endLine: end,
                     byteRange: range, markerRange: marker..<marker + 3)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
