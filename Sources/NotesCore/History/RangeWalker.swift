import NotesGit

/// Walks one range of the history, newest first, and hands its commits to a background parser
/// (``ParsedCommits``): the one place commits stream out of libgit2 for a release. A range that runs past a
/// shallow clone's boundary is an error rather than silently short notes.
final class RangeWalker {
    /// A walked range: its parsed commits, their count, and whether a walked commit had the watched commit
    /// as a parent (which happens exactly when the watched commit is an ancestor of the range's end).
    struct Walk {
        let commits: ParsedCommits
        let count: Int
        let reached: Bool
    }

    let repository: Repository
    /// The commit filter of the package or `--path`; empty: every commit.
    let paths: PathFilter
    /// A `[[rule]]` matches changed paths: read each walked commit's.
    let needsPaths: Bool
    /// Called about every 1,024 commits read, with the running count.
    let progress: (@Sendable (Int) -> Void)?
    /// The paths walked commits change, when `needsPaths`.
    var changedPaths: [CommitID: [String]] = [:]
    private var walked = 0

    init(repository: Repository, paths: PathFilter, needsPaths: Bool, progress: (@Sendable (Int) -> Void)?) {
        self.repository = repository
        self.paths = paths
        self.needsPaths = needsPaths
        self.progress = progress
    }

    /// Walks `from..to` (the whole history when `from` is nil). `watching` is the commit whose reaching
    /// `Walk.reached` reports; `outside` hears the commits the path filter leaves out.
    func walk(to: CommitID, from: CommitID?, rangeLabel: String, watching: CommitID? = nil,
              outside: ((RawCommit) -> Void)? = nil) throws -> Walk {
        let shallowRoots = repository.isShallow ? repository.shallowRoots() : []
        let excluded = from.map { [$0] } ?? []
        let parsed = ParsedCommits()
        var batch: [RawCommit] = []
        batch.reserveCapacity(ParsedCommits.batchSize)
        var count = 0
        var truncatedAt: CommitID?
        var reached = false
        let repository = repository
        try Self.readHistory(repository, rangeLabel: rangeLabel) {
            try repository.walk(including: [to], excluding: excluded, touching: paths, filtered: outside) { raw in
                if shallowRoots.contains(raw.id), !raw.parents.isEmpty,
                   !raw.parents.allSatisfy({ excluded.contains($0) }) {
                    truncatedAt = raw.id
                    return .stop
                }
                if let watching, !reached, raw.parents.contains(watching) { reached = true }
                if needsPaths, raw.parents.count <= 1 { changedPaths[raw.id] = try? repository.changedPaths(of: raw.id) }
                batch.append(raw)
                count += 1
                if let progress {
                    walked &+= 1
                    if walked & 1023 == 0 { progress(walked) }
                }
                if batch.count == ParsedCommits.batchSize {
                    parsed.add(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                return .continue
            }
        }
        if truncatedAt != nil { throw Self.shallowError(rangeLabel) }
        parsed.add(batch)
        return Walk(commits: parsed, count: count, reached: reached)
    }

    /// Runs a read of the history; a missing object is the shallow-clone error in a shallow clone.
    static func readHistory<T>(_ repository: Repository, rangeLabel: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
            if let damaged = NotesError(damagedCommit: error) { throw damaged }
            if repository.isShallow { throw shallowError(rangeLabel) }
            throw NotesError(.repository, "reading the history of \(rangeLabel) failed: \(error.message)",
                             hint: "run git fsck to check the repository")
        }
    }

    static func shallowError(_ rangeLabel: String) -> NotesError {
        NotesError(.repository, "this is a shallow clone: the history of \(rangeLabel) is missing beyond the clone's depth",
                   hint: NotesError.shallowHint)
    }
}
