@testable import NotesGit
import Testing

@Suite("Commits libgit2 cannot parse")
struct DamagedCommitTests {
    static let tree = "tree " + String(repeating: "a", count: 40) + "\n"

    @Test("the malformed header field is named", arguments: [
        (tree + "author Bad <bad@example.com 1764000000 +0000\ncommitter C <c@x> 1 +0000\n\nfix\n", "author"),
        (tree + "author A <a@x> 1 +0000\ncommitter Bad bad@example.com> 1 +0000\n\nfix\n", "committer"),
        ("tree xyz\nauthor A <a@x> 1 +0000\n\nfix\n", "tree"),
        (tree + "parent 123\nauthor A <a@x> 1 +0000\n\nfix\n", "parent"),
        (tree + "author Nobody <> 1 +0000\ncommitter C <c@x> 1 +0000\n\nauthor Bad <x\n", "header"),
    ])
    func field(text: String, expected: String) {
        #expect(DamagedCommit.malformedField(in: Array(text.utf8)) == expected)
    }
}
