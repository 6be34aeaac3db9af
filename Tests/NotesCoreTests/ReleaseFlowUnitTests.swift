import NotesCore
import Testing

@Suite("release flow: diffs, GitHub outputs, version files flag")
struct ReleaseFlowUnitTests {
    @Test func diffOfOneChangedLineHasContext() {
        let old = Array("a\nb\nc\nd\nversion = \"0.1.2\"\ne\nf\ng\nh\n".utf8)
        let new = Array("a\nb\nc\nd\nversion = \"0.1.3\"\ne\nf\ng\nh\n".utf8)
        #expect(UnifiedDiff.diff(path: "Cargo.toml", old: old, new: new) == """
            --- a/Cargo.toml
            +++ b/Cargo.toml
            @@ -2,7 +2,7 @@
             b
             c
             d
            -version = "0.1.2"
            +version = "0.1.3"
             e
             f
             g

            """)
    }

    @Test func diffMarksMissingFinalNewlineAndKeepsCRLF() {
        let diff = UnifiedDiff.diff(path: "x", old: Array("v = 1\r\nlast".utf8), new: Array("v = 2\r\nlast".utf8))
        #expect(diff == "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-v = 1\r\n+v = 2\r\n last\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.diff(path: "x", old: [1, 2], new: [1, 2]) == "")
    }

    @Test func diffSplitsDistantChangesIntoHunks() {
        let lines = (1...20).map { "line \($0)\n" }
        var changed = lines
        changed[1] = "LINE 2\n"
        changed[18] = "LINE 19\n"
        let diff = UnifiedDiff.diff(path: "f", old: Array(lines.joined().utf8), new: Array(changed.joined().utf8))
        #expect(diff.components(separatedBy: "\n@@ ").count == 3, "two hunks")
        #expect(diff.contains("@@ -1,5 +1,5 @@"))
        #expect(diff.contains("@@ -16,5 +16,5 @@"))
    }

    @Test func outputsUseADelimiterAbsentFromTheValues() {
        var candidates = ["EOF", "EOF", "SAFE"][...]
        let text = GitHubActions.outputText(
            [("version", "0.1.3"), ("notes", "line\nEOF\nmore\n")], delimiter: { candidates.removeFirst() })
        #expect(text == "version=0.1.3\nnotes<<SAFE\nline\nEOF\nmore\nSAFE\n")
    }

    @Test func randomDelimitersDiffer() {
        #expect(GitHubActions.randomDelimiter() != GitHubActions.randomDelimiter())
        #expect(GitHubActions.randomDelimiter().hasPrefix("NOTES_EOF_"))
    }

    @Test(arguments: [
        ("Cargo.toml", "Cargo.toml", VersionFileSpec.Format.cargo),
        ("crates/x/pyproject.toml", "crates/x/pyproject.toml", .pyproject),
        ("tool.toml:tool.app.version", "tool.toml", .toml(keyPath: ["tool", "app", "version"])),
        ("src/pkg/__init__.py", "src/pkg/__init__.py", .marker),
    ])
    func versionFileFlag(text: String, path: String, format: VersionFileSpec.Format) {
        let spec = VersionFileSpec.parse(text)
        #expect(spec.path == path)
        #expect(spec.format == format)
        #expect(!spec.isDefault)
    }
}
