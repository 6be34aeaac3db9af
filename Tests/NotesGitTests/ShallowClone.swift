import Foundation
import NotesGit

/// Turns a full repository into what `git clone --depth` leaves behind: writes `<gitdir>/shallow` listing
/// `boundary` and deletes the loose object files of every commit object reachable from `boundary`'s
/// parents (trees and blobs stay). Returns the deleted commit ids.
///
/// Open the repository again afterwards: an open `Repository` may still have the commits in its cache.
/// Works on repositories written by libgit2 or `git` without packing (loose objects only).
@discardableResult
public func simulateShallowClone(gitDir: String, boundary: CommitID) throws -> [CommitID] {
    let repository = try Repository.open(at: gitDir)
    let parents = try repository.commit(boundary).parents
    var ancestors = [CommitID]()
    if !parents.isEmpty {
        try repository.walk(including: parents, excluding: []) { commit in
            ancestors.append(commit.id)
            return .continue
        }
    }
    for id in ancestors {
        let hex = id.hex
        let file = "\(gitDir)/objects/\(hex.prefix(2))/\(hex.dropFirst(2))"
        try FileManager.default.removeItem(atPath: file)
    }
    try Data((boundary.hex + "\n").utf8).write(to: URL(fileURLWithPath: gitDir + "/shallow"))
    return ancestors
}
