import Foundation
import NotesGit
import Testing

@Suite("Path filters")
struct PathFilterTests {
    /// root: a/x, b/y; then one commit per path below.
    func history() throws -> TestRepository {
        let test = try TestRepository()
        try test.commit("root", files: ["a/x.txt": [1], "b/y.txt": [1], "top.toml": [1]])
        try test.commit("touch a", files: ["a/x.txt": [2]])
        try test.commit("touch a/docs", files: ["a/docs/guide.md": [1]])
        try test.commit("touch b", files: ["b/y.txt": [2]])
        try test.commit("touch toml", files: ["top.toml": [2]])
        try test.commit("delete a/x", files: ["a/x.txt": nil])
        try test.commit("touch a and b", files: ["a/z.txt": [1], "b/z.txt": [1]])
        return test
    }

    func messages(_ test: TestRepository, _ filter: PathFilter) throws -> [String] {
        var messages: [String] = []
        let head = try #require(try test.repository.headCommit())
        try test.repository.walk(including: [head], excluding: [], touching: filter) { commit in
            messages.append(String(decoding: commit.message, as: UTF8.self))
            return .continue
        }
        return messages
    }

    @Test func classifiesPaths() {
        let filter = PathFilter(paths: ["./python/", "crates/*/src", "docs"], excludes: ["python/docs/"])
        #expect(filter.directories == ["python", "docs"])
        #expect(filter.globs == ["crates/*/src"])
        #expect(filter.excludes == ["python/docs"])
        #expect(PathFilter(paths: []).isEmpty)
    }

    @Test func directoriesCompareSubtrees() throws {
        let test = try history()
        #expect(try messages(test, PathFilter(paths: ["a"])) ==
            ["touch a and b", "delete a/x", "touch a/docs", "touch a", "root"])
        #expect(try messages(test, PathFilter(paths: ["b/"])) == ["touch a and b", "touch b", "root"])
        #expect(try messages(test, PathFilter(paths: ["a/docs"])) == ["touch a/docs"])
        #expect(try messages(test, PathFilter(paths: ["missing"])).isEmpty)
        #expect(try messages(test, PathFilter(paths: ["top.toml"])) == ["touch toml", "root"])
    }

    @Test func globsUseAPathspecDiff() throws {
        let test = try history()
        #expect(try messages(test, PathFilter(paths: ["*.toml"])) == ["touch toml", "root"])
        #expect(try messages(test, PathFilter(paths: ["a/*.md"])).isEmpty == false)
    }

    @Test func exclusionsRemoveCommitsThatOnlyTouchThem() throws {
        let test = try history()
        #expect(try messages(test, PathFilter(paths: ["a"], excludes: ["a/docs"])) ==
            ["touch a and b", "delete a/x", "touch a", "root"])
    }

    @Test func emptyFilterIsTheWholeWalk() throws {
        let test = try history()
        #expect(try messages(test, PathFilter(paths: [])).count == 7)
    }
}
