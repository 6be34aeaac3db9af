import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

struct TodoEditorTests {
    static let section = """
        ## Release v1.2.0 (2026-11-25)

        - [ ] Announce v1.2.0
        - [ ] Check that [#9](https://x.test/9) is closed and say it shipped in v1.2.0
        - [ ] Document the breaking change: drop old api

        """

    static let file = """
        - [ ] undated item
          - [x] nested sub-task

        ## Planned (2025-10-03)
        - [x] wrapped item that goes on
              to a second line

        """

    func apply(_ text: String, _ section: String = section, placement: TodoPlacement = .end) throws -> String {
        decoded(try TodoEditor(document: markdown(text)).apply(
            version: semver("v1.2.0"), sectionText: section, placement: placement, displayPath: "todo.md").bytes)
    }

    @Test func appendsAtTheEndAndTwiceChangesNothing() throws {
        let once = try apply(Self.file)
        #expect(once == Self.file + "\n" + Self.section)
        #expect(try apply(once) == once)
    }

    @Test func rerunKeepsTicksAndUserTasksAndAddsOnlyNewTasks() throws {
        var edited = try apply(Self.file)
        edited = edited.replacingOccurrences(of: "- [ ] Announce v1.2.0", with: "- [x] Announce v1.2.0\n  - [x] posted on the blog")
            .replacingOccurrences(of: "drop old api\n", with: "drop old api\n- [ ] my own task\n")
        let newSection = Self.section + "- [ ] Check the README covers: widgets\n"
        let again = try apply(edited, newSection)
        #expect(again == edited.replacingOccurrences(of: "- [ ] my own task\n",
                                                      with: "- [ ] my own task\n- [ ] Check the README covers: widgets\n"))
    }

    @Test func placementBeforeAndAfterAHeading() throws {
        let before = try apply(Self.file, placement: .before("planned (2025-10-03)"))
        #expect(before == Self.file.replacingOccurrences(of: "## Planned", with: Self.section + "\n## Planned"))
        let after = try apply("# T\n\n## A\n- [ ] a\n\n## B\n- [ ] b\n", placement: .after("A"))
        #expect(after == "# T\n\n## A\n- [ ] a\n\n" + Self.section + "\n## B\n- [ ] b\n")
        #expect(throws: NotesError.self) { try apply(Self.file, placement: .after("Nope")) }
    }

    @Test func crlfAndNoFinalNewlineStay() throws {
        let text = "- [ ] a\r\n- [x] b"
        let result = try apply(text)
        #expect(result == "- [ ] a\r\n- [x] b\r\n\r\n" + Self.section.replacingOccurrences(of: "\n", with: "\r\n").dropLast(1))
        #expect(try apply(result) == result)
    }
}
