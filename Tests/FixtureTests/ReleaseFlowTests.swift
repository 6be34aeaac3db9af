import Foundation
import NotesCLI
import NotesCore
import NotesGit
import Testing

/// The "Done when" and the release's rollback, on repositories built from the
/// `release-workspace-python-package` fixture's files and history.
@Suite("release flow end to end")
struct ReleaseFlowTests {
    final class Sandbox: @unchecked Sendable {
        let root: String
        let repo: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-flow-\(UUID().uuidString)").path
            repo = root + "/repo"
            let fixture = FixtureCase(name: "release-workspace-python-package")
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fixture.folder.appendingPathComponent("files").path, toPath: repo)
            _ = try HistoryScript.build(script: try #require(fixture.read("history")), at: repo)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(_ arguments: [String], environment extra: [String: String] = [:]) -> (Int32, String, String) {
            runNotes(arguments, in: repo, environment: extra)
        }

        /// `notes release 0.1.3 --package barter-python`, as a request for `ReleaseFlow.run` with its own steps.
        func releaseRequest() throws -> ReleaseRequest {
            ReleaseRequest(
                settings: try Settings.load(repositoryPath: repo, configPath: nil,
                                            flags: SettingsFlags(package: "barter-python")),
                version: "0.1.3",
                context: RunContext(now: 1_764_028_800,
                                    environment: ["GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.com"]))
        }

        func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: repo + "/" + path).map(Array.init) }
    }

    @Test func releaseCheckAndAttachInSimulatedActions() throws {
        let sandbox = try Sandbox()
        let before = try #require(try Repository.open(at: sandbox.repo).headCommit())

        let (releaseCode, releaseOut, releaseErr) = sandbox.run(["release", "0.1.3", "--package", "barter-python"])
        #expect(releaseCode == 0, "\(releaseErr)")
        #expect(releaseOut == "v0.1.3\n")

        let repository = try Repository.open(at: sandbox.repo)
        let head = try #require(try repository.headCommit())
        let commit = try repository.commit(head)
        #expect(commit.parents == [before], "exactly one commit on top of the old HEAD")
        #expect(String(decoding: commit.message, as: UTF8.self) == "chore(release): 0.1.3\n")
        let tag = try #require(try repository.tags().first { $0.name == "v0.1.3" })
        #expect(tag.isAnnotated && tag.target == head)
        #expect(try tag.object.map { try repository.tagDetails($0).message }?.hasPrefix("## v0.1.3 (2025-11-25)\n") == true)
        for path in ["barter-python/Cargo.toml", "barter-python/pyproject.toml", "Cargo.lock"] {
            #expect(try repository.fileContents(atPath: path, in: head) == sandbox.bytes(path), "\(path) committed as written")
            #expect(String(decoding: sandbox.bytes(path) ?? [], as: UTF8.self).contains("0.1.3"))
        }
        #expect(try repository.workTreeStatus().isClean)

        let (checkCode, checkOut, _) = sandbox.run(["check", "0.1.3", "--package", "barter-python"])
        #expect(checkCode == 0)
        #expect(!checkOut.contains("✗"))

        let output = sandbox.root + "/github_output"
        let summary = sandbox.root + "/step_summary"
        try "existing=1\n".write(toFile: output, atomically: true, encoding: .utf8)
        let (attachCode, attachOut, attachErr) = sandbox.run(
            ["attach", "v0.1.3", "--output", sandbox.root + "/notes.md"],
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": output, "GITHUB_STEP_SUMMARY": summary,
                          "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": ""])
        #expect(attachCode == 0, "\(attachErr)")
        #expect(attachOut == "", "with --output the notes go to the file")
        let notes = try String(contentsOfFile: sandbox.root + "/notes.md", encoding: .utf8)
        #expect(notes.hasPrefix("## v0.1.3 (2025-11-25)\n"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == notes)
        #expect(try Repository.open(at: sandbox.repo).note(on: head, ref: "refs/notes/release") == notes)

        let lines = try String(contentsOfFile: output, encoding: .utf8).components(separatedBy: "\n")
        #expect(Array(lines.prefix(4)) == ["existing=1", "version=0.1.3", "tag=v0.1.3", "previous=v0.1.2"])
        let opener = try #require(lines.dropFirst(4).first)
        #expect(opener.hasPrefix("notes<<NOTES_EOF_"))
        let delimiter = String(opener.dropFirst("notes<<".count))
        let body = lines.dropFirst(5).prefix { $0 != delimiter }.joined(separator: "\n") + "\n"
        #expect(body == notes)
        #expect(!notes.contains(delimiter))
        #expect(attachErr.contains("push the notes with: git push origin refs/notes/release"))
    }

    /// A step after the tag fails: every file, the branch, the index and the tag are as they were.
    @Test func failureRollsEverythingBack() throws {
        struct Boom: ReleaseStep {
            var name: String { "boom" }
            func run(_ run: ReleaseRun) throws { throw NotesError(.file, "boom") }
        }
        let sandbox = try Sandbox()
        let paths = ["barter-python/Cargo.toml", "barter-python/pyproject.toml", "Cargo.lock"]
        let originals = paths.map(sandbox.bytes)
        let before = try #require(try Repository.open(at: sandbox.repo).headCommit())
        var said: [String] = []
        #expect(throws: NotesError.self) {
            try ReleaseFlow.run(
                try sandbox.releaseRequest(),
                steps: ReleaseFlow.standardSteps + [Boom()], say: { said.append($0) })
        }
        #expect(said.contains { $0.hasPrefix("tagged ") }, "the tag step ran before the failure")
        #expect(said.last == "failed; undone: the files, commit and tag are as they were")
        let repository = try Repository.open(at: sandbox.repo)
        #expect(try repository.headCommit() == before)
        #expect(try repository.tags().map(\.name) == ["v0.1.2"])
        #expect(try repository.workTreeStatus().entries.isEmpty)
        #expect(paths.map(sandbox.bytes) == originals)
    }

    /// `bump`, then `release`: the reviewed version files are taken into the one release commit; when a later
    /// step fails, the branch, index and tag are put back and the files stay as `bump` left them.
    @Test func releaseTakesTheReviewedBumpAndRollsBackToIt() throws {
        struct Boom: ReleaseStep {
            var name: String { "boom" }
            func run(_ run: ReleaseRun) throws { throw NotesError(.file, "boom") }
        }
        let sandbox = try Sandbox()
        let (bumpCode, _, bumpErr) = sandbox.run(["bump", "--package", "barter-python"])
        #expect(bumpCode == 0, "\(bumpErr)")
        let paths = ["barter-python/Cargo.toml", "barter-python/pyproject.toml", "Cargo.lock"]
        let bumped = paths.map(sandbox.bytes)
        let before = try #require(try Repository.open(at: sandbox.repo).headCommit())
        let settings = try Settings.load(repositoryPath: sandbox.repo, configPath: nil,
                                         flags: SettingsFlags(package: "barter-python"))
        let context = RunContext(now: 1_764_028_800, environment: ["GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.com"])
        #expect(throws: NotesError.self) {
            try ReleaseFlow.run(ReleaseRequest(settings: settings, version: "0.1.3", context: context),
                                steps: ReleaseFlow.standardSteps + [Boom()], say: { _ in })
        }
        var repository = try Repository.open(at: sandbox.repo)
        #expect(try repository.headCommit() == before)
        #expect(try repository.tags().map(\.name) == ["v0.1.2"])
        #expect(paths.map(sandbox.bytes) == bumped, "the reviewed bump is left as it was")
        #expect(try repository.workTreeStatus().changed.map(\.path).sorted() == paths.sorted())

        let outcome = try ReleaseFlow.run(ReleaseRequest(settings: settings, version: "0.1.3", context: context), say: { _ in })
        repository = try Repository.open(at: sandbox.repo)
        let head = try #require(outcome.commit)
        #expect(try repository.commit(head).parents == [before])
        for path in paths {
            #expect(try repository.fileContents(atPath: path, in: head) == sandbox.bytes(path), "\(path) committed")
        }
        #expect(try repository.workTreeStatus().isClean)
    }

    /// `SOURCE_DATE_EPOCH` older than HEAD: the release commit takes its parent's time, so the tag's notes
    /// still find the previous release.
    @Test func releaseCommitIsNeverOlderThanItsParent() throws {
        let sandbox = try Sandbox()
        let parent = try Repository.open(at: sandbox.repo).commit(try #require(try Repository.open(at: sandbox.repo).headCommit()))
        let (code, _, err) = sandbox.run(["release", "0.1.3", "--package", "barter-python"],
                                         environment: ["SOURCE_DATE_EPOCH": "1000000"])
        #expect(code == 0, "\(err)")
        let repository = try Repository.open(at: sandbox.repo)
        let head = try repository.commit(try #require(try repository.headCommit()))
        #expect(head.committer.time == parent.committer.time)
        let tag = try #require(try repository.tags().first { $0.name == "v0.1.3" })
        #expect(try tag.object.map { try repository.tagDetails($0).message }?.contains("[v0.1.2...v0.1.3]") == true, "the notes start after v0.1.2")
    }

    /// The second release from a fresh clone: the notes fetched as a remote-tracking copy are where the
    /// local notes ref starts, so the new note goes on top of them and the push is a fast-forward.
    @Test func attachStartsFromTheFetchedNotes() throws {
        let sandbox = try Sandbox()
        let (code, _, err) = sandbox.run(["attach", "0.1.2", "--package", "barter-python"])
        #expect(code == 0, "\(err)")
        #expect(err.contains("warning: refs/notes/release was not fetched from origin"), "\(err)")
        #expect(err.contains("git fetch origin '+refs/notes/release:refs/notes/release'"), "\(err)")
        let repository = try Repository.open(at: sandbox.repo)
        let first = try #require(repository.referenceTarget("refs/notes/release"))
        // As a clone that fetched the notes as a remote-tracking ref, without the local one.
        try repository.setReference("refs/remotes/origin/notes/release", to: first)
        try repository.deleteReference("refs/notes/release")

        let (releaseCode, _, releaseErr) = sandbox.run(["release", "0.1.3", "--package", "barter-python"])
        #expect(releaseCode == 0, "\(releaseErr)")
        let (attachCode, _, attachErr) = sandbox.run(["attach", "0.1.3", "--package", "barter-python"])
        #expect(attachCode == 0, "\(attachErr)")
        #expect(attachErr.contains("refs/notes/release started from the fetched refs/remotes/origin/notes/release"),
                "\(attachErr)")
        let reopened = try Repository.open(at: sandbox.repo)
        let tags = try reopened.tags()
        for name in ["v0.1.2", "v0.1.3"] {
            let tag = try #require(tags.first { $0.name == name })
            #expect(try reopened.note(on: tag.target, ref: "refs/notes/release") != nil, "the note on \(name) is kept")
        }
        let tip = try #require(reopened.referenceTarget("refs/notes/release"))
        #expect(try reopened.commit(tip).parents == [first], "one note commit on top of the fetched notes")
    }

    /// A held `refs/heads/main.lock` makes the branch update fail after the index was written: the rollback
    /// puts the index back too, so "undone" is true.
    @Test func failedRefUpdateRestoresTheIndex() throws {
        let sandbox = try Sandbox()
        let lock = sandbox.repo + "/.git/refs/heads/main.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        let (code, _, err) = sandbox.run(["release", "0.1.3", "--package", "barter-python"])
        try FileManager.default.removeItem(atPath: lock)
        #expect(code != 0)
        #expect(err.contains("failed; undone"), "\(err)")
        let repository = try Repository.open(at: sandbox.repo)
        #expect(try repository.workTreeStatus().isClean, "nothing staged, nothing changed")
        #expect(try repository.tags().map(\.name) == ["v0.1.2"])
    }

    /// Six `notes attach` at once for six tags: the write lock serialises them, and every note is kept.
    @Test func concurrentAttachesKeepEveryNote() throws {
        let sandbox = try Sandbox()
        let repository = try Repository.open(at: sandbox.repo)
        let head = try #require(try repository.headCommit())
        let names = (1...6).map { "v0.2.\($0)" }
        for name in names { try repository.createLightweightTag(named: name, target: head) }
        let codes = Locked<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let (code, _, _) = sandbox.run(["attach", names[index]])
            codes.update { $0.append(code) }
        }
        #expect(codes.value == Array(repeating: 0, count: 6))
        let notesTip = try #require(try Repository.open(at: sandbox.repo).referenceTarget("refs/notes/release"))
        var depth = 0
        var commit: CommitID? = notesTip
        while let current = commit {
            depth += 1
            commit = try Repository.open(at: sandbox.repo).commit(current).parents.first
        }
        #expect(depth == 6, "six note commits, one on top of the other")
    }

    /// A writer holding the lock is named, and never called stale; a lock file left by a process that is gone
    /// is taken over and removed.
    @Test func writeLockSaysWhoHoldsIt() throws {
        let sandbox = try Sandbox()
        let lockPath = sandbox.repo + "/.git/notes.lock"
        let holder = try WriteLock.acquire(gitDir: sandbox.repo + "/.git", command: "notes release", wait: 0)
        let (code, _, err) = sandbox.run(["tag", "0.1.3"], environment: ["NOTES_LOCK_WAIT": "0.2"])
        #expect(code == 8)
        #expect(err.contains("another notes (pid \(getpid()), `notes release`) is writing to this repository"), "\(err)")
        #expect(!err.contains("remove"), "a live holder's lock is never to be deleted: \(err)")
        #expect(try Repository.open(at: sandbox.repo).tags().map(\.name) == ["v0.1.2"], "nothing was tagged")
        holder.release()

        try "\(deadPid()) notes release\n".write(toFile: lockPath, atomically: true, encoding: .utf8)
        let (again, _, againErr) = sandbox.run(["tag", "0.1.3"], environment: ["NOTES_LOCK_WAIT": "0.2"])
        #expect(again == 0, "a stale lock is taken over: \(againErr)")
        #expect(!FileManager.default.fileExists(atPath: lockPath), "the lock is given back")
    }

    /// A file changed by someone else between notes' read and its write is not overwritten.
    @Test func fileChangedSinceReadIsNotOverwritten() throws {
        let sandbox = try Sandbox()
        let path = sandbox.repo + "/CHANGELOG.md"
        try "# Changelog\n".write(toFile: path, atomically: true, encoding: .utf8)
        let change = FileChange(path: path, displayPath: "CHANGELOG.md", before: Array("# Changelog\n".utf8),
                                after: Array("# Changelog\n\n## 0.1.3\n".utf8), summary: "added",
                                scope: PathScope(WorkTreeBoundary(root: sandbox.repo), .repository))
        try "# Changelog\n\n## 0.1.3 (by hand)\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: NotesError.self) { _ = try change.apply(.write) }
        #expect(sandbox.bytes("CHANGELOG.md") == Array("# Changelog\n\n## 0.1.3 (by hand)\n".utf8))
    }

    /// A rollback puts back only bytes notes wrote: a file someone changed after notes wrote it keeps them.
    @Test func rollbackNeverOverwritesOthersBytes() throws {
        struct Meddler: ReleaseStep {
            let path: String
            var name: String { "meddler" }
            func run(_ run: ReleaseRun) throws {
                try "someone else's bytes\n".write(toFile: path, atomically: true, encoding: .utf8)
                throw NotesError(.file, "boom")
            }
        }
        let sandbox = try Sandbox()
        let cargo = sandbox.repo + "/barter-python/Cargo.toml"
        var said: [String] = []
        #expect(throws: NotesError.self) {
            try ReleaseFlow.run(
                try sandbox.releaseRequest(),
                steps: [VersionFilesStep(), CommitStep(), Meddler(path: cargo)], say: { said.append($0) })
        }
        #expect(sandbox.bytes("barter-python/Cargo.toml") == Array("someone else's bytes\n".utf8))
        #expect(said.last?.contains("barter-python/Cargo.toml (changed by someone else since notes wrote it: left as it is)") == true,
                "\(said)")
    }

    /// A missing tree object is repository damage (exit 3, the object, `git fsck`), not "uncommitted changes".
    @Test func missingTreeIsRepositoryDamage() throws {
        let sandbox = try Sandbox()
        let repository = try Repository.open(at: sandbox.repo)
        let tree = try repository.treeID(of: try #require(try repository.headCommit())).hex
        try FileManager.default.removeItem(
            atPath: sandbox.repo + "/.git/objects/" + tree.prefix(2) + "/" + tree.dropFirst(2))
        let (code, out, err) = sandbox.run(["check", "0.1.3", "--package", "barter-python"])
        #expect(code == 3, "\(out)\(err)")
        #expect(err.contains(tree) && err.contains("git fsck"), "\(err)")
        #expect(!out.contains("uncommitted changes"))
    }
}

/// The pid of a process that has just exited (and so is gone).
func deadPid() -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try? process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update(_ body: (inout Value) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
