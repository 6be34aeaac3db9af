import NotesMarkdown
import Testing
@testable import NotesCore

struct ChangelogEditorTests {
    /// Files built to be awkward: each has a `## [1.0.0]` release; the editor must insert 1.1.0 above it
    /// without touching another byte, and a second run must change nothing.
    static let awkward: [(name: String, text: String)] = [
        ("crlf", "# Changelog\r\n\r\nIntro  \r\n\r\n## [1.0.0] - 2025-01-01\r\n\r\n- first\r\n"),
        ("no final newline", "# Changelog\n\n## [1.0.0] - 2025-01-01\n\n- first"),
        ("heading in fenced code", "# Changelog\n\n```\n## [9.9.9] - not a heading\n```\n\n## [1.0.0] - 2025-01-01\n\n- first\n"),
        ("html comment like a heading", "# Changelog\n\n<!--\n## [9.9.9] - 2030-01-01\n-->\n\n## [1.0.0] - 2025-01-01\n\n- first\n"),
        ("setext headings", "Changelog\n=========\n\n[1.0.0] - 2025-01-01\n--------------------\n\n- first\n"),
        ("trailing hashes", "# Changelog #\n\n## [1.0.0] - 2025-01-01 ##\n\n* first\n"),
        ("link reference definitions", "# Changelog\n\n## [1.0.0] - 2025-01-01\n\n- first\n\n[1.0.0]: https://example.com/v1.0.0\n"),
        ("indented headings and tabs", "   # Changelog\n\n  ## [1.0.0] - 2025-01-01\n\n-\tfirst\n"),
    ]

    @Test(arguments: awkward.map(\.name))
    func insertsAboveNewestReleaseAndIsIdempotent(name: String) throws {
        let original = utf8(Self.awkward.first { $0.name == name }!.text)
        let document = try MarkdownDocument(bytes: original)
        let editor = ChangelogEditor(document: document, pattern: .keepAChangelog)
        let old = try #require(editor.entry(for: semver("1.0.0")))
        let entry = ChangelogEntryText(
            version: semver("1.1.0"),
            text: "\(editor.headingMarks) [1.1.0] - 2026-11-25\n\n\(editor.subheadingMarks) Features\n\n- new\n")
        let (result, summary) = editor.apply([entry])
        #expect(summary == ["added the 1.1.0 entry"])
        // Only an insertion, at the old entry's heading (after its indentation): every original byte
        // before and after it is there, in order.
        var at = old.ownedRange.lowerBound
        while original[at] == UInt8(ascii: " ") { at += 1 }
        let insertedCount = result.count - original.count
        #expect(Array(result[..<at]) == Array(original[..<at]))
        #expect(Array(result[(at + insertedCount)...]) == Array(original[at...]))
        // Line endings follow the file.
        let inserted = decoded(Array(result[at..<(at + insertedCount)]))
        #expect(inserted.contains("\r\n") == name.hasPrefix("crlf"))
        #expect(result.last == original.last)
        // The new entry is a release entry now; a second run changes nothing.
        let again = ChangelogEditor(document: try MarkdownDocument(bytes: result), pattern: .keepAChangelog)
        #expect(again.entries.compactMap(\.version).map(\.bare) == ["1.1.0", "1.0.0"])
        #expect(again.apply([entry]).bytes == result)
    }

    @Test func replacesExistingEntryInPlaceAndLeavesOlderOnesAlone() {
        let text = "# Changelog\n\n## [Unreleased]\n\n- wip\n\n## [1.1.0] - 2026-01-01\n\n- old text\n\n## [1.0.0] - 2025-01-01\n\n- first\n"
        let editor = ChangelogEditor(document: markdown(text))
        let (result, _) = editor.apply([changelogEntry("1.1.0", body: "- new text\n")])
        #expect(decoded(result) == text.replacingOccurrences(of: "## [1.1.0] - 2026-01-01\n\n- old text\n",
                                                             with: "## [1.1.0] - 2026-11-25\n\n### Features\n\n- new text\n"))
    }

    @Test func newReleaseGoesBelowUnreleased() {
        let text = "# Changelog\n\nPreamble.\n\n## [Unreleased]\n\n- wip\n\n## [1.0.0] - 2025-01-01\n\n- first\n"
        let (result, _) = ChangelogEditor(document: markdown(text)).apply([changelogEntry("1.1.0")])
        #expect(decoded(result) == text.replacingOccurrences(
            of: "## [1.0.0]", with: "## [1.1.0] - 2026-11-25\n\n### Features\n\n- a change\n\n## [1.0.0]"))
    }

    @Test func olderVersionsAreInsertedInVersionOrderAndNewContributorsStayWithTheirRelease() {
        let text = "## [2.0.0] - 2026-01-01\n\n- two\n\n## New Contributors\n\n- bob\n\n## [1.0.0] - 2025-01-01\n\n- one\n\n<!-- generated -->\n"
        let editor = ChangelogEditor(document: markdown(text))
        #expect(editor.entries.map { decoded(Array(utf8(text)[$0.ownedRange])) } == [
            "## [2.0.0] - 2026-01-01\n\n- two\n\n## New Contributors\n\n- bob\n",
            "## [1.0.0] - 2025-01-01\n\n- one\n",
        ])
        let (result, _) = editor.apply([changelogEntry("0.9.0"), changelogEntry("1.5.0")])
        #expect(decoded(result) == """
            ## [2.0.0] - 2026-01-01

            - two

            ## New Contributors

            - bob

            ## [1.5.0] - 2026-11-25

            ### Features

            - a change

            ## [1.0.0] - 2025-01-01

            - one

            ## [0.9.0] - 2026-11-25

            ### Features

            - a change

            <!-- generated -->

            """)
    }

    @Test func emptyFileGetsThePreamble() {
        let (result, _) = ChangelogEditor(document: markdown("")).apply([changelogEntry("1.0.0")])
        #expect(decoded(result) == ChangelogEditor.preamble + "\n## [1.0.0] - 2026-11-25\n\n### Features\n\n- a change\n")
    }

    @Test(arguments: [
        ("## v4.13.9 (2026-02-25)\n\n### Fix\n\n- x\n", "v{version} ({date})", 2),
        ("# Changes\n\n### [1.0.0](https://u) (2026-02-25)\n\n- x\n", "[{version}]({url}) ({date})", 3),
        ("## 1.0.0\n\n- x\n", "{version}", 2),
    ])
    func headingStyleAndLevelFollowTheNewestEntry(text: String, pattern: String, level: Int) {
        let editor = ChangelogEditor(document: markdown(text))
        #expect(editor.pattern.text == pattern)
        #expect(editor.level == level)
    }
}
