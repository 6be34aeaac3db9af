import NotesMarkdown

/// Several splices into one parse of a document, applied in one pass so that a command that changes
/// many places (`changelog --all`) copies the file once.
///
/// Every splice is located against the same original bytes; splices must not overlap. Two splices at
/// the same offset keep the order they were added in. New text is converted to the document's line
/// ending, and a splice that ends at the end of a file without a final newline drops the final line
/// ending of its text, so the file still ends without one.
public struct SplicePlan: Sendable {
    struct Splice: Sendable {
        var range: Range<Int>
        var text: String
        var sequence: Int
    }

    /// The document the splices are located in.
    public let document: MarkdownDocument
    private(set) var splices: [Splice] = []

    /// Makes an empty plan for `document`.
    public init(document: MarkdownDocument) { self.document = document }

    /// True when nothing was planned.
    public var isEmpty: Bool { splices.isEmpty }

    /// Replaces `range` with `text` (`\n` line endings; converted on output).
    public mutating func replace(_ range: Range<Int>, with text: String) {
        splices.append(Splice(range: range, text: text, sequence: splices.count))
    }

    /// Inserts `text` at `offset`.
    public mutating func insert(_ text: String, at offset: Int) {
        replace(offset..<offset, with: text)
    }

    /// The bytes with every splice applied.
    public func apply() -> [UInt8] {
        let bytes = document.bytes
        let ordered = splices.sorted {
            ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1, $0.sequence)
                < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1, $1.sequence)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.text.utf8.count } + 64)
        // A splice never makes a line ending out of two: where a `\r` would come to stand right before a `\n`
        // it was not next to (a file with bare-CR line endings beside a LF line), the two would read as one
        // `\r\n` and a line would vanish, so the next run would see another document. A `\n` goes between
        // them: the `\r`'s line ends in `\r\n`, the `\n` keeps its line. (`scripts/fuzz markdown` found it:
        // the second `notes readme` on such a file was not a no-op.)
        func join(_ next: UInt8) {
            if result.last == UInt8(ascii: "\r"), next == UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
        }
        var cursor = 0
        for splice in ordered {
            let lower = min(max(splice.range.lowerBound, cursor), bytes.count)
            let upper = min(max(splice.range.upperBound, lower), bytes.count)
            result += bytes[cursor..<lower]
            var text = splice.text
            if upper == bytes.count, !bytes.isEmpty, !document.hasFinalNewline, splice === ordered.last {
                while text.hasSuffix("\n") { text.removeLast() }
            }
            let inserted = MarkdownSplice.bytes(of: text, lineEnding: document.lineEnding)
            if let first = inserted.first { join(first) }
            result += inserted
            // The byte after the splice meets new bytes unless nothing was removed or inserted.
            if upper < bytes.count, !(inserted.isEmpty && lower == upper) { join(bytes[upper]) }
            cursor = upper
        }
        result += bytes[cursor...]
        return result
    }

    /// The blank-line separator to put before text inserted at `offset`, so the new block starts after
    /// a blank line: nothing at the start of the file or after a blank line, one line ending after a
    /// complete line, two after a line without its line ending (the end of a file without a final newline).
    public func separator(before offset: Int) -> String {
        let bytes = document.bytes
        guard offset > 0 else { return "" }
        guard bytes[offset - 1] == UInt8(ascii: "\n") || bytes[offset - 1] == UInt8(ascii: "\r") else { return "\n\n" }
        // Is the line before `offset` blank? Look at the line that ends at offset.
        var index = offset - 1
        if bytes[index] == UInt8(ascii: "\n"), index > 0, bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
        var start = index
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        let isBlank = bytes[start..<index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return isBlank ? "" : "\n"
    }

    /// Inserts `text` (a block that ends with its line ending) in front of the heading that starts the
    /// line at `lineStart`, after the heading's indentation: `  ## 1.0` becomes `  ## new…\n\n## 1.0`.
    /// Every byte stays in order, and an indented heading is never pulled into the new text's last list
    /// item as a continuation line. A blank line is put before the text when needed and after it always.
    public mutating func insert(_ text: String, beforeHeadingAt lineStart: Int) {
        let offset = Self.afterIndentation(lineStart, in: document.bytes)
        insert(separator(before: lineStart) + text + "\n", at: offset)
    }

    /// The offset after the up to three spaces that may indent a heading on the line at `lineStart`.
    /// Entries own their heading from there, so the indentation stays with the line, not the entry.
    public static func afterIndentation(_ lineStart: Int, in bytes: [UInt8]) -> Int {
        var offset = lineStart
        while offset < bytes.count, offset - lineStart < 3, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
        return offset
    }

    /// The blank line to put after text inserted at `offset` (the start of a line): one line ending when
    /// the line at `offset` has text, nothing when it is blank or the file ends there.
    public func separator(after offset: Int) -> String {
        let bytes = document.bytes
        guard offset < bytes.count else { return "" }
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count else { return "" }
        return bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") ? "" : "\n"
    }

    /// The end of the last top-level block that starts in `range` and is not an HTML block (comments
    /// such as `<!-- generated by git-cliff -->` after an entry are not part of it), or nil when there is none.
    public func contentEnd(in range: Range<Int>) -> Int? {
        // Binary search, then back over this range's blocks only: a changelog's entries are each asked once,
        // so the whole file costs O(blocks log blocks), not O(blocks²) (80,000 entries took 23 s).
        let blocks = document.topLevelBlocks
        var index = document.firstBlock { $0.byteRange.lowerBound >= range.upperBound } - 1
        while index >= 0, blocks[index].byteRange.lowerBound >= range.lowerBound {
            if blocks[index].kind != .htmlBlock { return blocks[index].byteRange.upperBound }
            index -= 1
        }
        return nil
    }
}

extension MarkdownDocument {
    /// The index of the first top-level block for which `isAfter` holds, `topLevelBlocks.count` when none:
    /// a binary search, for a predicate that is false up to some block and true from there on (blocks are
    /// in document order and do not overlap, so "starts at or after x" and "ends after x" both qualify).
    func firstBlock(where isAfter: (Block) -> Bool) -> Int {
        var low = 0, high = topLevelBlocks.count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(topLevelBlocks[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

private func === (lhs: SplicePlan.Splice, rhs: SplicePlan.Splice?) -> Bool { lhs.sequence == rhs?.sequence }
