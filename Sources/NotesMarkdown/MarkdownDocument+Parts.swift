extension MarkdownDocument {
    /// A heading found by libcmark (never one inside a code block or an HTML block).
    public struct Heading: Sendable, Hashable {
        /// 1 to 6.
        public let level: Int
        /// The inline content as plain text: text and code literals, link texts without their
        /// destinations, raw HTML (such as `<small>`) left out, line breaks as one space, trimmed.
        /// `## [1.2.3](url) - 2026-11-25` gives `1.2.3 - 2026-11-25`.
        public let plainText: String
        /// The content exactly as written: the bytes after the `#` marks (without the closing
        /// `#` sequence) or above the setext underline, trimmed of surrounding whitespace.
        public let sourceText: String
        /// True for an underlined (`===` / `---`) heading, false for an ATX (`#`) heading.
        public let isSetext: Bool
        /// True when the heading is a direct child of the document, false when it sits in a
        /// list item or block quote. Only top-level headings bound sections.
        public let isTopLevel: Bool
        /// The first line (1-based).
        public let startLine: Int
        /// The last line (the underline of a setext heading).
        public let endLine: Int
        /// Whole lines from the first line's start to just past the last line's line ending.
        public let byteRange: Range<Int>
        /// Destinations of the links in the heading, in order.
        public let contentLinks: [String]

        /// Same as `plainText`.
        public var text: String { plainText }
    }

    /// A heading and everything up to the next top-level heading of the same or a higher level
    /// (a lower number), or the end of the file.
    public struct Section: Sendable, Hashable {
        /// The heading that opens the section.
        public let heading: Heading
        /// From the heading's first byte to the next such heading's first byte (or the end of the
        /// file). Blank lines, link reference definitions and subsections before it are included.
        public let byteRange: Range<Int>
        /// The part after the heading's line ending.
        public var bodyRange: Range<Int> { heading.byteRange.upperBound..<byteRange.upperBound }
    }

    /// A direct child of the document.
    ///
    /// Link reference definitions (`[x]: https://...`) are not nodes in libcmark's tree, so no
    /// block stands for them: they are bytes between blocks, like blank lines. One exception from
    /// libcmark: definitions directly followed by paragraph text (no blank line) count as the
    /// start of that paragraph, so its range begins at the first definition.
    public struct Block: Sendable, Hashable {
        /// What kind of block this is.
        public enum Kind: String, Sendable, Hashable {
            /// An ATX or setext heading.
            case heading
            /// A paragraph.
            case paragraph
            /// A bullet or ordered list.
            case list
            /// A fenced or indented code block.
            case codeBlock
            /// An HTML block (including an HTML comment).
            case htmlBlock
            /// `---`, `***` or `___`.
            case thematicBreak
            /// A `>` block quote.
            case blockQuote
            /// Anything else libcmark may produce.
            case other
        }

        /// What kind of block this is.
        public let kind: Kind
        /// The first line (1-based).
        public let startLine: Int
        /// The last line, not counting blank lines libcmark attaches to the end of lists and
        /// indented code.
        public let endLine: Int
        /// Whole lines from the first line's start to just past the last line's line ending.
        public let byteRange: Range<Int>
        /// A compact description, e.g. `heading(2): Features`, `list(3 items)`,
        /// `list(ordered, 2 items)`, `code(swift)`, `paragraph`, `html`, `thematicBreak`, `blockQuote`.
        public let summary: String
    }

    /// A GitHub task list item: a list item whose first paragraph starts with `[ ]`, `[x]` or `[X]`.
    public struct TaskItem: Sendable, Hashable {
        /// True for `[x]` and `[X]`.
        public let checked: Bool
        /// The item's first paragraph as plain text, without the marker, wrapped lines joined by a space.
        public let text: String
        /// 0 for an item of a top-level list, 1 for an item inside another item, and so on.
        public let depth: Int
        /// The item's first line (1-based).
        public let startLine: Int
        /// The item's last line, including its nested items, not counting trailing blank lines.
        public let endLine: Int
        /// Whole lines of the item, nested items included.
        public let byteRange: Range<Int>
        /// The three bytes of the marker (`[ ]`, `[x]` or `[X]`), to flip a tick with a splice.
        public let markerRange: Range<Int>
    }
}
