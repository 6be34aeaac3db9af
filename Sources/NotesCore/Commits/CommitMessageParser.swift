/// Splits a commit message into subject, body and footers and reads it as a Conventional
/// Commit (1.0.0) when it is one.
///
/// The rules, and the choices made where the specification leaves room:
/// - Surrounding whitespace of the message is ignored; `\r\n` counts as a line break.
/// - Header: `type(scope)!: description`. The type is one or more ASCII letters, digits or
///   `-`, matched in any case and stored lower-cased. The scope is optional but, when the
///   parentheses are there, non-blank and free of `(` / `)`. `!` right before the colon marks
///   a breaking change. The colon must be followed by a space; extra spaces before the
///   description are dropped; the description must not be empty.
/// - Body: everything between the header and the footer block, trimmed. Lines written right
///   under the header without a blank line are body too: the message is still read as conventional
///   (it keeps its type and section), with `nonConformance` saying "no blank line between the header
///   and the body". One exception: a wrapped subject. When the header ends mid-sentence (see
///   `isWrappedSubject`: at least 40 characters, ending in a letter, digit or comma) and line 2 is a
///   lone line starting with a lower-case letter, line 2 joins the description after a space, with the
///   note "the subject is wrapped onto a second line".
/// - Footers: the final paragraphs whose first line is a trailer (`Token: value` or
///   `Token #value`, the token being ASCII letters, digits and `-`, or exactly
///   `BREAKING CHANGE`), counted back from the end and stopping at the first paragraph that
///   does not start with one. So `BREAKING CHANGE: …`, a blank line, then `Signed-off-by: …`
///   gives two footers, while a footer-looking paragraph followed by prose is body. A paragraph
///   opening with a `BREAKING CHANGE`/`BREAKING-CHANGE` trailer starts the footer block even when
///   prose paragraphs follow: by rule 10 a value ends at the next trailer line, so the prose is
///   part of the breaking text. Inside the block, lines that are not trailers continue the
///   previous footer's value (joined with `\n`, or `\n\n` across a blank line). `BREAKING CHANGE:`
///   alone on its line takes the following lines as its text, with a `nonConformance` note so
///   `--strict` reports it. Under a breaking footer, a line such as `Note: This does not affect
///   application developers.` (a capitalised one-word token git does not use, then a sentence) continues
///   the breaking text instead of starting a footer, so the note is never cut short. Lines written right under the header without a blank line are never
///   footers (as in `git interpret-trailers`).
/// - Only the upper-case tokens `BREAKING CHANGE` and `BREAKING-CHANGE` mark a break. A
///   lower-case `breaking change: …` line is not a trailer (its token has a space), so it is
///   body text or part of the previous footer's value; `breaking-change: …` is an ordinary
///   footer that does not mark a break.
public enum CommitMessageParser {
    /// Parses `message`; never fails. Messages that are not conventional still get their
    /// subject, body and footers, and `nonConformance` says what broke the rules.
    public static func parse(_ message: String) -> ParsedMessage {
        var text = message
        let parsed = text.withUTF8 { bytes in
            UTF8Scan.trimmedRange(bytes, 0, bytes.count, spacesOnly: false).map {
                parse(trimmed: UnsafeBufferPointer(rebasing: bytes[$0]))
            }
        }
        if let parsed { return parsed }
        var trimmed = message.characterTrimmedWhitespace()
        return trimmed.withUTF8 { parse(trimmed: $0) }
    }

    /// Parses a message whose surrounding whitespace is already gone.
    private static func parse(trimmed bytes: UTF8Scan.Bytes) -> ParsedMessage {
        if bytes.isEmpty {
            return ParsedMessage(subject: "", nonConformance: "empty message")
        }
        let lines = Lines(bytes)
        let subjectLine = lines[0]
        let subjectRange = UTF8Scan.trimmedRange(bytes, subjectLine.start, subjectLine.end, spacesOnly: true)
        var subject: String
        if let subjectRange {
            subject = UTF8Scan.string(bytes, subjectRange.lowerBound, subjectRange.upperBound)
        } else {
            subject = UTF8Scan.string(bytes, subjectLine.start, subjectLine.end).characterTrimmedSpaces()
        }
        // Line 2 right under the header: a wrapped subject when line 1 ends mid-sentence, else body text
        // that should have had a blank line before it. Either way the message deviates from the format.
        var bodyStart = 1
        var continuation: String?
        var notes: [String] = []
        if lines.count > 1, !isBlank(lines[1], in: bytes) {
            if isWrappedSubject(subject, lines, in: bytes) {
                continuation = UTF8Scan.trimmed(bytes, lines[1].start, lines[1].end, spacesOnly: false)
                bodyStart = 2
                notes.append("the subject is wrapped onto a second line")
            } else {
                notes.append("no blank line between the header and the body")
            }
        }
        let (body, footers, footerNotes) = lines.count <= bodyStart ? (nil, [], [])
            : splitBodyAndFooters(lines, from: bodyStart, in: bytes)
        notes += footerNotes

        var result = ParsedMessage(subject: subject, body: body, footers: footers)
        let header: Result<Header, HeaderError>
        if let subjectRange {
            header = parseHeader(UnsafeBufferPointer(rebasing: bytes[subjectRange]))
        } else {
            header = subject.withUTF8 { parseHeader($0) }
        }
        switch header {
        case .failure(let error):
            result.nonConformance = error.reason
        case .success(let header):
            let breaking = footers.filter(\.isBreakingChange).map(\.value)
            let description = continuation.map { header.description + " " + $0 } ?? header.description
            result.conventional = ConventionalCommit(
                type: header.type, scope: header.scope, description: description,
                body: body, footers: footers,
                isBreaking: header.bang || !breaking.isEmpty, breakingDescriptions: breaking.filter { !$0.isEmpty })
            if !notes.isEmpty { result.nonConformance = notes.joined(separator: "; ") }
        }
        return result
    }

    /// True when line 2 continues a header that ends mid-sentence, read conservatively: line 2 is the only
    /// line of its paragraph (a blank line or the end follows), starts with a lower-case ASCII letter, is not
    /// a trailer or a list item; and the header is at least 40 characters long (it was wrapped, not short)
    /// and ends with a letter, a digit or a comma: no `.`, `!`, `?`, `:`, `;`, closing bracket, quote or
    /// backtick, which end a sentence or a reference such as `(#123)`.
    private static func isWrappedSubject(_ subject: String, _ lines: Lines, in bytes: UTF8Scan.Bytes) -> Bool {
        guard lines.count == 2 || isBlank(lines[2], in: bytes) else { return false }
        guard subject.count >= 40, let last = subject.unicodeScalars.last else { return false }
        guard last.properties.isAlphabetic || ("0"..."9").contains(last) || last == "," else { return false }
        let line = lines[1]
        guard let start = UTF8Scan.trimmedRange(bytes, line.start, line.end, spacesOnly: true)?.lowerBound,
              (0x61...0x7A).contains(bytes[start]) else { return false }
        return trailer(line, in: bytes) == nil
    }

    // MARK: - Lines

    /// A line of a message as byte offsets: `end` excludes the `\r` of a `\r\n`.
    struct Line {
        var start: Int
        var end: Int
        /// True when a `\r` before the line's `\n` was dropped.
        var droppedCR: Bool
    }

    /// The lines of a text, split on `\n` with one `\r` before it dropped (so `\r\n` and `\n`
    /// both end a line), as byte offsets: no string per line.
    struct Lines {
        private var storage: [Line] = []

        init(_ bytes: UTF8Scan.Bytes) {
            var start = 0
            while let newline = UTF8Scan.firstIndex(of: 0x0A, in: bytes, start, bytes.count) {
                storage.append(Self.line(bytes, start, newline))
                start = newline + 1
            }
            storage.append(Self.line(bytes, start, bytes.count))
        }

        @inline(__always) private static func line(_ bytes: UTF8Scan.Bytes, _ start: Int, _ end: Int) -> Line {
            let droppedCR = end > start && bytes[end - 1] == 0x0D
            return Line(start: start, end: droppedCR ? end - 1 : end, droppedCR: droppedCR)
        }

        var count: Int { storage.count }
        subscript(index: Int) -> Line { storage[index] }
    }

    @inline(__always) private static func isBlank(_ line: Line, in bytes: UTF8Scan.Bytes) -> Bool {
        UTF8Scan.isBlank(bytes, line.start, line.end)
    }

    /// The lines `first..<end` joined with `\n` and trimmed; nil when that leaves nothing.
    private static func trimmedOrNil(_ lines: Lines, _ first: Int, _ end: Int, in bytes: UTF8Scan.Bytes) -> String? {
        guard first < end else { return nil }
        let text: String
        if (first..<(end - 1)).contains(where: { lines[$0].droppedCR }) {
            var joined: [UInt8] = []
            joined.reserveCapacity(lines[end - 1].end - lines[first].start)
            for index in first..<end {
                if index > first { joined.append(0x0A) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lines[index].start..<lines[index].end]))
            }
            text = joined.withUnsafeBufferPointer { UTF8Scan.trimmed($0, 0, $0.count, spacesOnly: false) }
        } else {
            text = UTF8Scan.trimmed(bytes, lines[first].start, lines[end - 1].end, spacesOnly: false)
        }
        return text.isEmpty ? nil : text
    }

    // MARK: - Body and footers

    /// Splits the lines from `first` (after the subject) into body, footers, and notes on how the footers
    /// deviate from the format.
    ///
    /// The footer block is the run of final paragraphs that begin with a trailer, or, when earlier, the
    /// first paragraph that begins with a `BREAKING CHANGE`/`BREAKING-CHANGE` trailer: by rule 10 a value
    /// runs on, over blank lines and prose paragraphs, until the next trailer line. `BREAKING CHANGE:` with
    /// its text on the following lines is a breaking footer too, with a note.
    private static func splitBodyAndFooters(_ lines: Lines, from first: Int, in bytes: UTF8Scan.Bytes)
        -> (body: String?, footers: [Footer], notes: [String])
    {
        let count = lines.count
        var blockStart = count
        var searchEnd = count
        while true {
            var blank = searchEnd - 1
            while blank >= first, !isBlank(lines[blank], in: bytes) { blank -= 1 }
            guard blank >= first else { break }
            let start = blank + 1
            if start < searchEnd {
                guard trailer(lines[start], in: bytes) != nil || emptyBreakingTrailer(lines[start], in: bytes) != nil
                else { break }
                blockStart = start
            }
            searchEnd = blank
        }
        // The first paragraph that opens with a breaking footer starts the block even when prose follows.
        var index = first + 1
        while index < blockStart {
            if isBlank(lines[index - 1], in: bytes), !isBlank(lines[index], in: bytes),
               trailer(lines[index], in: bytes)?.isBreakingChange == true || emptyBreakingTrailer(lines[index], in: bytes) != nil {
                blockStart = index
                break
            }
            index += 1
        }
        guard blockStart < count else { return (trimmedOrNil(lines, first, count, in: bytes), [], []) }

        var footers: [Footer] = []
        var notes: [String] = []
        var emptyBreaking: [(footer: Int, note: Int)] = []
        var valueOpen = false
        var pendingBlank = false
        var continued = false
        for index in blockStart..<count {
            let line = lines[index]
            if isBlank(line, in: bytes) {
                if valueOpen { pendingBlank = true }
            } else if let footer = trailer(line, in: bytes),
                      !(valueOpen && footers.last?.isBreakingChange == true && isProseTrailer(footer)) {
                footers.append(footer)
                valueOpen = true
                pendingBlank = false
            } else if let footer = emptyBreakingTrailer(line, in: bytes) {
                footers.append(footer)
                emptyBreaking.append((footers.count - 1, notes.count))
                notes.append("the \(footer.token) footer's text starts on the next line")
                valueOpen = true
                pendingBlank = false
            } else if valueOpen, let last = footers.indices.last {
                let text = trimmingTrailingWhitespace(line, in: bytes)
                if footers[last].value.isEmpty {
                    footers[last].value = text
                } else {
                    footers[last].value += (pendingBlank ? "\n\n" : "\n") + text
                }
                pendingBlank = false
                continued = true
            }
        }
        if continued {
            for index in footers.indices {
                footers[index].value = footers[index].value.trimmedWhitespace()
            }
        } else {
            // Trailer values are already free of surrounding spaces; only line-break-like
            // characters (`\r`, U+000B, U+000C, U+0085, U+2028, U+2029) can remain to trim.
            for index in footers.indices where needsWhitespaceTrim(footers[index].value) {
                footers[index].value = footers[index].value.trimmedWhitespace()
            }
        }
        // A breaking footer with no text at all is still a breaking change (the commit says so); the note
        // makes --strict and --explain say that its text is missing.
        for (footer, note) in emptyBreaking where footers[footer].value.isEmpty {
            notes[note] = "the \(footers[footer].token) footer is empty: it says there is a breaking change but not what it is"
        }
        return (trimmedOrNil(lines, first, blockStart, in: bytes), footers, notes)
    }

    /// Git's trailer tokens that are one word: issue links, people, tests. Any other one-word token with a
    /// sentence after it (`Note: This does not affect application developers.`) under a breaking footer is
    /// part of the breaking text: angular publishes it so, and cutting it there would cut the note short.
    static let oneWordTrailers: Set<String> = [
        "closes", "close", "closed", "fixes", "fix", "fixed", "resolves", "resolve", "resolved", "refs", "ref",
        "references", "related", "see", "issue", "issues", "bug", "link", "links", "reviewed", "tested", "reported",
        "suggested", "cc", "changelog", "release", "pr", "source", "tag", "conv",
    ]

    /// True for a trailer-looking line that is prose continuing a breaking footer: a one-word token git does
    /// not use, capitalised, followed by at least three words.
    private static func isProseTrailer(_ footer: Footer) -> Bool {
        guard !footer.isBreakingChange, !footer.token.contains("-"), let first = footer.token.unicodeScalars.first,
              ("A"..."Z").contains(first), !oneWordTrailers.contains(footer.token.lowercased()),
              !footer.value.hasPrefix("#") else { return false }
        return footer.value.split(separator: " ").count >= 3
    }

    /// `BREAKING CHANGE:` or `BREAKING-CHANGE:` alone on its line (trailing blanks allowed): a breaking
    /// footer whose text follows on the next lines.
    private static func emptyBreakingTrailer(_ line: Line, in bytes: UTF8Scan.Bytes) -> Footer? {
        guard let range = UTF8Scan.trimmedRange(bytes, line.start, line.end, spacesOnly: true),
              range.lowerBound == line.start else { return nil }
        let text = UTF8Scan.string(bytes, range.lowerBound, range.upperBound)
        guard text == "BREAKING CHANGE:" || text == "BREAKING-CHANGE:" else { return nil }
        return Footer(token: String(text.dropLast()), value: "")
    }

    /// False when the first and last bytes are ASCII and not whitespace, so
    /// `trimmedWhitespace()` would return the value unchanged.
    @inline(__always) private static func needsWhitespaceTrim(_ value: String) -> Bool {
        guard let first = value.utf8.first, let last = value.utf8.last else { return false }
        return first >= 0x80 || last >= 0x80 || UTF8Scan.isWhitespace(first) || UTF8Scan.isWhitespace(last)
    }

    /// The line without trailing whitespace scalars (Unicode `White_Space`).
    private static func trimmingTrailingWhitespace(_ line: Line, in bytes: UTF8Scan.Bytes) -> String {
        var end = line.end
        while end > line.start {
            let scalar = UTF8Scan.scalar(before: end, in: bytes)
            guard scalar.properties.isWhitespace else { break }
            end -= scalar.utf8.count
        }
        return UTF8Scan.string(bytes, line.start, end)
    }

    private static let breakingChange = Array("BREAKING CHANGE".utf8)

    /// Reads `bytes[line]` as a trailer (`Token: value` or `Token #value`), or returns nil.
    private static func trailer(_ line: Line, in bytes: UTF8Scan.Bytes) -> Footer? {
        let start = line.start
        let count = line.end - start
        guard count > 0, UTF8Scan.isToken(bytes[start]) else { return nil }
        var end = 0
        if count >= breakingChange.count,
           breakingChange.withUnsafeBufferPointer({ $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<(start + $0.count)])) }) {
            end = breakingChange.count
        } else {
            while end < count, UTF8Scan.isToken(bytes[start + end]) { end += 1 }
            if bytes[start] == 0x2D { return nil }
        }
        guard end + 1 < count else { return nil }
        let valueStart: Int
        switch (bytes[start + end], bytes[start + end + 1]) {
        case (0x3A, 0x20): valueStart = start + end + 2  // ": "
        case (0x20, 0x23): valueStart = start + end + 1  // " #", the # stays in the value
        default: return nil
        }
        let value = UTF8Scan.trimmed(bytes, valueStart, line.end, spacesOnly: true)
        guard !value.isEmpty, value != "#" else { return nil }
        return Footer(token: UTF8Scan.string(bytes, start, start + end), value: value)
    }

    // MARK: - Header

    struct Header: Equatable {
        var type: String
        var scope: String?
        var bang: Bool
        var description: String
    }

    struct HeaderError: Error, Equatable {
        var reason: String
    }

    /// Reads the UTF-8 `header` as `type(scope)!: description`, or says why it does not match.
    private static func parseHeader(_ header: UTF8Scan.Bytes) -> Result<Header, HeaderError> {
        func fail(_ reason: String) -> Result<Header, HeaderError> { .failure(HeaderError(reason: reason)) }
        let noSeparator = "no type: header has no ': ' separator"
        let count = header.count
        let colon: UInt8 = 0x3A

        var index = 0
        while index < count, UTF8Scan.isToken(header[index]) { index += 1 }
        guard index < count else { return fail(noSeparator) }
        if index == 0 {
            if header[0] == colon { return fail("no type: header starts with ':'") }
            if UTF8Scan.firstIndex(of: colon, in: header, 0, count) == nil { return fail(noSeparator) }
            return fail("type has invalid character '\(UTF8Scan.scalar(at: 0, in: header))'")
        }
        let type = UTF8Scan.lowercasedASCII(header, 0, index)

        var scope: String?
        if header[index] == 0x28 {  // (
            guard let close = UTF8Scan.firstIndex(of: 0x29, in: header, index, count) else {
                return fail("scope is not closed")
            }
            if UTF8Scan.firstIndex(of: 0x28, in: header, index + 1, close) != nil { return fail("scope contains '('") }
            if UTF8Scan.isBlank(header, index + 1, close) { return fail("empty scope") }
            scope = UTF8Scan.string(header, index + 1, close)
            index = close + 1
        }

        var bang = false
        if index < count, header[index] == 0x21 {  // !
            bang = true
            index += 1
        }

        guard index < count else { return fail(noSeparator) }
        guard header[index] == colon else {
            if scope == nil, !bang, UTF8Scan.firstIndex(of: colon, in: header, index, count) == nil {
                return fail(noSeparator)
            }
            let found = UTF8Scan.scalar(at: index, in: header)
            let after = bang ? "'!'" : scope != nil ? "scope" : "type"
            if scope == nil, !bang { return fail("type has invalid character '\(found)'") }
            return fail("expected ':' after \(after), found '\(found)'")
        }
        index += 1
        guard index < count else { return fail("empty description") }
        guard header[index] == 0x20 else { return fail("missing space after ':'") }
        let description = UTF8Scan.trimmed(header, index + 1, count, spacesOnly: true)
        if description.isEmpty { return fail("empty description") }
        return .success(Header(type: type, scope: scope, bang: bang, description: description))
    }
}
