import Foundation
import NotesGit
import Testing

@Suite struct TagTests {
    @Test func listsAnnotatedAndLightweightTagsOnTheSameCommit() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(3)
        let repository = test.repository
        let commitTime = try repository.commit(ids[1]).committer.time
        try repository.createAnnotatedTag(
            named: "v1.0.0", target: ids[1], tagger: TestRepository.signature(1_800_000_000),
            message: "Release 1.0.0\n")
        try repository.createLightweightTag(named: "stable", target: ids[1])
        let tags = try repository.tags()
        let object = try #require(repository.referenceTarget("refs/tags/v1.0.0"))
        #expect(tags == [
            TagRef(name: "stable", target: ids[1]),
            TagRef(name: "v1.0.0", target: ids[1], object: object, date: 1_800_000_000),
        ])
        // Listing does not read a lightweight tag's commit; its date is the commit's, read when asked for.
        #expect(repository.tagDate(tags[0]) == commitTime)
        #expect(repository.tagDate(tags[1]) == 1_800_000_000)
        #expect(try repository.tagDetails(object)
            == TagDetails(date: 1_800_000_000, message: "Release 1.0.0\n", tagger: "Ada Lovelace <ada@example.com>"))
    }

    /// Tags in packed-refs, as a clone or `git pack-refs` leaves them, are listed from packed-refs alone,
    /// unverified: an annotated tag from its peeled line (its date is read from the object when asked
    /// for), a lightweight tag from its id. Whether each points at a commit is checked when asked:
    /// a packed tag on a tree (lightweight, or annotated and peeled to the tree) does not, and neither does
    /// one whose commit is missing.
    @Test func packedTagsAreListedFromTheirPeeledLines() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        let repository = test.repository
        try repository.createAnnotatedTag(
            named: "v1.0.0", target: ids[0], tagger: TestRepository.signature(1_800_000_000), message: "one\n")
        try repository.createLightweightTag(named: "v1.1.0", target: ids[1])
        let object = try #require(repository.referenceTarget("refs/tags/v1.0.0"))
        let commitTime = try repository.commit(ids[1]).committer.time
        let tree = try repository.treeID(of: ids[0])
        let missing = try #require(CommitID(hex: String(repeating: "7", count: 40)))
        let packed = """
            # pack-refs with: peeled fully-peeled sorted
            \(object.hex) refs/tags/v1.0.0
            ^\(ids[0].hex)
            \(ids[1].hex) refs/tags/v1.1.0
            \(tree.hex) refs/tags/v2.0.0-tree
            \(object.hex) refs/tags/v2.1.0-annotated-tree
            ^\(tree.hex)
            \(object.hex) refs/tags/v3.0.0-gone
            ^\(missing.hex)

            """
        try packed.write(toFile: test.path + "/.git/packed-refs", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: test.path + "/.git/refs/tags/v1.0.0")
        try FileManager.default.removeItem(atPath: test.path + "/.git/refs/tags/v1.1.0")
        let tags = try repository.tags()
        #expect(tags == [
            TagRef(name: "v1.0.0", target: ids[0], object: object, verified: false),
            TagRef(name: "v1.1.0", target: ids[1], verified: false),
            TagRef(name: "v2.0.0-tree", target: tree, verified: false),
            TagRef(name: "v2.1.0-annotated-tree", target: tree, object: object, verified: false),
            TagRef(name: "v3.0.0-gone", target: missing, object: object, verified: false),
        ])
        #expect(tags.map(repository.pointsAtCommit) == [true, true, false, false, false])
        let verified = try repository.verifiedTags()
        #expect(verified.map(\.name) == ["v1.0.0", "v1.1.0"])
        #expect(verified.map { repository.tagDate($0) } == [1_800_000_000, commitTime])
    }

    /// Listing reads no object for a packed tag: a packed lightweight tag whose object is missing is
    /// listed (unverified) under a `peeled` header (refs/tags/ only) as under `fully-peeled`. Without
    /// either trait packed-refs does not say which refs are lightweight: such a ref is read, and left out
    /// when its object is missing. A loose ref that overrides a packed one is read.
    @Test func packedLightweightTagsAreListedWithoutReadingObjects() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        let repository = test.repository
        let missing = try #require(CommitID(hex: String(repeating: "7", count: 40)))
        func pack(_ header: String) throws {
            let text = """
                \(header)
                \(missing.hex) refs/tags/v1.0.0
                \(ids[0].hex) refs/tags/v1.1.0

                """
            try text.write(toFile: test.path + "/.git/packed-refs", atomically: true, encoding: .utf8)
        }
        for header in ["# pack-refs with: peeled ", "# pack-refs with: peeled fully-peeled sorted "] {
            try pack(header)
            let tags = try repository.tags()
            #expect(tags == [TagRef(name: "v1.0.0", target: missing, verified: false),
                             TagRef(name: "v1.1.0", target: ids[0], verified: false)], "\(header)")
            #expect(try repository.verifiedTags().map(\.name) == ["v1.1.0"])
        }
        try pack("# pack-refs with: sorted ")
        #expect(try repository.tags() == [TagRef(name: "v1.1.0", target: ids[0])])
        try pack("# pack-refs with: peeled fully-peeled sorted ")
        try repository.createLightweightTag(named: "v1.1.0", target: ids[1], force: true)
        #expect(try repository.tags().last == TagRef(name: "v1.1.0", target: ids[1]))
    }

    /// A symbolic ref under refs/tags is resolved (and read once more for that); a dangling one is left out.
    @Test func symbolicTagRefsAreResolved() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        let repository = test.repository
        try repository.createAnnotatedTag(
            named: "v1.0.0", target: ids[0], tagger: TestRepository.signature(1_800_000_000), message: "one\n")
        try "ref: refs/tags/v1.0.0\n".write(toFile: test.path + "/.git/refs/tags/latest", atomically: true, encoding: .utf8)
        try "ref: refs/tags/v9.9.9\n".write(toFile: test.path + "/.git/refs/tags/dangling", atomically: true, encoding: .utf8)
        let tags = try repository.tags()
        #expect(tags.map(\.name) == ["latest", "v1.0.0"])
        #expect(tags.allSatisfy { $0.target == ids[0] && $0.isAnnotated && repository.tagDate($0) == 1_800_000_000 })
        // Names alone: nothing resolved, so the dangling ref is named too.
        #expect(try repository.tagNames() == ["dangling", "latest", "v1.0.0"])
    }

    /// `tagNames()` lists loose and packed refs under refs/tags/ (nested names included), sorted, and no
    /// other ref.
    @Test func tagNamesListLooseAndPackedRefs() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        let repository = test.repository
        try repository.createLightweightTag(named: "v1.0.0", target: ids[0])
        try repository.createLightweightTag(named: "pkg/v0.1.0", target: ids[0])
        try repository.packReferences()
        try repository.createAnnotatedTag(named: "v1.1.0", target: ids[1], tagger: TestRepository.signature(1_800_000_000),
                                          message: "x\n")
        try repository.setReference("refs/heads/v9.9.9", to: ids[1])
        #expect(try repository.tagNames() == ["pkg/v0.1.0", "v1.0.0", "v1.1.0"])
        #expect(try repository.tagNames() == repository.tags().map(\.name))
    }

    @Test func tagsAMergeCommit() throws {
        let test = try TestRepository()
        let base = try test.commit("base\n")
        let feature = try test.commit("feature\n", parents: [base], updateRef: nil)
        let main = try test.commit("main\n")
        let merge = try test.commit("merge\n", parents: [main, feature])
        try test.repository.createAnnotatedTag(
            named: "v2.0.0", target: merge, tagger: TestRepository.signature(1_800_000_000), message: "two")
        try test.repository.createLightweightTag(named: "v2.0.0-light", target: merge)
        let tags = try test.repository.tags()
        #expect(tags.map(\.name) == ["v2.0.0", "v2.0.0-light"])
        #expect(tags.allSatisfy { $0.target == merge })
        #expect(try test.repository.commit(merge).parents == [main, feature])
    }

    @Test func existingTagNeedsForce() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(2)
        try test.repository.createLightweightTag(named: "v1", target: ids[0])
        #expect(throws: GitError.self) { try test.repository.createLightweightTag(named: "v1", target: ids[1]) }
        try test.repository.createLightweightTag(named: "v1", target: ids[1], force: true)
        #expect(try test.repository.tags().map(\.target) == [ids[1]])
        let tagger = TestRepository.signature(1_800_000_000)
        #expect(throws: GitError.self) {
            try test.repository.createAnnotatedTag(named: "v1", target: ids[0], tagger: tagger, message: "m")
        }
        try test.repository.createAnnotatedTag(named: "v1", target: ids[0], tagger: tagger, message: "m", force: true)
        #expect(try test.repository.tags().map(\.target) == [ids[0]])
        #expect(try test.repository.tags().map(\.isAnnotated) == [true])
    }
}
