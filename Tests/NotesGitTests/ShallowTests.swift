import Foundation
import NotesGit
import Testing

@Suite struct ShallowTests {
    /// c1 ... c6 on main, v0.1 on c2, v0.5 on c5; then c4 becomes the shallow boundary.
    struct Shallow {
        let test: TestRepository
        let ids: [CommitID]
        let repository: Repository
        init() throws {
            test = try TestRepository()
            ids = try test.linearHistory(6)
            try test.repository.createLightweightTag(named: "v0.1", target: ids[1])
            try test.repository.createAnnotatedTag(
                named: "v0.5", target: ids[4], tagger: TestRepository.signature(1_800_000_000), message: "five\n")
            let deleted = try simulateShallowClone(gitDir: test.repository.gitDir, boundary: ids[3])
            #expect(Set(deleted) == Set(ids[0..<3]))
            repository = try Repository.open(at: test.path)
        }
    }

    @Test func walkStopsCleanlyAtTheShallowBoundary() throws {
        let shallow = try Shallow()
        #expect(shallow.repository.isShallow)
        #expect(shallow.repository.shallowRoots() == [shallow.ids[3]])
        var messages = [String]()
        try shallow.repository.walk(including: [shallow.ids[5]], excluding: []) { commit in
            messages.append(String(decoding: commit.message, as: UTF8.self))
            return .continue
        }
        #expect(messages == ["c6\n", "c5\n", "c4\n"])
        // The boundary commit keeps the parent its header names, with every libgit2 (1.7+ would report none).
        var boundaryParents: [CommitID]?
        try shallow.repository.walk(including: [shallow.ids[5]], excluding: []) { commit in
            if commit.id == shallow.ids[3] { boundaryParents = commit.parents }
            return .continue
        }
        #expect(boundaryParents == [shallow.ids[2]])
        var ranged = [CommitID]()
        try shallow.repository.walk(including: [shallow.ids[5]], excluding: [shallow.ids[4]]) {
            ranged.append($0.id)
            return .continue
        }
        #expect(ranged == [shallow.ids[5]])
    }

    @Test func excludingBelowTheBoundaryIsNotFound() throws {
        let shallow = try Shallow()
        let error = try #require(throws: GitError.self) {
            try shallow.repository.walk(including: [shallow.ids[5]], excluding: [shallow.ids[1]]) { _ in .continue }
        }
        #expect(error.isNotFound)
        #expect(error.isMissingObject)
        let revision = try #require(throws: GitError.self) { try shallow.repository.resolveCommit("v0.1") }
        #expect(revision.isNotFound)
        #expect(revision.isMissingObject, "the tag exists, its commit is missing")
        let parent = try #require(throws: GitError.self) { try shallow.repository.resolveCommit("HEAD~3") }
        #expect(parent.isNotFound)
        // libgit2 1.7 and later apply .git/shallow as grafts: there the boundary has no parent to be missing.
        if libgit2Version() < (1, 7, 0) { #expect(parent.isMissingObject) }
        let unknown = try #require(throws: GitError.self) { try shallow.repository.resolveCommit("v0.9") }
        #expect(unknown.isNotFound)
        #expect(!unknown.isMissingObject, "no such tag at all")
    }

    @Test func missingParentNotListedAsShallowIsNotFound() throws {
        let shallow = try Shallow()
        try FileManager.default.removeItem(atPath: shallow.repository.gitDir + "/shallow")
        let repository = try Repository.open(at: shallow.test.path)
        #expect(!repository.isShallow)
        var handedOut = 0
        let error = try #require(throws: GitError.self) {
            try repository.walk(including: [shallow.ids[5]], excluding: []) { _ in
                handedOut += 1
                return .continue
            }
        }
        #expect(error.isNotFound)
        #expect(error.isMissingObject)
        #expect(error.call == "git_commit_lookup")
    }

    @Test func tagsOnMissingCommitsAreLeftOut() throws {
        let shallow = try Shallow()
        let tags = try shallow.repository.tags()
        #expect(tags.map(\.name) == ["v0.5"])
        #expect(tags.first?.target == shallow.ids[4])
    }
}
