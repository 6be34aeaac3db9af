import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

struct ReadmeEditorTests {
    static let readme = """
        # Widget

        ## Install

        `pip install widget`

        ## Release notes

        Highlights per release.

        ### 0.1.2 — 2025-10-04
        * fixed a crash
        * faster start

        ### 0.1.1 — 2025-09-01
        * first fix

        ---

        Older releases: see CHANGELOG.md.

        ## License

        MIT

        """

    func editor(_ text: String, create: Bool = false) throws -> ReadmeEditor {
        try ReadmeEditor(document: markdown(text), title: "Release Notes", create: create, displayPath: "README.md")
    }

    @Test func copiesHeadingAndBulletStyleAndInsertsAtTheTop() throws {
        let editor = try editor(Self.readme)
        #expect(editor.level == 3)
        #expect(editor.pattern.text == "{version} — {date}")
        #expect(editor.bullet == "*")
        #expect(editor.entries.map(\.version.bare) == ["0.1.2", "0.1.1"])
        let entry = "### 0.1.3 — 2025-11-25\n\n* new thing\n"
        let (result, summary) = editor.apply(version: semver("0.1.3"), entryText: entry, keep: nil)
        #expect(summary == "added the 0.1.3 entry")
        #expect(decoded(result) == Self.readme.replacingOccurrences(of: "### 0.1.2", with: entry + "\n### 0.1.2"))
        // Twice: the entry is replaced by itself.
        let again = try self.editor(decoded(result)).apply(version: semver("0.1.3"), entryText: entry, keep: nil)
        #expect(again.bytes == result)
    }

    @Test func replacesAnEntryAndKeepsTheRuleAndClosingParagraph() throws {
        let entry = "### 0.1.1 — 2025-09-02\n\n* first fix, reworded\n"
        let (result, _) = try editor(Self.readme).apply(version: semver("0.1.1"), entryText: entry, keep: nil)
        #expect(decoded(result) == Self.readme.replacingOccurrences(of: "### 0.1.1 — 2025-09-01\n* first fix\n", with: entry))
    }

    @Test func keepDropsTheOldestEntries() throws {
        let entry = "### 0.1.3 — 2025-11-25\n\n* new thing\n"
        let (result, summary) = try editor(Self.readme).apply(version: semver("0.1.3"), entryText: entry, keep: 2)
        #expect(summary == "added the 0.1.3 entry, removed 1 older entry (keep = 2)")
        #expect(decoded(result) == Self.readme
            .replacingOccurrences(of: "\n\n### 0.1.1 — 2025-09-01\n* first fix", with: "")
            .replacingOccurrences(of: "### 0.1.2", with: entry + "\n### 0.1.2"))
        let (only, _) = try editor(Self.readme).apply(version: semver("0.1.3"), entryText: entry, keep: 1)
        #expect(decoded(only).contains("Highlights per release.\n\n### 0.1.3 — 2025-11-25\n\n* new thing\n\n---\n"))
        #expect(!decoded(only).contains("0.1.2"))
    }

    /// Issue 24 item 10: trimming removes only entries; a paragraph and a comment the user put between entries
    /// stay (before, everything from the last kept entry to the last dropped one went).
    @Test("keep removes only entries", arguments: [1, 2])
    func keepRemovesOnlyEntries(keep: Int) throws {
        let readme = """
            # Widget

            ## Release Notes

            ### 0.1.2 — 2025-10-04
            - fixed a crash

            Upgrading from 0.1: rename `widget.cfg` to `widget.toml`.

            <!-- older entries below are generated -->

            ### 0.1.1 — 2025-09-01
            - first fix

            ### 0.1.0 — 2025-08-01
            - first release

            ## License

            MIT

            """
        let entry = "### 0.1.3 — 2025-11-25\n\n- new thing\n"
        let (result, summary) = try editor(readme).apply(version: semver("0.1.3"), entryText: entry, keep: keep)
        #expect(summary == "added the 0.1.3 entry, removed \(3 - keep + 1) older entr\(keep == 2 ? "ies" : "ies") (keep = \(keep))")
        let text = decoded(result)
        #expect(text.contains("Upgrading from 0.1: rename `widget.cfg` to `widget.toml`.\n\n<!-- older entries below are generated -->\n\n## License"), "\(text)")
        #expect(!text.contains("0.1.1") && !text.contains("0.1.0"))
        #expect(text.contains("0.1.2") == (keep == 2))
        #expect(text.hasPrefix("# Widget\n\n## Release Notes\n\n### 0.1.3 — 2025-11-25\n\n- new thing\n\n"), "\(text)")
        // A second run changes nothing.
        let again = try editor(text).apply(version: semver("0.1.3"), entryText: entry, keep: keep)
        #expect(decoded(again.bytes) == text)
    }

    @Test func sectionWithoutEntriesTakesTheEntryAfterItsIntro() throws {
        let text = "# W\n\n## Release Notes\n\nIntro.\n\n## License\n"
        let (result, _) = try editor(text).apply(version: semver("1.0.0"), entryText: "### 1.0.0 — d\n\n- x\n", keep: nil)
        #expect(decoded(result) == "# W\n\n## Release Notes\n\nIntro.\n\n### 1.0.0 — d\n\n- x\n\n## License\n")
    }

    @Test func missingSectionIsAnErrorThatShowsCreate() {
        #expect {
            _ = try editor("# W\n\nText.\n")
        } throws: { error in
            let error = error as! NotesError
            return error.exitCode == .file && error.message.contains("no \"Release Notes\" section")
                && error.hint!.contains("--create")
        }
    }

    @Test func createAddsTheSectionAtTheEnd() throws {
        for (text, expected) in [
            ("# W\n\nText.\n", "# W\n\nText.\n\n## Release Notes\n\n### 1.0.0 — d\n\n- x\n"),
            ("# W\r\n\r\nText.", "# W\r\n\r\nText.\r\n\r\n## Release Notes\r\n\r\n### 1.0.0 — d\r\n\r\n- x"),
        ] {
            let (result, _) = try editor(text, create: true).apply(version: semver("1.0.0"), entryText: "### 1.0.0 — d\n\n- x\n", keep: nil)
            #expect(decoded(result) == expected)
        }
    }

    @Test func twoSectionsAreAnErrorNamingBothLines() {
        let text = "# W\n\n## Release Notes\n\nA\n\n```\n## Release Notes\n```\n\nRelease notes\n-------------\n"
        #expect {
            _ = try editor(text)
        } throws: { error in
            (error as! NotesError).message.contains("(line 3 and line 11)")
        }
    }

    @Test func headingInCodeBlockOrCommentIsNotTheSection() throws {
        let text = "# W\n\n<!--\n## Release Notes\n-->\n\n```md\n## Release Notes\n```\n"
        #expect(throws: NotesError.self) { _ = try editor(text) }
    }
}
