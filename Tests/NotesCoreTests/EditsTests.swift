@testable import NotesCore
import NotesGit
import Testing

@Suite("corrections: the edits file")
struct EditsTests {
    let a = CommitID(hex: String(repeating: "a", count: 40))!
    let b = CommitID(hex: String(repeating: "b", count: 40))!
    let sections = ["breaking", "features", "fixes", "other"]

    @Test("a new file starts with the preamble; tables are added, replaced and removed in place")
    func splice() throws {
        var text = EditsFileText.replacing(a, with: CommitEdit(section: "fixes", subject: "chore: x"), in: "")
        #expect(text.hasPrefix(EditsFileText.preamble))
        #expect(text.hasSuffix("[edit.\(a.hex)]\nsubject = \"chore: x\"\nsection = \"fixes\"\n"))
        text += "\n# about b\n"
        text = EditsFileText.replacing(b, with: CommitEdit(leaveOut: true), in: text)
        text = EditsFileText.replacing(a, with: CommitEdit(description: "say \"hi\"\\ now"), in: text)
        let edits = try CommitEdits.parse(text, file: "e.toml", sections: sections)
        #expect(edits.byCommit[a]?.description == "say \"hi\"\\ now" && edits.byCommit[a]?.section == nil)
        #expect(edits.byCommit[b]?.leaveOut == true)
        #expect(text.contains("\n# about b\n"), "a comment above the next table stays")
        let removed = EditsFileText.replacing(a, with: nil, in: text)
        #expect(!removed.contains("edit.\(a.hex)") && removed.contains("[edit.\(b.hex)]") && removed.contains("# about b"))
        #expect(EditsFileText.replacing(b, with: nil, in: removed).hasPrefix(EditsFileText.preamble.dropLast()))
    }

    @Test("CRLF files keep their line endings")
    func crlf() throws {
        let text = "# mine\r\n\r\n[edit.\(a.hex)]\r\nsection = \"fixes\"\r\n"
        let replaced = EditsFileText.replacing(a, with: CommitEdit(section: "features"), in: text)
        #expect(replaced == "# mine\r\n\r\n[edit.\(a.hex)]\r\nsection = \"features\"\r\n")
        let added = EditsFileText.replacing(b, with: CommitEdit(leaveOut: true), in: text)
        #expect(added == text + "\r\n[edit.\(b.hex)]\r\nleave_out = true\r\n")
    }

    @Test("control characters are escaped and read back")
    func escaping() throws {
        let edit = CommitEdit(breaking: "one\ntwo\tthree \u{7}")
        let text = EditsFileText.replacing(a, with: edit, in: "")
        #expect(try CommitEdits.parse(text, file: "e.toml", sections: sections).byCommit[a]?.breaking == "one\ntwo\tthree \u{7}")
    }

    @Test("what the file may not hold", arguments: [
        ("[edit.abc]\nsection = \"fixes\"\n", "not a full commit id"),
        ("[edit.\(String(repeating: "a", count: 40))]\nsection = \"fix\"\n", "no section with id \"fix\""),
        ("[edit.\(String(repeating: "a", count: 40))]\ncolour = \"red\"\n", "unknown key \"colour\""),
        ("[edit.\(String(repeating: "a", count: 40))]\nleave_out = \"yes\"\n", "leave_out must be true or false"),
        ("[edit.\(String(repeating: "a", count: 40))]\ndescription = \" \"\n", "description must not be empty"),
        ("[other]\nx = 1\n", "unknown key \"other\""),
        ("[edit.\n", "e.toml:1"),
    ])
    func refused(text: String, message: String) {
        do {
            _ = try CommitEdits.parse(text, file: "e.toml", sections: sections)
            Issue.record("accepted \(text)")
        } catch let error as NotesError {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.exitCode == .configuration)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a cherry-picked commit takes its original's correction")
    func cherryPick() throws {
        let edits = try CommitEdits.parse("[edit.\(a.hex)]\nsection = \"fixes\"\n", file: "e.toml", sections: sections)
        let signature = Signature(name: "A", email: "a@x", time: 0, offsetMinutes: 0)
        let message = "chore: x\n\n(cherry picked from commit \(a.hex))\n"
        let record = CommitRecord(RawCommit(id: b, parents: [], author: signature, committer: signature,
                                            message: Array(message.utf8), encoding: nil))
        #expect(edits.edit(for: record)?.section == "fixes")
    }
}
