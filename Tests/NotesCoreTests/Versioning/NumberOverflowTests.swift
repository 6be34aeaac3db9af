import NotesMarkdown
import Testing
@testable import NotesCore

/// Numbers too big for 64 bits in tag names, CHANGELOG headings and version files (issue 24, item 1): each
/// row trapped with "arithmetic overflow" (SIGILL) before the fix. Such a number is not a version here:
/// `Version` stores an `Int`, and notes takes at most nine digits per number, for tags and files alike.
@Suite("Numbers that do not fit 64 bits")
struct NumberOverflowTests {
    static let hugeTags = [
        "v0.1.99999999999999999999999", "v18446744073709551615.0.0", "0.1.7777777777777777777777777",
        "9223372036854775807.0.0", "9223372036854775808.0.0", "1.99999999999999999999999999999999999999.0",
        "barter-python-v0.1.99999999999999999999999", "pkg@1.2.99999999999999999999", "1000000000.0.0",
    ]

    @Test("a tag with a huge number is not a version", arguments: hugeTags)
    func tagIsNotAVersion(name: String) {
        #expect(ReleaseVersion(name) == nil)
        #expect(ReleaseVersion.strictSemVer(Substring(name.drop { !$0.isNumber })) == nil)
        #expect(TagFamily.split(name) == nil)
    }

    @Test("a huge numeric pre-release identifier is a version: SemVer sets no limit, and it is kept as text")
    func hugePrerelease() throws {
        let version = try #require(ReleaseVersion("v1.0.0-rc.99999999999999999999999"))
        #expect(version.isPrerelease)
        #expect(try #require(ReleaseVersion("v1.0.0-rc.2")) < version)
        #expect(version < (try #require(ReleaseVersion("v1.0.0"))))
    }

    @Test("nine digits are still a version, and bump without overflow")
    func nineDigits() throws {
        let version = try #require(ReleaseVersion("v999999999.999999999.999999999"))
        #expect(NextVersion.bumped(version.version, .major).major == 1_000_000_000)
        #expect(NextVersion.bumped(version.version, .patch).patch == 1_000_000_000)
    }

    @Test("a PEP 440 value with a huge number is not a version", arguments: [
        "0.1.99999999999999999999999", "18446744073709551615.0.0", "1.0.0rc99999999999999999999",
        "1.0.0.post99999999999999999999", "1.0.0.dev99999999999999999999",
        "1.0.0.post1000000000",
    ])
    func pep440IsNotAVersion(text: String) {
        #expect(PEP440Version(text) == nil)
        #expect(VersionFileValue.releaseVersion(text, pep440: true) == nil)
        #expect(VersionFileValue.releaseVersion(text, pep440: false) == nil)
    }

    @Test("a CHANGELOG heading with a huge number is read as no version", arguments: [
        "## 0.1.7777777777777777777777777", "## [18446744073709551615.0.0] - 2026-01-01",
        "## v0.1.99999999999999999999999 (2026-01-01)",
    ])
    func changelogHeading(heading: String) throws {
        let document = try MarkdownDocument(bytes: Array("# Changelog\n\n\(heading)\n\n- x\n".utf8))
        let editor = ChangelogEditor(document: document)
        #expect(editor.entry(for: ReleaseVersion("1.0.0")) == nil)
        let entry = ChangelogEntryText(version: ReleaseVersion("1.0.0")!, text: "## 1.0.0\n\n- new\n")
        let (result, _) = editor.apply([entry])
        #expect(String(decoding: result, as: UTF8.self).contains("## 1.0.0\n"))
    }
}
