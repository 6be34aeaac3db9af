import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

/// Tasks added to a release section whose list the user numbered go on with its numbering; before, they
/// started a bullet list of their own under it.
struct TodoOrderedListTests {
    static let section = "## Release v1.2.0 (2026-11-25)\n\n- [ ] Announce v1.2.0\n- [ ] Close #9\n"

    static let rows: [(String, String)] = [
        ("## Release v1.2.0 (2026-11-25)\n\n1. [x] Announce v1.2.0\n2. [ ] mine\n",
         "## Release v1.2.0 (2026-11-25)\n\n1. [x] Announce v1.2.0\n2. [ ] mine\n3. [ ] Close #9\n"),
        ("## Release v1.2.0 (2026-11-25)\n\n7) [ ] mine\n",
         "## Release v1.2.0 (2026-11-25)\n\n7) [ ] mine\n8) [ ] Announce v1.2.0\n9) [ ] Close #9\n"),
        ("## Release v1.2.0 (2026-11-25)\n\n1. [ ] mine\n   1. [ ] nested\n",
         "## Release v1.2.0 (2026-11-25)\n\n1. [ ] mine\n   1. [ ] nested\n2. [ ] Announce v1.2.0\n3. [ ] Close #9\n"),
        ("## Release v1.2.0 (2026-11-25)\n\n* [ ] mine\n",
         "## Release v1.2.0 (2026-11-25)\n\n* [ ] mine\n* [ ] Announce v1.2.0\n* [ ] Close #9\n"),
    ]

    @Test("missing tasks use the list's own marker; a second run changes nothing", arguments: rows)
    func ownMarker(text: String, expected: String) throws {
        func run(_ text: String) throws -> String {
            String(decoding: try TodoEditor(document: MarkdownDocument(text: text)).apply(
                version: try #require(ReleaseVersion("v1.2.0")), sectionText: Self.section, placement: .end,
                displayPath: "todo.md").bytes, as: UTF8.self)
        }
        let once = try run(text)
        #expect(once == expected)
        #expect(try run(once) == once)
    }
}
