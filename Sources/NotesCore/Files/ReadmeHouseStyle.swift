import NotesMarkdown

/// How a README's newest release entry is written, so a new entry looks like the ones the maintainer wrote:
/// a blank line after the heading or not, bullets starting with a capital letter or not, scopes shown
/// (`python: …`) or not. Detected from the newest entry; an empty section takes the defaults (blank line,
/// text as written, scopes shown).
public struct ReadmeHouseStyle: Sendable, Hashable {
    /// A blank line between the heading and the bullets.
    public var blankLineAfterHeading = true
    /// Each bullet's first letter upper-cased.
    public var capitalized = false
    /// `scope: ` before a description.
    public var showsScope = true

    /// The defaults: what notes writes into an empty section.
    public init() {}

    /// The style of `entry` in `document`: what lies between its heading and its first list, and its bullets.
    init(entry range: Range<Int>, heading: MarkdownDocument.Heading, in document: MarkdownDocument) {
        // Line endings between the heading's text and the first list, each of `\n`, `\r\n` and `\r` counted
        // once: a README with CRLF or bare-CR line endings has the same style as its LF twin.
        let bytes = document.bytes
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var index = heading.byteRange.upperBound
        var lineEndings = 0
        if index > 0, bytes[index - 1] == lf || bytes[index - 1] == cr {
            lineEndings = 1
            if bytes[index - 1] == cr, index < bytes.count, bytes[index] == lf { index += 1 }
        }
        while index < range.upperBound, bytes[index] == lf || bytes[index] == cr || bytes[index] == UInt8(ascii: " ") {
            if bytes[index] == lf {
                lineEndings += 1
            } else if bytes[index] == cr {
                lineEndings += 1
                if index + 1 < range.upperBound, bytes[index + 1] == lf { index += 1 }
            }
            index += 1
        }
        blankLineAfterHeading = lineEndings >= 2
        let text = document.text(in: heading.byteRange.upperBound..<range.upperBound)
        // `Character.isNewline`: `"\r\n"` is one `Character`, which `split(separator: "\n")` never matches.
        let items = text.split(whereSeparator: \.isNewline).compactMap { line -> Substring? in
            let trimmed = line.drop { $0 == " " }
            guard let marker = trimmed.first, "-*+".contains(marker), trimmed.dropFirst().first == " " else { return nil }
            return trimmed.dropFirst(2)
        }
        guard !items.isEmpty else { return }
        capitalized = items.allSatisfy { item in
            guard let first = item.first(where: { $0.isLetter }) else { return true }
            return first.isUppercase
        }
        showsScope = items.contains { item in
            let word = item.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return !word.isEmpty && item.dropFirst(word.count).hasPrefix(": ") && word.first?.isLowercase == true
        }
    }

    /// One bullet's text for `entry` in this style, with `prefix` (`Fixed: `, `**Breaking:** `) first.
    func line(_ entry: EntryView, prefix: String = "") -> String {
        var text = (showsScope ? entry.scope.map { "\($0): " } ?? "" : "") + entry.description
        if capitalized, let first = text.first, first.isLowercase, prefix.isEmpty {
            text = first.uppercased() + text.dropFirst()
        }
        return prefix + text
    }
}
