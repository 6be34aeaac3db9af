import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

@Suite("README house style")
struct ReadmeHouseStyleTests {
    func style(_ entries: String) throws -> ReadmeHouseStyle {
        let text = "# P\n\n## Release Notes\n\n" + entries + "\n## License\n"
        return try ReadmeEditor(document: try MarkdownDocument(bytes: Array(text.utf8)), title: "Release Notes",
                                create: false, displayPath: "README.md").style
    }

    @Test("the newest entry decides: blank line, capitals, scopes")
    func detects() throws {
        let tight = try style("### 0.1.2 — 2025-10-04\n- Added the mock client\n- Fixed snapshots\n\n### 0.1.1 — 2025-09-01\n\n- python: old style\n")
        #expect(!tight.blankLineAfterHeading && tight.capitalized && !tight.showsScope)
        let loose = try style("### 0.1.2 — 2025-10-04\n\n- python: add the client\n- fixed snapshots\n")
        #expect(loose.blankLineAfterHeading && !loose.capitalized && loose.showsScope)
        #expect(try style("") == ReadmeHouseStyle(), "an empty section takes the defaults")
    }

    /// What notes writes in a style reads back as that style, so a second `notes readme` run keeps the entry
    /// the first wrote. Found on commitizen: a created section's `cmd/version: add …` and `Fixed: bump: …`
    /// read back as "no scopes, past tense", and the second run called the entry the user's.
    @Test("an entry written in a style reads back as that style")
    func roundTrip() throws {
        func entry(_ scope: String?, _ description: String) -> EntryView {
            EntryView(scope: scope, description: description, breakingText: nil, issues: [], commits: [], issueLinks: nil,
                      commitLinks: "", reverted: nil)
        }
        var styles: [ReadmeHouseStyle] = []
        // Capitals and scopes together cannot be told apart from a capitalized first word (`Python: …`), so
        // the detection never gives both; every other combination must read back.
        for blank in [true, false] {
            for (capitalized, scopes) in [(false, true), (true, false), (false, false)] {
                for past in [true, false] {
                    var style = ReadmeHouseStyle()
                    (style.blankLineAfterHeading, style.capitalized, style.showsScope, style.pastTense) = (blank, capitalized, scopes, past)
                    styles.append(style)
                }
            }
        }
        func lines(_ style: ReadmeHouseStyle) -> [String] {
            [style.line(entry("cmd/version", "add support for `--next`"), kind: .feature),
             style.line(entry("bump", "use the correct type"), kind: .fix),
             style.line(entry(nil, "robuster agents"), kind: .fix),
             style.line(entry("@acme/cli", "drop the v1 API"), kind: .breaking)]
        }
        for style in styles {
            let written = lines(style)
            let text = "### 4.17.0 — 2026-07-29\n" + (style.blankLineAfterHeading ? "\n" : "")
                + written.map { "- " + $0 + "\n" }.joined()
            // Read back, the style writes the same bullets (a past-tense bullet without a scope is capitalized
            // in either style, so the flag itself may differ).
            let read = try self.style(text)
            #expect(read.blankLineAfterHeading == style.blankLineAfterHeading && lines(read) == written, "\(style): \(written)")
        }
    }

    /// The same entries with CRLF and with bare-CR line endings have the LF file's style (CRLF bullets were
    /// not split into lines, and a bare-CR blank line was not seen).
    @Test("the style does not depend on the line endings", arguments: ["\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let entries = ["### 0.1.2 — 2025-10-04\n- Added the mock client\n- Fixed snapshots\n\n### 0.1.1 — 2025-09-01\n\n- python: old style\n",
                       "### 0.1.2 — 2025-10-04\n\n- python: add the client\n- fixed snapshots\n"]
        for entry in entries {
            let text = ("# P\n\n## Release Notes\n\n" + entry + "\n## License\n").replacingOccurrences(of: "\n", with: ending)
            let document = try MarkdownDocument(bytes: Array(text.utf8))
            let editor = try ReadmeEditor(document: document, title: "Release Notes", create: false, displayPath: "README.md")
            #expect(editor.style == (try style(entry)), "\(entry.debugDescription) with \(ending.debugDescription)")
        }
    }

    @Test("bullets follow the style")
    func lines() throws {
        let entry = EntryView(scope: "python", description: "release the GIL", breakingText: nil, issues: [],
                              commits: [], issueLinks: nil, commitLinks: "", reverted: nil)
        var style = ReadmeHouseStyle()
        #expect(style.line(entry) == "python: release the GIL")
        style.showsScope = false
        style.capitalized = true
        #expect(style.line(entry) == "Release the GIL")
        #expect(style.line(entry, prefix: "Fixed: ") == "Fixed: release the GIL")
    }

    @Test("the tense of the newest entry's bullets", arguments: [
        ("- Added the mock client\n- Fixed snapshots\n", true),
        ("- **Breaking:** Removed the v1 API\n- python: added bindings\n", true),
        ("- Add the mock client\n- Fixed: snapshots\n- Add more\n", false),
        ("- New mock client\n", false),
    ] as [(String, Bool)])
    func tense(_ bullets: String, _ past: Bool) throws {
        #expect(try style("### 0.1.2 — 2025-10-04\n\n" + bullets).pastTense == past)
    }

    @Test("bullets in the past tense use verbs from the list only", arguments: [
        ("add the mock client", ReadmeHouseStyle.Kind.feature, "Added the mock client"),
        ("adds limit orders", .feature, "Added limit orders"),
        ("limit order support", .feature, "Added limit order support"),
        ("handle null prices", .fix, "Handled null prices"),
        ("crash on empty input", .fix, "Fixed crash on empty input"),
        ("Fixed the clippy lint", .fix, "Fixed the clippy lint"),
        ("drop Python 3.8", .breaking, "**Breaking:** Dropped Python 3.8"),
        ("frobnicate the widget", .other, "Frobnicate the widget"),
    ] as [(String, ReadmeHouseStyle.Kind, String)])
    func pastTense(_ description: String, _ kind: ReadmeHouseStyle.Kind, _ expected: String) {
        var style = ReadmeHouseStyle()
        style.pastTense = true
        style.capitalized = true
        let entry = EntryView(scope: nil, description: description, breakingText: nil, issues: [], commits: [],
                              issueLinks: nil, commitLinks: "", reverted: nil)
        #expect(style.line(entry, kind: kind) == expected)
    }

    @Test("the newest three entries give the bullet count")
    func bulletCount() throws {
        let text = "# P\n\n## Release Notes\n\n### 0.1.3 — 2025-11-01\n\n- Added a\n\n### 0.1.2 — 2025-10-04\n\n- Added b\n- Fixed c\n  - detail\n- Fixed d\n\n"
            + "### 0.1.1 — 2025-09-01\n\n- Added e\n\n### 0.1.0 — 2025-08-01\n\n- 1\n- 2\n- 3\n- 4\n- 5\n\n## License\n"
        let editor = try ReadmeEditor(document: try MarkdownDocument(bytes: Array(text.utf8)), title: "Release Notes",
                                      create: false, displayPath: "README.md")
        #expect(editor.houseBulletCount == 3)
    }
}
