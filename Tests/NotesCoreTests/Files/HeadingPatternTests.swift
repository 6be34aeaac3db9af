import NotesMarkdown
import Testing
@testable import NotesCore

struct HeadingPatternTests {
    @Test(arguments: [
        ("## [1.2.3](https://x.test/compare/v1.2.2...v1.2.3) - 2026-01-02", "[{version}]({url}) - {date}"),
        ("## v4.13.9 (2026-02-25)", "v{version} ({date})"),
        ("## [1.2.3] - 2026-01-02", "[{version}] - {date}"),
        ("## <small>[9.1.2](https://x.test/c) (2026-07-30)</small>", "<small>[{version}]({url}) ({date})</small>"),
        ("## 1.2.3", "{version}"),
        ("### 0.1.2 — 2025-10-04", "{version} — {date}"),
    ])
    func detectsPatternFromNewestHeading(heading: String, pattern: String) throws {
        let document = markdown(heading + "\n")
        let first = try #require(document.headings.first)
        let found = try #require(ReleaseHeading.version(in: first.plainText))
        #expect(HeadingPattern.detect(from: first, version: found)?.text == pattern)
    }

    @Test func rendersWithAndWithoutURL() {
        #expect(HeadingPattern.keepAChangelog.render(version: "1.2.3", tag: "v1.2.3", date: "2026-11-25", url: "https://u")
            == "[1.2.3](https://u) - 2026-11-25")
        #expect(HeadingPattern.keepAChangelog.render(version: "1.2.3", tag: "v1.2.3", date: "2026-11-25", url: nil)
            == "[1.2.3] - 2026-11-25")
        #expect(HeadingPattern.commitizen.render(version: "1.2.3", tag: "v1.2.3", date: "2026-11-25", url: nil)
            == "v1.2.3 (2026-11-25)")
        #expect(HeadingPattern.keepAChangelog.renderUnreleased(url: nil) == "[Unreleased]")
        #expect(HeadingPattern.commitizen.renderUnreleased(url: nil) == "Unreleased")
    }

    @Test(arguments: [
        ("1.2.3 - 2026-11-25", "1.2.3"), ("v4.13.9 (2026-02-25)", "4.13.9"), ("create-vite@9.1.2 (x)", "9.1.2"),
        ("[2.0.0-rc.1]", "2.0.0-rc.1"),
    ])
    func readsVersionsFromHeadings(text: String, expected: String) {
        #expect(ReleaseHeading.version(in: text)?.bare == expected)
    }

    @Test(arguments: ["New Contributors ❤️", "Upgrading to 2.0.0", "Unreleased", "", "Release Notes"])
    func otherHeadingsAreNotReleases(text: String) {
        #expect(ReleaseHeading.version(in: text) == nil)
    }
}
