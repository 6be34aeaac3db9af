import Foundation
import NotesMarkdown

/// The text of a release heading with placeholders: `[{version}]({url}) - {date}`.
///
/// Placeholders: `{version}` (the version without prefix, `1.2.3`), `{tag}` (the tag name, `v1.2.3`),
/// `{date}` (`YYYY-MM-DD`) and `{url}` (the compare page). When the URL is not known, `({url})` is left
/// out, so `[{version}]({url}) - {date}` gives `[1.2.3] - 2026-11-25`.
public struct HeadingPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern text.
    public var text: String

    /// Makes a pattern from its text.
    public init(_ text: String) { self.text = text }

    /// Keep a Changelog: `[1.2.3](compare-url) - 2026-11-25`, or `[1.2.3] - 2026-11-25` without a remote.
    public static let keepAChangelog = HeadingPattern("[{version}]({url}) - {date}")
    /// commitizen: `v1.2.3 (2026-11-25)`.
    public static let commitizen = HeadingPattern("{tag} ({date})")
    /// conventional-changelog: `[1.2.3](compare-url) (2026-11-25)`.
    public static let conventionalChangelog = HeadingPattern("[{version}]({url}) ({date})")

    public var description: String { text }

    /// The heading text for a release.
    public func render(version: String, tag: String, date: String, url: String?) -> String {
        var result = text
        if let url {
            result = result.replacingAll("{url}", with: url)
        } else {
            result = result.replacingAll("({url})", with: "").replacingAll("{url}", with: "")
        }
        return result.replacingAll("{version}", with: version).replacingAll("{tag}", with: tag)
            .replacingAll("{date}", with: date)
    }

    /// The heading text for the "Unreleased" entry: `[Unreleased]` when versions are in brackets, else `Unreleased`.
    public func renderUnreleased(url: String?) -> String {
        guard text.hasPrefix("[{version}]") else { return "Unreleased" }
        return url.map { "[Unreleased](\($0))" } ?? "[Unreleased]"
    }

    /// The pattern an existing heading follows: its source text with the version, the date and the
    /// destination of its first link replaced by placeholders. Nil when the version is not in the source
    /// text as written (escaped, or in a reference link), so the caller falls back to its default.
    public static func detect(from heading: MarkdownDocument.Heading, version: ReleaseVersion) -> HeadingPattern? {
        var text = heading.sourceText
        if let link = heading.contentLinks.first, !link.isEmpty, let range = text.range(of: "(\(link))") {
            text.replaceSubrange(range, with: "({url})")
        }
        // Every place the version is written, not only the first: angular's `<a name="0.1.0"></a>0.1.0 (date)`
        // names it twice, and a pattern that kept the visible one would label every new entry 0.1.0.
        let ranges = wholeVersionRanges(of: version.bare, in: text)
        guard !ranges.isEmpty else { return nil }
        for range in ranges.reversed() { text.replaceSubrange(range, with: "{version}") }
        if let date = firstDate(in: text) { text.replaceSubrange(date, with: "{date}") }
        return HeadingPattern(text)
    }

    /// The ranges where `version` stands in `text` as a whole version: not inside a longer number
    /// (`0.1.0` is not in `10.1.0` or `0.1.01`, nor in `0.1.0.1`).
    static func wholeVersionRanges(of version: String, in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: version, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let afterNext = after == nil || text.index(after: range.upperBound) == text.endIndex
                ? nil : text[text.index(after: range.upperBound)]
            let digitBefore = before.map { $0.isNumber || $0 == "." } ?? false
            let digitAfter = (after?.isNumber ?? false) || (after == "." && (afterNext?.isNumber ?? false))
            if !digitBefore && !digitAfter { ranges.append(range) }
            searchStart = range.upperBound
        }
        return ranges
    }

    static func firstDate(in text: String) -> Range<String.Index>? {
        let scalars = Array(text.unicodeScalars)
        func digit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        for start in scalars.indices where start + 10 <= scalars.count {
            let shape = (0..<10).allSatisfy { offset in
                offset == 4 || offset == 7 ? scalars[start + offset] == "-" : digit(start + offset)
            }
            let before = start == 0 || !digit(start - 1)
            let after = start + 10 == scalars.count || !digit(start + 10)
            if shape, before, after {
                let lower = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: start)
                let upper = text.unicodeScalars.index(lower, offsetBy: 10)
                return lower..<upper
            }
        }
        return nil
    }
}

/// Reads the version out of a release heading: the first word of the heading's plain text (link
/// texts kept, raw HTML such as `<small>` left out), without surrounding brackets, parsed as a version
/// with an optional `v`, the tag prefix, or an npm-style `name@` prefix.
/// `## [1.2.3](url) - date`, `## v1.2.3 (date)`, `## <small>[1.2.3](url) (date)</small>` and
/// `## create-vite@1.2.3` all give 1.2.3; `## New Contributors` and `## Upgrading to 2.0.0` give nil.
public enum ReleaseHeading {
    /// The version the heading names, nil when it is not a release heading.
    public static func version(in plainText: String, tagPrefix: String? = nil) -> ReleaseVersion? {
        guard let word = firstWord(plainText) else { return nil }
        if let version = ReleaseVersion(word) { return version }
        if let tagPrefix, let version = ReleaseVersion(word, prefix: tagPrefix) { return version }
        if let at = word.lastIndex(of: "@"), let version = ReleaseVersion(String(word[word.index(after: at)...])) {
            return version
        }
        return nil
    }

    /// True for an `Unreleased` / `[Unreleased]` heading.
    public static func isUnreleased(_ plainText: String) -> Bool {
        firstWord(plainText)?.lowercased() == "unreleased"
    }

    static func firstWord(_ text: String) -> String? {
        let word = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let trimmed = word.trimming(["[", "]", "(", ")", ":", ","])
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func trimming(_ characters: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
