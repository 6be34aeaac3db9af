import Foundation
import NotesCLI
import NotesCore
import NotesGit
import Testing

/// Issue 24 item 12: a newline in the tagger's name or email split the tag object's header (`git fsck`
/// rejects the tag). Now exit 5, naming where the identity came from, and no tag is made.
@Suite("tagger identities that would split a tag header")
struct TaggerIdentityTests {
    func run(environment: [String: String], toml: String? = nil) throws -> (code: Int32, err: String, tags: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-tagger-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if let toml { try Data(toml.utf8).write(to: URL(fileURLWithPath: root + "/notes.toml")) }
        let repository = try HistoryScript.build(script: "commit feat: one\ntag v1.0.0\ncommit fix: two\ncheckout\n", at: root)
        let buffer = OutputBuffer()
        let invocation = Invocation(workingDirectory: root, environment: environment.merging(["SOURCE_DATE_EPOCH": "1764028800"]) { $1 },
                                    writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
        let code = NotesCLI.run(["tag", "v1.1.0"], invocation: invocation)
        return (code, buffer.err, try repository.tags().map(\.name))
    }

    @Test("GIT_COMMITTER_NAME or GIT_COMMITTER_EMAIL with a control character: exit 5, no tag", arguments: [
        (["GIT_COMMITTER_NAME": "Eve\nobject 0000", "GIT_COMMITTER_EMAIL": "e@example.com"], "GIT_COMMITTER_NAME holds a line break: Eve\\x0Aobject 0000"),
        (["GIT_COMMITTER_NAME": "Eve", "GIT_COMMITTER_EMAIL": "e@example.com\r\ntagger x"], "GIT_COMMITTER_EMAIL holds a line break"),
        (["GIT_COMMITTER_NAME": "Eve\u{1B}[2J", "GIT_COMMITTER_EMAIL": "e@example.com"], "GIT_COMMITTER_NAME holds a control character"),
        (["GIT_COMMITTER_NAME": "Eve <evil>", "GIT_COMMITTER_EMAIL": "e@example.com"], "GIT_COMMITTER_NAME holds < or >"),
    ])
    func environment(variables: [String: String], message: String) throws {
        let result = try run(environment: variables)
        #expect(result.code == 5)
        #expect(result.err.hasPrefix("error: \(message)"), "\(result.err)")
        #expect(!result.err.unicodeScalars.contains("\u{1B}"))
        #expect(result.tags == ["v1.0.0"])
    }

    @Test("[tags] tagger_name with a line break is a configuration error with its line")
    func configured() throws {
        let result = try run(environment: [:], toml: "[tags]\ntagger_name = \"Eve\\nobject 0000\"\ntagger_email = \"e@example.com\"\n")
        #expect(result.code == 5)
        #expect(result.err.contains("notes.toml:2: tags.tagger_name holds a line break: Eve\\x0Aobject 0000"), "\(result.err)")
        #expect(result.tags == ["v1.0.0"])
    }

    @Test("an ordinary identity still tags")
    func ordinary() throws {
        let result = try run(environment: ["GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com"])
        #expect(result.code == 0 && result.tags == ["v1.0.0", "v1.1.0"], "\(result.err)")
    }
}
