import Foundation
import NotesCLI
import NotesCore
import NotesGit
import Testing

/// Issue 24 item 12: a truncated object made notes spin forever inside libgit2 1.5.1 (zlib's `Z_BUF_ERROR`
/// retried with no input left). The watchdog ends the run with exit 3 naming the object and `git fsck`.
/// The built binary is spawned (the watchdog ends the process), under `timeout` so a regression fails
/// instead of hanging the suite.
@Suite("a truncated object does not hang notes")
struct TruncatedObjectTests {
    @Test("HEAD's commit object cut short: exit 3 naming it, within the read limit")
    func truncatedHead() throws {
        guard let binary = ClosedOutputTests.binary, FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") else { return }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-truncated-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let long = String(repeating: "0123456789abcdef", count: 200)
        let repository = try HistoryScript.build(script: "commit feat: one\ntag v1.0.0\ncommit fix: \(long)\n", at: root)
        let head = try #require(try repository.headCommit())
        let path = root + "/.git/objects/" + head.hex.prefix(2) + "/" + head.hex.dropFirst(2)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: path))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-s", "KILL", "60", binary, "draft"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = ["NOTES_READ_TIMEOUT": "2", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1764028800"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 3, "\(process.terminationStatus): \(text)")
        #expect(text.contains("reading object \(head.hex) did not finish") && text.contains("git fsck"), "\(text)")
    }
}
