import Testing
@testable import NotesCore

struct UnifiedDiffTests {
    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "a/x", newName: "b/x") == "")
    }

    @Test func oneHunkWithThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\nline 5b\n")
        #expect(UnifiedDiff.make(old: old, new: new, oldName: "a/f.md", newName: "b/f.md") == """
            --- a/f.md
            +++ b/f.md
            @@ -2,7 +2,8 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
            +line 5b
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesMakeTwoHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n2\n", with: "\nTWO\n").replacingOccurrences(of: "\n19\n", with: "\nNINETEEN\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.contains("@@ -1,5 +1,5 @@"))
        #expect(diff.contains("@@ -16,5 +16,5 @@"))
    }

    @Test func newFileAndMissingFinalNewline() {
        #expect(UnifiedDiff.make(old: "", new: "a\n", oldName: "/dev/null", newName: "b/x") == """
            --- /dev/null
            +++ b/x
            @@ -0,0 +1 @@
            +a

            """)
        #expect(UnifiedDiff.make(old: "a", new: "a\nb", oldName: "a/x", newName: "b/x") == """
            --- a/x
            +++ b/x
            @@ -1 +1,2 @@
            -a
            \\ No newline at end of file
            +a
            +b
            \\ No newline at end of file

            """)
    }
}
