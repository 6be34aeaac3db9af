import Foundation
import NotesGit

/// A repository in a fresh temporary folder, built with NotesGit's own write API and fixed dates;
/// the folder is removed when the value goes away.
final class TestRepository {
    /// The work tree's path.
    let path: String
    /// The open repository.
    let repository: Repository
    /// The committer time of the next commit made without an explicit time; advances a minute a commit.
    var clock: Int64 = 1_700_000_000

    init(initialBranch: String = "main") throws {
        path = makeTemporaryFolder()
        repository = try Repository.create(at: path, initialBranch: initialBranch)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func signature(_ time: Int64, name: String = "Ada Lovelace") -> Signature {
        Signature(name: name, email: "ada@example.com", time: time, offsetMinutes: 60)
    }

    /// Commits `message` on top of `parents` (default: HEAD's commit, if any), writing `message` into
    /// `file.txt` unless `files` says otherwise, at `time` (default: the clock).
    @discardableResult
    func commit(
        _ message: String, time: Int64? = nil, parents: [CommitID]? = nil, files: [String: [UInt8]?]? = nil,
        updateRef: String? = "HEAD"
    ) throws -> CommitID {
        let when = time ?? clock
        clock = max(clock, when) + 60
        let parentIDs = try parents ?? (repository.headCommit().map { [$0] } ?? [])
        return try repository.createCommit(
            changes: files ?? ["file.txt": Array(message.utf8)], message: Array(message.utf8),
            author: Self.signature(when - 30), committer: Self.signature(when), parents: parentIDs,
            updateRef: updateRef)
    }

    /// Makes `count` commits on HEAD named "c1", "c2", ... and returns their ids, oldest first.
    @discardableResult
    func linearHistory(_ count: Int) throws -> [CommitID] {
        try (1...count).map { try commit("c\($0)\n") }
    }

    /// The messages of a walk, as strings.
    func messages(including: [CommitID], excluding: [CommitID] = []) throws -> [String] {
        var messages = [String]()
        try repository.walk(including: including, excluding: excluding) { commit in
            messages.append(String(decoding: commit.message, as: UTF8.self).trimmingCharacters(in: .newlines))
            return .continue
        }
        return messages
    }
}

/// A new empty folder under the system's temporary folder.
func makeTemporaryFolder() -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("notes-git-tests-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
