import Foundation
import NotesCLI
import NotesCore
import NotesGit
import Testing

/// Issue 24 item 5: a commit subject with ESC sequences reached the maintainer's terminal through `--explain`
/// (stdout) and `--strict` (stderr). Every line notes prints passes `Invocation`, which escapes control
/// characters on stderr always and on stdout when it is a terminal.
@Suite("control characters on terminals")
struct TerminalEscapingTests {
    static let subject = "fix: \u{1B}[2J\u{1B}]0;pwned\u{07}clear screen"

    func run(_ arguments: [String], stdoutIsTerminal: Bool) throws -> (code: Int32, out: String, err: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-tty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try HistoryScript.build(script: "commit feat: one\ntag v1.0.0\ncommit \(Self.subject)\ncommit Update \u{1B}[31mred\n",
                                    at: root)
        let buffer = OutputBuffer()
        let invocation = Invocation(workingDirectory: root, environment: ["SOURCE_DATE_EPOCH": "1764028800"],
                                    stdoutIsTerminal: stdoutIsTerminal,
                                    writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
        let code = NotesCLI.run(arguments, invocation: invocation)
        return (code, buffer.out, buffer.err)
    }

    @Test("--explain on a terminal shows ESC escaped; into a pipe the bytes stay as they are")
    func explain() throws {
        let terminal = try run(["draft", "--explain"], stdoutIsTerminal: true)
        #expect(terminal.code == 0)
        #expect(!terminal.out.unicodeScalars.contains("\u{1B}") && terminal.out.contains("\\x1B[2J\\x1B]0;pwned\\x07clear"))
        let piped = try run(["draft", "--explain"], stdoutIsTerminal: false)
        #expect(piped.out.unicodeScalars.contains("\u{1B}"))
    }

    @Test("--strict's error on stderr shows ESC escaped, also when stdout is a pipe")
    func strict() throws {
        let result = try run(["draft", "--strict"], stdoutIsTerminal: false)
        #expect(result.code == 6)
        #expect(!result.err.unicodeScalars.contains("\u{1B}") && result.err.contains("Update \\x1B[31mred"))
    }

    @Test("the notes themselves carry no control character, on a terminal or not")
    func notes() throws {
        for terminal in [true, false] {
            let result = try run(["draft"], stdoutIsTerminal: terminal)
            #expect(!result.out.unicodeScalars.contains("\u{1B}") && result.out.contains("\\x1B[2J"))
        }
    }

    @Test("through a real terminal (script(1) gives notes a pty): no ESC byte from a commit reaches it")
    func pseudoTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
              let binary = ClosedOutputTests.binary else { return }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-pty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try HistoryScript.build(script: "commit feat: one\ntag v1.0.0\ncommit \(Self.subject)\n", at: root)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' draft --explain", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = ["SOURCE_DATE_EPOCH": "1764028800", "PATH": "/usr/bin:/bin", "CI": "true", "TERM": "dumb"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\\x1B[2J"), "\(text.debugDescription)")
        #expect(!data.contains(0x1B), "\(text.debugDescription)")
    }
}
