import NotesMarkdown

/// Text that a repository brings (commit subjects, scopes, bodies, author and co-author names, `.mailmap`
/// names, tag names, a `[[rule]]` description) as it enters the view model: the one place where it is made
/// safe for every output, whatever the template (docs/reliability.md, trust model).
///
/// - Control characters never pass: C0 controls other than tab, DEL, C1 controls and the bidirectional
///   overrides and isolates (U+202A–U+202E, U+2066–U+2069, which reorder what a reader sees) are shown
///   escaped, `\x1B`, `\u202E`. So a subject with ESC sequences cannot rewrite a terminal that shows the
///   notes, the CHANGELOG or `--context`, and a lone CR cannot start a new Markdown line.
/// - Markdown lines (`markdownLine`) cannot become raw HTML (`\<img …>`), a heading, a list, a block quote, a
///   code fence, a thematic break or a link reference definition (the first character is escaped), and
///   `@mentions` are shown as code when `[links] mentions = "code"`.
/// - Names (`name`) are plain text: every Markdown character escaped, mentions quoted the same way.
///
/// The terminal gets a second pass: ``escapingControls(_:keepingLineBreaks:)`` runs on everything notes
/// prints to stderr, and to stdout when it is a terminal (`Invocation`).
public enum UntrustedText {
    /// `text` with control characters shown escaped (see the type's comment). Tab is kept; with
    /// `keepingLineBreaks`, so are LF and a CR directly before LF (for whole outputs); without, they are
    /// escaped too (for one-line fields).
    public static func escapingControls(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text.utf8, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if keepingLineBreaks && (value == 0x0A || (value == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n")) {
                out.append(scalar)
            } else if isControl(value) {
                let escape = value <= 0xFF ? "\\x" + hex(value, width: 2) : "\\u" + hex(value, width: 4)
                out.append(contentsOf: escape.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True for a scalar `escapingControls` escapes when it stands alone (tab, LF and CR never count: they are
    /// a whole output's own line structure).
    public static func isControlScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x0A && scalar.value != 0x0D && isControl(scalar.value)
    }

    /// True for the scalars `escapingControls` escapes (tab excepted).
    static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09) || (value >= 0x7F && value <= 0x9F) || (value >= 0x202A && value <= 0x202E)
            || (value >= 0x2066 && value <= 0x2069)
    }

    /// Decides on the bytes: most text has no byte below 0x20 (but tab), no DEL, and no lead byte of a C1 or
    /// bidi control (0xC2, 0xE2).
    static func needsEscaping(_ bytes: String.UTF8View, keepingLineBreaks: Bool) -> Bool {
        for byte in bytes {
            if byte < 0x20 {
                if byte == 0x09 || (keepingLineBreaks && (byte == 0x0A || byte == 0x0D)) { continue }
                return true
            }
            if byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return true }
        }
        return false
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// One line of Markdown from a commit (a description, subject, scope, breaking-change text): controls
    /// escaped, raw HTML escaped (`\<`), a leading `[label]:` or block start escaped, mentions quoted when
    /// `quoteMentions`.
    public static func markdownLine(_ text: String, quoteMentions: Bool) -> String {
        // Leading blanks go first: libcmark misplaces inline positions after a leading tab. Mentions are
        // quoted before the HTML pass: their backticks can end a code span early and bring a `<T>` out of
        // it (found by fuzzing), so the HTML pass must see the final text.
        let trimmed = String(escapingControls(text).drop { $0 == " " || $0 == "\t" })
        let quoted = quoteMentions ? MarkdownInline.quotingMentions(trimmed) : trimmed
        let line = MarkdownInline.escapingBlockStart(MarkdownInline.escapingForListItem(quoted))
        // Escaping a block start can turn a code fence into a paragraph, and the fence's info string into
        // inline text: `~~~<??>` hid a processing instruction from the first HTML pass (found by fuzzing).
        // The pass looks again at the final line; its escapes never start a block.
        return line == quoted || !line.utf8.contains(UInt8(ascii: "<")) ? line : MarkdownInline.escapingRawHTML(line)
    }

    /// A person's name (author, co-author, `.mailmap`) as plain text in Markdown, mentions quoted when
    /// `quoteMentions`.
    public static func name(_ text: String, quoteMentions: Bool) -> String {
        let plain = MarkdownInline.escapingPlainText(escapingControls(text))
        return quoteMentions ? MarkdownInline.quotingMentions(plain) : plain
    }

    /// A short value shown as written (a tag or release name, an email): controls and raw HTML escaped (git
    /// allows `<`, `>` and `#` in ref names).
    public static func label(_ text: String) -> String {
        MarkdownInline.escapingRawHTML(escapingControls(text))
    }
}
