import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

struct EditableFileTests {
    static func scope(_ folder: String) -> PathScope { PathScope(WorkTreeBoundary(root: folder), .repository) }

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notes-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func notUTF8NamesLineAndOffset() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/CHANGELOG.md"
        FileManager.default.createFile(atPath: path, contents: Data([0x23, 0x20, 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
        #expect {
            _ = try EditableFile.open(path, displayPath: "CHANGELOG.md", scope: Self.scope(folder))
        } throws: { error in
            let error = error as! NotesError
            return error.exitCode == .file && error.message.hasPrefix("CHANGELOG.md:2: not valid UTF-8 (byte offset 7)")
        }
    }

    @Test func directoryIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/README.md", withIntermediateDirectories: true)
        #expect {
            _ = try EditableFile.open(folder + "/README.md", displayPath: "README.md", scope: Self.scope(folder))
        } throws: { ($0 as! NotesError).message == "README.md is a directory, not a file" }
    }

    @Test func readOnlyFileIsLeftIntact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/todo.md"
        FileManager.default.createFile(atPath: path, contents: Data("- [ ] a\n".utf8))
        chmod(path, 0o444)
        #expect {
            _ = try EditableFile.open(path, displayPath: "todo.md", scope: Self.scope(folder))
        } throws: { ($0 as! NotesError).message.contains("read-only") }
        #expect(FileManager.default.contents(atPath: path) == Data("- [ ] a\n".utf8))
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: NotesError.self) { _ = try EditableFile.open("/nonexistent-\(UUID())/x.md", displayPath: "x.md", scope: Self.scope("/")) }
    }

    @Test func writeModesWriteOnlyWhenAskedAndKeepPermissions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/f.md"
        FileManager.default.createFile(atPath: path, contents: Data("a\n".utf8))
        chmod(path, 0o640)
        let change = FileChange(path: path, displayPath: "f.md", before: utf8("a\n"), after: utf8("a\nb\n"), summary: "s", scope: Self.scope(folder))
        let dry = try change.apply(.dryRun)
        #expect(dry.out == "--- a/f.md\n+++ b/f.md\n@@ -1 +1,2 @@\n a\n+b\n")
        #expect(FileManager.default.contents(atPath: path) == Data("a\n".utf8))
        #expect {
            _ = try change.apply(.check)
        } throws: { ($0 as! NotesError).exitCode == .checkFailed }
        #expect(FileManager.default.contents(atPath: path) == Data("a\n".utf8))
        _ = try change.apply(.write)
        #expect(FileManager.default.contents(atPath: path) == Data("a\nb\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber
        #expect(mode.intValue == 0o640)
    }
}

/// Issue 24 item 9: HTML blocks that only their end tag closes (CommonMark kinds 1-5) hide every heading
/// after them when unclosed; a second run would add the entry again. Refused (exit 8) with the line.
@Suite("unclosed HTML blocks")
struct UnclosedHTMLBlockTests {
    static let refused: [(opener: String, what: String)] = [
        ("<pre>", "an HTML <pre> block"),
        ("<PRE class=\"x\">", "an HTML <pre> block"),
        ("<script>", "an HTML <script> block"),
        ("<style type=\"text/css\">", "an HTML <style> block"),
        ("<textarea>", "an HTML <textarea> block"),
        ("<?php echo 1;", "a processing instruction (<?)"),
        ("<![CDATA[", "a CDATA section (<![CDATA[)"),
        ("<!DOCTYPE html", "a declaration (<!D)"),
        ("<!--", "an HTML comment (<!--)"),
    ]

    @Test("refused with its line", arguments: Self.refused)
    func refusesUnclosed(opener: String, what: String) throws {
        let text = "# Changelog\n\n\(opener)\nsome text\n\n## 0.1.0\n\n- a\n"
        let document = try MarkdownDocument(bytes: Array(text.utf8))
        #expect {
            try EditableFile.refuseUnclosedBlock(document, displayPath: "CHANGELOG.md")
        } throws: { error in
            let error = error as! NotesError
            return error.exitCode == .file
                && error.message == "CHANGELOG.md:3: \(what) opened here is never closed, so the rest of the file, headings included, is inside it; nothing was written"
        }
    }

    /// Closed blocks, blocks a blank line ends, and unclosed blocks with no heading after them are accepted.
    @Test("accepted", arguments: [
        "<pre>\ncode\n</pre>\n\n## 0.1.0\n",
        "<script>x()</script>\n\n## 0.1.0\n",
        "<STYLE>\np {}\n</style>\n\n## 0.1.0\n",
        "<?php x ?>\n\n## 0.1.0\n",
        "<![CDATA[ x ]]>\n\n## 0.1.0\n",
        "<!DOCTYPE html>\n\n## 0.1.0\n",
        "<div>\nx\n\n## 0.1.0\n",
        "<preformatted>\n\n## 0.1.0\n",
        "## 0.1.0\n\n<pre>\nno heading below\n",
    ])
    func accepted(body: String) throws {
        let document = try MarkdownDocument(bytes: Array(("# Changelog\n\n" + body).utf8))
        try EditableFile.refuseUnclosedBlock(document, displayPath: "CHANGELOG.md")
    }
}
