import Foundation
import NotesCLI
import NotesCore
import NotesGit
import Testing

/// Closed, full and broken standard output and error. The process tests spawn the built `notes` binary
/// through `/bin/sh` so the descriptors really are closed (`>&-`), full (`/dev/full`) or a closed pipe;
/// before the fix each of them died in Foundation's `FileHandle.write` (SIGILL, exit 132).
@Suite("closed and full standard output")
struct ClosedOutputTests {
    final class Sandbox {
        let root: String
        var repo: String { root + "/repo" }
        init(commits: Int = 3) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-stdout-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/repo", withIntermediateDirectories: true)
            var script = "commit feat: first\ntag v1.0.0\n"
            // Enough notes that a pipe closed after one line fills the pipe buffer (64 KiB) and meets EPIPE.
            for index in 0..<commits { script += "commit feat: change number \(index) with a long enough subject line\n" }
            _ = try HistoryScript.build(script: script + "checkout\n", at: repo)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    /// The `notes` executable SwiftPM built next to the test bundle.
    static let binary: String? = {
        var candidates: [String] = []
        if let path = Bundle.main.executablePath { candidates.append((path as NSString).deletingLastPathComponent + "/notes") }
        for bundle in Bundle.allBundles { candidates.append((bundle.bundlePath as NSString).deletingLastPathComponent + "/notes") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/notes").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `sh -c "exec notes ARGS REDIRECTIONS"` in the repository; returns the exit status and what was
    /// captured from the descriptors not redirected.
    func shell(_ command: String, in sandbox: Sandbox) throws -> (status: Int32, out: String, err: String) {
        let binary = try #require(Self.binary, "the notes executable is not built next to the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, binary]
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.repo)
        process.environment = ["SOURCE_DATE_EPOCH": "1764028800", "PATH": "/usr/bin:/bin", "CI": "true",
                               "GIT_COMMITTER_NAME": "Ada Maintainer", "GIT_COMMITTER_EMAIL": "ada@example.com"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "notes died of a signal")
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Linux has /dev/full (every write fails with ENOSPC); macOS does not, and runs the closed cases only.
    static let hasDevFull = FileManager.default.fileExists(atPath: "/dev/full")

    @Test("draft to a closed or full stdout: exit 8 with an error line on stderr",
          arguments: [("exec \"$0\" draft >&-", "Bad file descriptor")]
            + (hasDevFull ? [("exec \"$0\" draft >/dev/full", "No space left on device")] : []))
    func draftClosedStdout(command: String, reason: String) throws {
        let sandbox = try Sandbox()
        let result = try shell(command, in: sandbox)
        #expect(result.status == 8)
        #expect(result.err.contains("error: cannot write to standard output: \(reason)"))
    }

    @Test("draft into a pipe closed early: exit 8 (EPIPE), not death by SIGPIPE")
    func draftBrokenPipe() throws {
        let sandbox = try Sandbox(commits: 1500)
        let result = try shell("{ \"$0\" draft; echo \"notes exited $?\" >&2; } | head -c 1 >/dev/null", in: sandbox)
        #expect(result.err.contains("notes exited 8"))
        #expect(result.err.contains("error: cannot write to standard output: Broken pipe"))
    }

    @Test("draft with stderr closed still prints the notes and exits 0")
    func draftClosedStderr() throws {
        let sandbox = try Sandbox()
        let result = try shell("exec \"$0\" draft 2>&-", in: sandbox)
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("## Unreleased"))
    }

    @Test("tag with stdout closed: the tag is made and the exit code is 0, with a warning")
    func tagClosedStdout() throws {
        let sandbox = try Sandbox()
        let result = try shell("exec \"$0\" tag v1.1.0 >&-", in: sandbox)
        #expect(result.status == 0)
        #expect(result.err.contains("warning: the command finished"))
        #expect(try Repository.open(at: sandbox.repo).tags().contains { $0.name == "v1.1.0" })
        // A retry does not trip over the tag it made: tag on HEAD already is "nothing to do" (7), not a crash.
        #expect(try shell("exec \"$0\" tag v1.1.0 \(Self.hasDevFull ? ">/dev/full" : ">&-")", in: sandbox).status == 7)
    }

    @Test("in process: a failed stdout write fails a read-only command (8) and not a finished write command")
    func inProcessMapping() throws {
        let sandbox = try Sandbox()
        for (arguments, code) in [(["draft"], Int32(8)), (["changelog", "--dry-run"], 8), (["tag", "v1.1.0"], 0)] {
            let failures = OutputFailures()
            let buffer = OutputBuffer()
            var invocation = Invocation(workingDirectory: sandbox.repo, environment: ["SOURCE_DATE_EPOCH": "1764028800",
                                                                                     "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@b.c"],
                                        writeOut: { _ in failures.record(reason: "No space left on device") },
                                        writeErr: { buffer.err += $0 })
            invocation.outputFailures = failures
            #expect(NotesCLI.run(arguments, invocation: invocation) == code, "\(arguments)")
            #expect(buffer.err.contains("No space left on device"), "\(arguments)")
        }
    }
}
