import Foundation
import NotesGit
import Testing

@Suite("file history, ignore rules, skip-worktree")
struct FileHistoryTests {
    @Test func revisionsAreTheCommitsThatChangedTheFileWithItsBytesBeforeAndAfter() throws {
        let test = try TestRepository()
        let first = try test.commit("one\n", files: ["pkg/Cargo.toml": Array("version = \"0.1.0\"\n".utf8)])
        try test.commit("other\n", files: ["other.txt": Array("x\n".utf8)])
        let second = try test.commit("two\n", files: ["pkg/Cargo.toml": Array("version = \"0.1.1\"\n".utf8)])
        try test.commit("unrelated\n", files: ["pkg/src.rs": Array("fn main() {}\n".utf8)])
        let head = try #require(try test.repository.headCommit())
        var seen: [(CommitID, String?, String?)] = []
        try test.repository.fileRevisions(atPath: "pkg/Cargo.toml", from: head) { revision in
            seen.append((revision.commit.id, revision.contents.map { String(decoding: $0, as: UTF8.self) },
                         revision.previous.map { String(decoding: $0, as: UTF8.self) }))
            return .continue
        }
        #expect(seen.map(\.0) == [second, first])
        #expect(seen.first?.1 == "version = \"0.1.1\"\n" && seen.first?.2 == "version = \"0.1.0\"\n")
        #expect(seen.last?.1 == "version = \"0.1.0\"\n" && seen.last?.2 == nil)
    }

    @Test func ignoreRulesAreRead() throws {
        let test = try TestRepository()
        try test.commit("ignore\n", files: [".gitignore": Array("/Cargo.lock\ntarget/\n".utf8)])
        try test.repository.checkoutHead()
        #expect(try test.repository.isIgnored("Cargo.lock"))
        #expect(try test.repository.isIgnored("target/debug/x"))
        #expect(try !test.repository.isIgnored("barter-python/Cargo.lock"))
        #expect(try !test.repository.isIgnored("Cargo.toml"))
    }

    @Test func skipWorktreeEntriesAreNotChanges() throws {
        let test = try TestRepository()
        try test.commit("files\n", files: ["kept.txt": Array("k\n".utf8), "sparse/a.txt": Array("a\n".utf8)])
        try test.repository.checkoutHead()
        try FileManager.default.removeItem(atPath: test.path + "/sparse/a.txt")
        #expect(try test.repository.workTreeStatus().changed.map(\.path) == ["sparse/a.txt"], "deleted, as git sees it")
        try test.repository.setSkipWorktree(["sparse/a.txt"])
        #expect(try test.repository.workTreeStatus().isClean, "a sparse checkout's missing file is not a change")
        try "changed\n".write(toFile: test.path + "/kept.txt", atomically: true, encoding: .utf8)
        #expect(try test.repository.workTreeStatus().changed.map(\.path) == ["kept.txt"])
    }
}
