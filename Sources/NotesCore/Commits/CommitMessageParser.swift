import Foundation

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
///   under the header without a blank line are body too (the message is still conventional).
/// - Footers: the final paragraphs whose first line is a trailer (`Token: value` or
///   `Token #value`, the token being ASCII letters, digits and `-`, or exactly
///   `BREAKING CHANGE`), counted back from the end and stopping at the first paragraph that
///   does not start with one. So `BREAKING CHANGE: …`, a blank line, then `Signed-off-by: …`
///   gives two footers, while a footer-looking paragraph followed by prose is body. Inside a
///   footer paragraph, lines that are not trailers continue the previous footer's value
///   (joined with `\n`); a blank line ends a value. Lines written right under the header
///   without a blank line are never footers (as in `git interpret-trailers`).
/// - Only the upper-case tokens `BREAKING CHANGE` and `BREAKING-CHANGE` mark a break. A
///   lower-case `breaking change: …` line is not a trailer (its token has a space), so it is
///   body text or part of the previous footer's value; `breaking-change: …` is an ordinary
///   footer that does not mark a break.
public enum CommitMessageParser {
    /// Parses `message`; never fails. Messages that are not conventional still get their
    /// subject, body and footers, and `nonConformance` says what broke the rules.
    public static func parse(_ message: String) -> ParsedMessage {
        let trimmed = message.trimmedWhitespace()
        let lines = splitLines(trimmed)
        let subject = (lines.first ?? "").trimmedSpaces()
        let rest = Array(lines.dropFirst())
        let (body, footers) = splitBodyAndFooters(rest)

        let result = ParsedMessage(subject: subject, body: body, footers: footers)
        if trimmed.isEmpty {
            return with(result) { $0.nonConformance = "empty message" }
        }
        switch parseHeader(subject) {
        case .failure(let error):
            return with(result) { $0.nonConformance = error.reason }
        case .success(let header):
            let breaking = footers.filter(\.isBreakingChange).map(\.value)
            let commit = ConventionalCommit(
                type: header.type, scope: header.scope, description: header.description,
                body: body, footers: footers,
                isBreaking: header.bang || !breaking.isEmpty, breakingDescriptions: breaking)
            return with(result) { $0.conventional = commit }
        }
    }

    // MARK: - Lines

    /// Splits on `\n`, dropping one `\r` before it, so `\r\n` and `\n` both end a line.
    static func splitLines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return String(Substring(line))
        }
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    private static func trimmedOrNil(_ lines: some Collection<String>) -> String? {
        let text = lines.joined(separator: "\n").trimmedWhitespace()
        return text.isEmpty ? nil : text
    }

    // MARK: - Body and footers

    private static func splitBodyAndFooters(_ rest: [String]) -> (body: String?, footers: [Footer]) {
        // Paragraph starts after a blank line, from the end: the footer block is the run of
        // final paragraphs that begin with a trailer line.
        var blockStart = rest.count
        var searchEnd = rest.count
        while let blank = rest[..<searchEnd].lastIndex(where: isBlank) {
            let start = blank + 1
            if start < searchEnd, trailer(in: rest[start]) != nil {
                blockStart = start
            } else if start < searchEnd {
                break
            }
            searchEnd = blank
        }
        guard blockStart < rest.count else { return (trimmedOrNil(rest), []) }

        var footers: [Footer] = []
        var valueOpen = false
        for line in rest[blockStart...] {
            if isBlank(line) {
                valueOpen = false
            } else if let footer = trailer(in: line) {
                footers.append(footer)
                valueOpen = true
            } else if valueOpen, let last = footers.indices.last {
                footers[last].value += "\n" + line.trimmingTrailingWhitespace()
            }
        }
        for index in footers.indices {
            footers[index].value = footers[index].value.trimmedWhitespace()
        }
        return (trimmedOrNil(rest[..<blockStart]), footers)
    }

    /// Reads `line` as a trailer (`Token: value` or `Token #value`), or returns nil.
    static func trailer(in line: String) -> Footer? {
        let scalars = Array(line.unicodeScalars)
        var end = 0
        let breaking = Array("BREAKING CHANGE".unicodeScalars)
        if scalars.starts(with: breaking) {
            end = breaking.count
        } else {
            while end < scalars.count, isTokenScalar(scalars[end]) { end += 1 }
            if end == 0 || scalars[0] == "-" { return nil }
        }
        guard end + 1 < scalars.count else { return nil }
        let separator = (scalars[end], scalars[end + 1])
        let value: String
        if separator == (":", " ") {
            value = String(String.UnicodeScalarView(scalars[(end + 2)...]))
        } else if separator == (" ", "#") {
            value = String(String.UnicodeScalarView(scalars[(end + 1)...]))
        } else {
            return nil
        }
        let trimmedValue = value.trimmedSpaces()
        guard !trimmedValue.isEmpty, trimmedValue != "#" else { return nil }
        return Footer(token: String(String.UnicodeScalarView(scalars[..<end])), value: trimmedValue)
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
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

    /// Reads `type(scope)!: description`, or says why the header does not match.
    static func parseHeader(_ header: String) -> Result<Header, HeaderError> {
        let scalars = Array(header.unicodeScalars)
        func fail(_ reason: String) -> Result<Header, HeaderError> { .failure(HeaderError(reason: reason)) }
        let noSeparator = "no type: header has no ': ' separator"

        var index = 0
        while index < scalars.count, isTokenScalar(scalars[index]) { index += 1 }
        let type = String(String.UnicodeScalarView(scalars[..<index])).lowercased()
        guard index < scalars.count else { return fail(noSeparator) }
        if type.isEmpty {
            if scalars[0] == ":" { return fail("no type: header starts with ':'") }
            if !scalars.contains(":") { return fail(noSeparator) }
            return fail("type has invalid character '\(scalars[0])'")
        }

        var scope: String?
        if scalars[index] == "(" {
            guard let close = scalars[index...].firstIndex(of: ")") else { return fail("scope is not closed") }
            let inner = scalars[(index + 1)..<close]
            if inner.contains("(") { return fail("scope contains '('") }
            let text = String(String.UnicodeScalarView(inner))
            if text.allSatisfy(\.isWhitespace) { return fail("empty scope") }
            scope = text
            index = close + 1
        }

        var bang = false
        if index < scalars.count, scalars[index] == "!" {
            bang = true
            index += 1
        }

        guard index < scalars.count else { return fail(noSeparator) }
        guard scalars[index] == ":" else {
            if scope == nil, !bang, !scalars[index...].contains(":") { return fail(noSeparator) }
            let after = bang ? "'!'" : scope != nil ? "scope" : "type"
            if scope == nil, !bang { return fail("type has invalid character '\(scalars[index])'") }
            return fail("expected ':' after \(after), found '\(scalars[index])'")
        }
        index += 1
        guard index < scalars.count else { return fail("empty description") }
        guard scalars[index] == " " else { return fail("missing space after ':'") }
        let description = String(String.UnicodeScalarView(scalars[(index + 1)...]))
            .trimmedSpaces()
        if description.isEmpty { return fail("empty description") }
        return .success(Header(type: type, scope: scope, bang: bang, description: description))
    }

    private static func with(_ value: ParsedMessage, _ change: (inout ParsedMessage) -> Void) -> ParsedMessage {
        var copy = value
        change(&copy)
        return copy
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var scalars = unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
