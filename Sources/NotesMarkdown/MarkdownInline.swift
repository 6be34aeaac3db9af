/// Inline Markdown written into generated files, such as a commit subject in a changelog entry.
public enum MarkdownInline {
    /// Returns `text` with raw HTML made visible as text: the `<` that opens each raw HTML tag,
    /// comment or HTML block that libcmark finds is escaped as `\<`.
    ///
    /// `Vec<u8>` and `<T>` then show as written on GitHub and in any CommonMark renderer, while
    /// `<T>` inside a code span, autolinks such as `<https://example.com>`, `a < b` and an
    /// already escaped `\<T>` are not raw HTML and stay as they are. Every other byte is unchanged.
    /// `\<` was chosen over `&lt;` because it is plain CommonMark, reads well in the source and
    /// needs no entity decoding. Escaping one tag can expose another (`<a title="<b>">`), so the
    /// text is parsed again until libcmark finds no raw HTML.
    ///
    /// Known limit: when the text starts with a link reference definition directly followed by
    /// more text, libcmark 0.30.2 reports the following inlines on wrong lines; raw HTML whose
    /// position cannot be confirmed against the bytes is left as it is rather than guessed.
    public static func escapingRawHTML(_ text: String) -> String {
        // Raw HTML starts with `<`: most commit descriptions have none and need no parse.
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var bytes = Array(text.utf8)
        // Each round escapes at least one `<`, so this bounds the rounds.
        let rounds = bytes.lazy.filter { $0 == UInt8(ascii: "<") }.count
        // The last parse says whether raw HTML is left that the bytes did not confirm; only when the rounds
        // ran out is the text parsed once more to ask.
        var leftOver: Bool?
        for _ in 0..<rounds {
            let scan = rawHTMLScan(in: bytes)
            if scan.starts.isEmpty {
                leftOver = scan.sawHTML
                break
            }
            for offset in scan.starts.sorted(by: >) { bytes.insert(UInt8(ascii: "\\"), at: offset) }
        }
        // Raw HTML libcmark reports where the bytes do not confirm it (see the known limit above; found by
        // fuzzing with a tab before the text) is not left in: then every `<` that could open a tag,
        // comment or declaration is escaped, inside code spans too (where the backslash shows). Rare, and safe.
        if leftOver ?? containsRawHTML(bytes) {
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 8)
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "<"), index == 0 || bytes[index - 1] != UInt8(ascii: "\\"), index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    if (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "/")
                        || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                        escaped.append(UInt8(ascii: "\\"))
                    }
                }
                escaped.append(byte)
            }
            bytes = escaped
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when libcmark finds any raw HTML (inline or block) in `bytes`.
    static func containsRawHTML(_ bytes: [UInt8]) -> Bool {
        guard let tree = CmarkTree(bytes: bytes) else { return false }
        return withExtendedLifetime(tree) {
            var stack = [tree.root]
            while let node = stack.popLast() {
                if node.kind == .htmlInline || node.kind == .htmlBlock { return true }
                stack += node.children
            }
            return false
        }
    }

    /// `text` made safe to start a list item: raw HTML escaped (``escapingRawHTML(_:)``) and a leading
    /// `[label]:`, which CommonMark reads as a link reference definition (the bullet would render empty
    /// and the label would take over every `[label]` link of the file, the release heading's included),
    /// escaped as `\[`.
    public static func escapingForListItem(_ text: String) -> String {
        let escaped = escapingRawHTML(text)
        let trimmed = escaped.drop { $0 == " " }
        guard trimmed.first == "[", let close = trimmed.firstIndex(of: "]"),
              trimmed[trimmed.index(after: close)...].first == ":" else { return escaped }
        return String(escaped[..<trimmed.startIndex]) + "\\" + trimmed
    }

    /// One line of text made to read as the inline text of a paragraph wherever a template puts it, at
    /// the start of a line included: leading blanks are dropped (four would make a code block), and when
    /// CommonMark would read the line as anything but one paragraph starting at its first character (an ATX
    /// heading `## x`, a thematic break `***` or setext underline `---`/`===` (also after a line of text), a list item `- x` or `1. x`, a block
    /// quote `> x`, a code fence, a link reference definition `[x]: <url>`), its first character is
    /// backslash-escaped (for `1. x` and `1) x`, the delimiter after the digits). Text starting with a
    /// letter or any non-ASCII character is a paragraph already and is returned without a parse.
    public static func escapingBlockStart(_ text: String) -> String {
        var line = Substring(text)
        while let first = line.utf8.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            line = line.dropFirst()
        }
        guard let first = line.utf8.first, first < 0x80,
              !((first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")))
        else { return String(line) }
        var bytes = Array(line.utf8)
        // One escape at the start is enough for every block start; a second round only confirms it.
        for _ in 0..<2 {
            // Alone, and after a line of text (where `===` and `---` would underline it into a heading).
            if isOneParagraph(bytes) && isOneParagraph(Array("a\n".utf8) + bytes) { break }
            var digits = 0
            while digits < bytes.count, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
            if digits > 0 && digits < bytes.count && (bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")")) {
                bytes.insert(UInt8(ascii: "\\"), at: digits)
            } else if digits == 0 && bytes[0] != UInt8(ascii: "\\") && bytes[0] > 0x20 {
                bytes.insert(UInt8(ascii: "\\"), at: 0)
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when CommonMark reads `bytes` as one paragraph, or one list of one item holding one paragraph,
    /// with no raw HTML and no heading anywhere: what a line from a commit must stay (tests and fuzzing).
    public static func isPlainParagraph(_ bytes: [UInt8]) -> Bool {
        guard let tree = CmarkTree(bytes: bytes) else { return false }
        return withExtendedLifetime(tree) {
            let blocks = tree.root.children
            guard blocks.count == 1 else { return false }
            if blocks[0].kind == .list {
                let items = blocks[0].children
                guard items.count == 1, items[0].children.count <= 1,
                      items[0].children.allSatisfy({ $0.kind == .paragraph }) else { return false }
            } else if blocks[0].kind != .paragraph {
                return false
            }
            var stack = [tree.root]
            while let node = stack.popLast() {
                if node.kind == .htmlInline || node.kind == .htmlBlock || node.kind == .heading { return false }
                stack += node.children
            }
            return true
        }
    }

    /// True when CommonMark reads `bytes` as exactly one paragraph that starts at its first byte.
    static func isOneParagraph(_ bytes: [UInt8]) -> Bool {
        guard let tree = CmarkTree(bytes: bytes) else { return false }
        return withExtendedLifetime(tree) {
            let blocks = tree.root.children
            return blocks.count == 1 && blocks[0].kind == .paragraph && blocks[0].startLine == 1 && blocks[0].startColumn == 1
        }
    }

    /// `text` with every GitHub `@mention` (`@user`, `@org/team`) shown as code, `` `@user` ``, so the
    /// text pings nobody when it is published as a GitHub release. Not touched: e-mail addresses
    /// (`a@b.example`, the `@` follows a letter or digit), `@` inside code spans, an escaped `\@`, and
    /// an `@` not followed by a handle.
    public static func quotingMentions(_ text: String) -> String {
        // Most texts have no `@` at all: settle that on the bytes (an `@` is one byte in UTF-8).
        guard text.utf8.contains(UInt8(ascii: "@")) else { return text }
        let characters = Array(text)
        var out = ""
        var index = 0
        var openTicks = 0  // the length of the backtick run that opened the code span we are in, 0 outside
        func isHandle(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-") }
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                var run = 0
                while index + run < characters.count, characters[index + run] == "`" { run += 1 }
                if openTicks == 0 {
                    // A code span opens only when a run of the same length closes it later.
                    let rest = String(characters[(index + run)...])
                    let closer = String(repeating: "`", count: run)
                    if rest.contains(closer) { openTicks = run }
                } else if run == openTicks {
                    openTicks = 0
                }
                out += String(repeating: "`", count: run)
                index += run
                continue
            }
            if character == "@", openTicks == 0, index + 1 < characters.count, isHandle(characters[index + 1]),
               characters[index + 1] != "-" {
                let before = index == 0 ? nil : characters[index - 1]
                let startsMention = before.map { !($0.isLetter || $0.isNumber || $0 == "\\" || $0 == "`" || $0 == "_") } ?? true
                if startsMention {
                    var end = index + 1
                    while end < characters.count, isHandle(characters[end]) { end += 1 }
                    if end < characters.count, characters[end] == "/", end + 1 < characters.count, isHandle(characters[end + 1]) {
                        end += 1
                        while end < characters.count, isHandle(characters[end]) { end += 1 }
                    }
                    out += "`" + String(characters[index..<end]) + "`"
                    index = end
                    continue
                }
            }
            out.append(character)
            index += 1
        }
        return out
    }

    /// `text` as plain text in Markdown, for names such as a commit author's: every character CommonMark
    /// could read as markup is backslash-escaped (`\\ ` * _ [ ] < > # ! | ~ &`), and so are a leading `-`,
    /// `+` or `=` and the `.`/`)` of a leading number, so `# Heading`, `*bold*` or `1. x` show as written.
    public static func escapingPlainText(_ text: String) -> String {
        escapingPlainASCII(text) ?? escapingPlainCharacters(text)
    }

    /// The characters `escapingPlainText` backslash-escapes wherever they stand (all ASCII).
    static let plainSpecials = "\\`*_[]<>#!|~&"
    /// `plainSpecials` as a table by ASCII byte (the byte path asks once per byte of every entry).
    static let plainSpecialBytes: [Bool] = (0..<128).map { plainSpecials.utf8.contains(UInt8($0)) }

    /// `escapingPlainText` by `Character`, for any text.
    static func escapingPlainCharacters(_ text: String) -> String {
        var out = ""
        for character in text {
            if plainSpecials.contains(character) { out.append("\\") }
            out.append(character)
        }
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < out.count {
            let delimiter = out.index(out.startIndex, offsetBy: digits.count)
            if out[delimiter] == "." || out[delimiter] == ")" { out.insert("\\", at: delimiter) }
        }
        return out
    }

    /// `escapingPlainText` on the bytes, for ASCII text (every ASCII character but CR LF is one `Character`,
    /// and CR LF is never escaped); nil for text with other characters.
    static func escapingPlainASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if plainSpecialBytes[Int(byte)] { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        if let first = out.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            out.insert(UInt8(ascii: "\\"), at: 0)
        }
        var digits = 0
        while digits < out.count, out[digits] >= 0x30, out[digits] <= 0x39 { digits += 1 }
        if digits > 0, digits < out.count, out[digits] == UInt8(ascii: ".") || out[digits] == UInt8(ascii: ")") {
            out.insert(UInt8(ascii: "\\"), at: digits)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Offsets of the `<` that opens each raw HTML node libcmark finds in `bytes`.
    static func rawHTMLStarts(in bytes: [UInt8]) -> Set<Int> { rawHTMLScan(in: bytes).starts }

    /// `rawHTMLStarts`, and whether the parse found any raw HTML node at all (confirmed by the bytes or not).
    static func rawHTMLScan(in bytes: [UInt8]) -> (starts: Set<Int>, sawHTML: Bool) {
        guard let tree = CmarkTree(bytes: bytes) else { return ([], false) }
        let lines = LineTable(bytes)
        var starts = Set<Int>()
        var sawHTML = false
        withExtendedLifetime(tree) {
            var stack = [tree.root]
            while let node = stack.popLast() {
                stack += node.children
                if node.kind == .htmlBlock || node.kind == .htmlInline { sawHTML = true }
                switch node.kind {
                case .htmlBlock:
                    // Block start columns are exact, but may sit on indentation before the `<`.
                    var offset = lines.offset(line: node.startLine, column: node.startColumn)
                    let end = lines.contentEnd(of: node.startLine, in: bytes)
                    while offset < end, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                    if offset < end { starts.insert(offset) }
                case .htmlInline:
                    if let offset = inlineStart(of: node, bytes: bytes, lines: lines) { starts.insert(offset) }
                default:
                    break
                }
            }
        }
        return (starts, sawHTML)
    }

    /// The offset where an inline node's literal starts, checked against the bytes.
    ///
    /// libcmark 0.30.2 counts the columns of inlines on a paragraph's second and later lines
    /// from the paragraph's first-line column instead of that line's own indentation, so
    /// `foo\n   <b>` reports `<b>` at column 1. Such positions are moved by the difference.
    private static func inlineStart(of node: CmarkNode, bytes: [UInt8], lines: LineTable) -> Int? {
        guard let literal = node.literalBytes else { return nil }
        let firstLine = literal.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        func matches(_ offset: Int) -> Bool {
            offset >= 0 && offset + firstLine.count <= bytes.count
                && bytes[offset..<offset + firstLine.count].elementsEqual(firstLine)
        }
        let reported = lines.offset(line: node.startLine, column: node.startColumn)
        if matches(reported) { return reported }

        var block = node.parent
        while let candidate = block, candidate.kind != .paragraph, candidate.kind != .heading {
            block = candidate.parent
        }
        guard let block, node.startLine > block.startLine else { return nil }
        let lineStart = lines.start(of: node.startLine)
        let lineEnd = lines.contentEnd(of: node.startLine, in: bytes)
        var indent = lineStart
        while indent < lineEnd, bytes[indent] == UInt8(ascii: " ") || bytes[indent] == UInt8(ascii: "\t") {
            indent += 1
        }
        let corrected = reported - (block.startColumn - 1) + (indent - lineStart)
        return matches(corrected) ? corrected : nil
    }
}
