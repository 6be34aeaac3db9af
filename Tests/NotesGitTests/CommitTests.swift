import Foundation
import NotesGit
import Testing

@Suite struct CommitTests {
    @Test func readsBackWhatWasWritten() throws {
        let test = try TestRepository()
        let root = try test.commit("root\n", time: 1_600_000_000)
        let author = Signature(name: "Zoë Writer", email: "zoe@example.org", time: 1_600_000_100, offsetMinutes: -300)
        let committer = Signature(name: "Carl Committer", email: "carl@example.org", time: 1_600_000_200, offsetMinutes: 330)
        let message = Array("feat: add things\n\nBody line.\n\nRefs: #12\n".utf8)
        let id = try test.repository.createCommit(
            changes: ["a.txt": [1, 2, 3]], message: message, author: author, committer: committer, parents: [root])
        let commit = try test.repository.commit(id)
        #expect(commit.id == id)
        #expect(commit.parents == [root])
        #expect(commit.author == author)
        #expect(commit.committer == committer)
        #expect(commit.message == message)
        #expect(commit.encoding == nil)
        #expect(try test.repository.commit(root).parents.isEmpty)
        #expect(try test.repository.headCommit() == id)
    }

    @Test func keepsNonUTF8MessageBytesAndEncoding() throws {
        let test = try TestRepository()
        // "Café: première version" in ISO-8859-1, which is not valid UTF-8.
        let message: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x3A, 0x20, 0x70, 0x72, 0x65, 0x6D, 0x69, 0xE8, 0x72, 0x65, 0x0A]
        #expect(String(validating: message, as: UTF8.self) == nil)
        let signature = TestRepository.signature(1_650_000_000)
        let id = try test.repository.createCommit(
            changes: ["f": [0]], message: message, author: signature, committer: signature, parents: [],
            encoding: "ISO-8859-1")
        let commit = try test.repository.commit(id)
        #expect(commit.message == message)
        #expect(commit.encoding == "ISO-8859-1")
        var walked: [RawCommit] = []
        try test.repository.walk(including: [id], excluding: []) { walked.append($0); return .continue }
        #expect(walked.map(\.message) == [message])
        #expect(walked.map(\.encoding) == ["ISO-8859-1"])
    }

    @Test func rejectsNULInMessage() throws {
        let test = try TestRepository()
        let signature = TestRepository.signature(1_650_000_000)
        #expect(throws: GitError.self) {
            try test.repository.createCommit(
                changes: [:], message: [0x61, 0, 0x62], author: signature, committer: signature, parents: [])
        }
    }

    @Test func buildsNestedTreesFromTheFirstParent() throws {
        let test = try TestRepository()
        let repository = test.repository
        let first = try test.commit("one\n", files: ["a/b/c.txt": Array("c".utf8), "top.txt": Array("top".utf8)])
        let second = try test.commit("two\n", files: ["a/b/c.txt": nil, "a/d.txt": Array("d".utf8), "gone.txt": nil])
        #expect(try repository.fileContents(atPath: "a/b/c.txt", in: first) == Array("c".utf8))
        #expect(try repository.fileContents(atPath: "a/b/c.txt", in: second) == nil)
        #expect(try repository.fileContents(atPath: "a/d.txt", in: second) == Array("d".utf8))
        #expect(try repository.fileContents(atPath: "top.txt", in: second) == Array("top".utf8))
        #expect(try repository.fileContents(atPath: "a", in: second) == nil, "a folder is not a file")
        #expect(try repository.fileContents(atPath: "a/b/c.txt", in: first) != nil)
    }

    @Test func resolvesRevisions() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(5)
        let repository = test.repository
        #expect(try repository.resolveCommit("HEAD") == ids[4])
        #expect(try repository.resolveCommit("HEAD~2") == ids[2])
        #expect(try repository.resolveCommit("main^") == ids[3])
        #expect(try repository.resolveCommit(ids[1].hex) == ids[1])
        #expect(try repository.resolveCommit(String(ids[1].hex.prefix(12))) == ids[1])
        try repository.createAnnotatedTag(
            named: "v1.0.0", target: ids[0], tagger: TestRepository.signature(1_700_100_000), message: "one\n")
        #expect(try repository.resolveCommit("v1.0.0") == ids[0])
        #expect(try repository.resolveCommit("refs/tags/v1.0.0") == ids[0])
    }

    @Test(arguments: ["does-not-exist", "v9.9.9", "HEAD~10", "0123456789abcdef0123456789abcdef01234567"])
    func unknownRevisionIsNotFound(_ revision: String) throws {
        let test = try TestRepository()
        try test.linearHistory(2)
        let error = try #require(throws: GitError.self) { try test.repository.resolveCommit(revision) }
        #expect(error.isNotFound, "\(error)")
        #expect(!error.isAmbiguous)
        #expect(!error.isMissingObject, "a revision that names nothing is not a missing object")
    }

    @Test func unknownCommitIsNotFound() throws {
        let test = try TestRepository()
        try test.linearHistory(1)
        let missing = try #require(CommitID(hex: "0123456789abcdef0123456789abcdef01234567"))
        let error = try #require(throws: GitError.self) { try test.repository.commit(missing) }
        #expect(error.isNotFound)
        #expect(error.isMissingObject)
        #expect(error.call == "git_commit_lookup")
    }

    @Test func answersAncestry() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(3)
        let side = try test.commit("side\n", parents: [ids[0]], updateRef: nil)
        #expect(try test.repository.isAncestor(ids[0], of: ids[2]))
        #expect(try test.repository.isAncestor(ids[2], of: ids[2]))
        #expect(try !test.repository.isAncestor(ids[2], of: ids[0]))
        #expect(try !test.repository.isAncestor(side, of: ids[2]))
        #expect(try test.repository.isAncestor(ids[0], of: side))
    }
}
