import Foundation
import NotesGit
import Testing

@Suite struct RepositoryTests {
    @Test func emptyRepositoryHasNoHead() throws {
        let test = try TestRepository(initialBranch: "trunk")
        let repository = test.repository
        #expect(repository.isEmpty)
        #expect(try repository.headCommit() == nil)
        #expect(repository.headBranch() == nil)
        #expect(try repository.tags().isEmpty)
        #expect(!repository.isShallow)
        #expect(repository.shallowRoots().isEmpty)
        #expect(repository.workdir == test.path)
        #expect(repository.gitDir == test.path + "/.git")

        let first = try test.commit("first\n")
        #expect(!repository.isEmpty)
        #expect(try repository.headCommit() == first)
        #expect(repository.headBranch() == "trunk")
        #expect(try repository.resolveCommit("refs/heads/trunk") == first)
    }

    @Test func discoversFromASubfolderAndOpensExactly() throws {
        let test = try TestRepository()
        try test.commit("first\n")
        let sub = test.path + "/a/b"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let found = try Repository.discover(from: sub)
        #expect(found.gitDir == test.repository.gitDir)
        #expect(found.workdir == test.path)
        let opened = try Repository.open(at: test.path)
        #expect(try opened.headCommit() == test.repository.headCommit())
        #expect(throws: GitError.self) { try Repository.open(at: sub) }
    }

    @Test func notARepositoryIsNotFound() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = try #require(throws: GitError.self) { try Repository.discover(from: folder) }
        #expect(error.isNotFound)
        #expect(!error.isOwnershipMismatch)
        #expect(error.call == "git_repository_open_ext")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the repository to another user"))
    func repositoryOwnedByAnotherUserSaysSo() throws {
        let test = try TestRepository()
        try test.commit("first\n")
        let nobody: UInt32 = 65534
        for path in [test.path, test.path + "/.git"] { #expect(chown(path, nobody, nobody) == 0) }
        for open in [{ try Repository.open(at: test.path) }, { try Repository.discover(from: test.path) }] {
            let error = try #require(throws: GitError.self) { _ = try open() }
            #expect(error.isOwnershipMismatch)
            #expect(!error.isNotFound)
            #expect(error.message.contains("owned by another user"))
            #expect(!error.message.contains("was not found"))
        }
    }

    @Test func readsAndWritesConfig() throws {
        let test = try TestRepository()
        let repository = test.repository
        #expect(repository.config("notes.missing-key") == nil)
        try repository.setConfig("notes.template", "release.md")
        #expect(repository.config("notes.template") == "release.md")
        #expect(try Repository.open(at: test.path).config("notes.template") == "release.md")

        try repository.setConfig("user.name", "Grace Hopper")
        try repository.setConfig("user.email", "grace@example.com")
        let signature = try #require(repository.defaultSignature())
        #expect(signature.name == "Grace Hopper")
        #expect(signature.email == "grace@example.com")
    }

    @Test func readsRemoteURLs() throws {
        let test = try TestRepository()
        #expect(test.repository.remoteURL() == nil)
        try test.repository.addRemote(named: "origin", url: "https://github.com/example/notes.git")
        try test.repository.addRemote(named: "upstream", url: "git@github.com:other/notes.git")
        #expect(test.repository.remoteURL() == "https://github.com/example/notes.git")
        #expect(test.repository.remoteURL(named: "upstream") == "git@github.com:other/notes.git")
        #expect(test.repository.remoteURL(named: "fork") == nil)
        #expect(throws: GitError.self) { try test.repository.addRemote(named: "origin", url: "x") }
    }

    @Test func movesReferencesAndHead() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(3)
        let side = try test.commit("side\n", parents: [ids[0]], updateRef: nil)
        #expect(try test.repository.headCommit() == ids[2], "updateRef nil must not move HEAD")
        try test.repository.setReference("refs/heads/feature", to: side)
        try test.repository.setHead("refs/heads/feature")
        #expect(test.repository.headBranch() == "feature")
        #expect(try test.repository.headCommit() == side)
        // Committing moves the branch HEAD points at, even when its tip is not the first parent.
        let next = try test.commit("on main tip\n", parents: [ids[2]])
        #expect(try test.repository.resolveCommit("feature") == next)
        #expect(try test.repository.resolveCommit("main") == ids[2])
        // An unborn branch: no branch name, no commit.
        try test.repository.setReference("refs/heads/other", to: ids[1])
        try test.repository.setHead("refs/heads/nonexistent")
        #expect(test.repository.headBranch() == nil)
        #expect(try test.repository.headCommit() == nil)
    }

    @Test func detachedHeadHasNoBranchAndCommitsMoveIt() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(3)
        try Data((ids[1].hex + "\n").utf8).write(to: URL(fileURLWithPath: test.repository.gitDir + "/HEAD"))
        let repository = try Repository.open(at: test.path)
        #expect(repository.headBranch() == nil)
        #expect(try repository.headCommit() == ids[1])
        let signature = TestRepository.signature(1_700_500_000)
        let next = try repository.createCommit(
            changes: ["x": [1]], message: Array("detached\n".utf8), author: signature, committer: signature,
            parents: [ids[1]])
        #expect(try repository.headCommit() == next)
        #expect(repository.headBranch() == nil)
        #expect(try repository.resolveCommit("main") == ids[2], "the branch stays where it was")
    }
}
