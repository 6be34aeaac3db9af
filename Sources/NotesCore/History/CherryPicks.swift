import NotesGit

/// The commits on the previous release's side of a release-branch range: reachable from the previous tag
/// and not from the release. A commit of the range with the same subject is a cherry-picked backport
/// already released (what `git log --cherry-pick` leaves out, by subject rather than by patch).
enum CherryPicks {
    /// At most this many commits of the other side are read.
    static let limit = 50_000

    /// Subject → commit id, for the commits reachable from `previous` and not from `release`.
    static func subjects(previous: CommitID, release: CommitID, in repository: Repository) throws -> [String: CommitID] {
        var subjects: [String: CommitID] = [:]
        var count = 0
        try repository.walk(including: [previous], excluding: [release]) { raw in
            count += 1
            if raw.parents.count <= 1 {
                let record = CommitRecord(raw)
                if subjects[record.subject] == nil { subjects[record.subject] = record.id }
            }
            return count < limit ? .continue : .stop
        }
        return subjects
    }
}
