import Foundation
import NotesGit
import Testing

@Suite("release writes: notes, commits of selected files, status, identity")
struct ReleaseTests {
    let signature = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 0)

    /// A repository with two committed files, checked out so index and work tree match HEAD.
    func checkedOut() throws -> TestRepository {
        let test = try TestRepository()
        try test.commit("feat: one\n", files: ["a.txt": Array("a\n".utf8), "dir/b.txt": Array("b\n".utf8)])
        try test.repository.checkoutHead()
        return test
    }

    @Test func noteIsReadBackAndReplaced() throws {
        let test = try TestRepository()
        let id = try test.commit("feat: one\n")
        #expect(try test.repository.note(on: id, ref: "refs/notes/release") == nil)
        try test.repository.setNote("first\n", on: id, ref: "refs/notes/release", author: signature, committer: signature)
        try test.repository.setNote("second\n", on: id, ref: "refs/notes/release", author: signature, committer: signature)
        #expect(try test.repository.note(on: id, ref: "refs/notes/release") == "second\n")
        #expect(try test.repository.note(on: id, ref: "refs/notes/commits") == nil)
        #expect(try test.repository.removeNote(on: id, ref: "refs/notes/release", author: signature, committer: signature))
        #expect(try test.repository.note(on: id, ref: "refs/notes/release") == nil)
        #expect(try !test.repository.removeNote(on: id, ref: "refs/notes/release", author: signature, committer: signature))
    }

    /// The notes ref moves by compare-and-swap: a note made on a tip that another writer has moved on is not
    /// written (nothing of theirs is lost), and `setNote` makes it again on the new tip.
    @Test func notesRefMovesByCompareAndSwap() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        let ref = "refs/notes/release"
        try test.repository.setNote("on the first\n", on: ids[0], ref: ref, author: signature, committer: signature)
        let stale = try #require(test.repository.referenceTarget(ref))
        try test.repository.setNote("on the second\n", on: ids[1], ref: ref, author: signature, committer: signature)
        let moved = try #require(test.repository.referenceTarget(ref))
        #expect(try !test.repository.setNote("lost?\n", on: ids[0], ref: ref, author: signature, committer: signature,
                                             startingFrom: stale))
        #expect(test.repository.referenceTarget(ref) == moved, "a stale writer does not move the ref")
        #expect(try test.repository.note(on: ids[1], ref: ref) == "on the second\n")
        // A ref that does not exist yet is created only if nobody else created it meanwhile.
        #expect(try !test.repository.setNote("x\n", on: ids[0], ref: ref, author: signature, committer: signature,
                                             startingFrom: nil))
        try test.repository.setNote("again\n", on: ids[0], ref: ref, author: signature, committer: signature)
        #expect(try test.repository.note(on: ids[0], ref: ref) == "again\n")
        #expect(try test.repository.note(on: ids[1], ref: ref) == "on the second\n")
    }

    @Test func checkedOutTreeIsClean() throws {
        let test = try checkedOut()
        #expect(try test.repository.workTreeStatus().isClean)
    }

    @Test func untrackedFilesDoNotMakeItDirtyButChangesDo() throws {
        let test = try checkedOut()
        try "new\n".write(toFile: test.path + "/new.txt", atomically: true, encoding: .utf8)
        var status = try test.repository.workTreeStatus()
        #expect(status.isClean)
        #expect(status.untracked.map(\.path) == ["new.txt"])
        try "changed\n".write(toFile: test.path + "/dir/b.txt", atomically: true, encoding: .utf8)
        status = try test.repository.workTreeStatus()
        #expect(!status.isClean)
        #expect(status.changed.map(\.path) == ["dir/b.txt"])
        #expect(status.changed.first?.isModified == true)
        #expect(status.changed.first?.isStaged == false)
    }

    @Test func commitFilesTakesOnlyTheGivenPaths() throws {
        let test = try checkedOut()
        let before = try #require(try test.repository.headCommit())
        try "a2\n".write(toFile: test.path + "/a.txt", atomically: true, encoding: .utf8)
        try "b2\n".write(toFile: test.path + "/dir/b.txt", atomically: true, encoding: .utf8)
        let id = try test.repository.commitFiles(["a.txt"], message: "chore(release): 1.0.0\n", author: signature,
                                                 committer: signature)
        #expect(try test.repository.headCommit() == id)
        #expect(try test.repository.commit(id).parents == [before])
        #expect(try test.repository.fileContents(atPath: "a.txt", in: id) == Array("a2\n".utf8))
        #expect(try test.repository.fileContents(atPath: "dir/b.txt", in: id) == Array("b\n".utf8))
        let status = try test.repository.workTreeStatus()
        #expect(status.changed.map(\.path) == ["dir/b.txt"], "a.txt is committed and staged; b.txt stays a change")
        #expect(test.repository.headBranch() == "main")
    }

    @Test func resetIndexAndMovingTheBranchUndoACommit() throws {
        let test = try checkedOut()
        let before = try #require(try test.repository.headCommit())
        try "a2\n".write(toFile: test.path + "/a.txt", atomically: true, encoding: .utf8)
        try test.repository.commitFiles(["a.txt"], message: "x\n", author: signature, committer: signature)
        try test.repository.setReference("refs/heads/main", to: before)
        try test.repository.resetIndex(paths: ["a.txt"], to: before)
        try "a\n".write(toFile: test.path + "/a.txt", atomically: true, encoding: .utf8)
        #expect(try test.repository.workTreeStatus().entries.isEmpty)
        #expect(try test.repository.headCommit() == before)
    }

    @Test func deleteTagAndHeadReference() throws {
        let test = try TestRepository()
        let id = try test.commit("feat: one\n")
        try test.repository.createAnnotatedTag(named: "v1.0.0", target: id, tagger: signature, message: "m\n")
        #expect(try test.repository.deleteTag(named: "v1.0.0"))
        #expect(try !test.repository.deleteTag(named: "v1.0.0"))
        #expect(try test.repository.tags().isEmpty)
        #expect(test.repository.headReferenceName() == "refs/heads/main")
    }

    @Test func identityFromEnvironmentThenConfig() {
        let config = ["user.name": "Config Name", "user.email": "config@example.com"]
        let both = GitIdentity.resolve(environment: ["GIT_COMMITTER_NAME": "Env Name"], config: { config[$0] })
        #expect(both?.name == "Env Name")
        #expect(both?.nameSource == .environment)
        #expect(both?.email == "config@example.com")
        #expect(both?.emailSource == .config)
        let author = GitIdentity.resolve(environment: ["GIT_AUTHOR_NAME": "Author", "GIT_COMMITTER_NAME": "C"],
                                         author: true, config: { config[$0] })
        #expect(author?.name == "Author")
    }

    @Test func noIdentityWhenNameOrEmailMissing() {
        #expect(GitIdentity.resolve(environment: [:], config: { _ in nil }) == nil)
        #expect(GitIdentity.resolve(environment: ["GIT_COMMITTER_NAME": "N"], config: { _ in nil }) == nil)
        #expect(GitIdentity.resolve(environment: ["GIT_COMMITTER_NAME": "N", "GIT_COMMITTER_EMAIL": ""],
                                    config: { _ in nil }) == nil)
    }
}
