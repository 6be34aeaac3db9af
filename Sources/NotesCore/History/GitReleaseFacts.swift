import NotesGit

/// The planner's facts (``ReleaseFacts``) read from a libgit2 repository, and the speed trick that keeps a
/// draft at one walk: asked whether the previous tag is an ancestor of the release, it walks the range
/// `previous..release` itself (when no path filter hides commits and the clone is complete) and keeps that
/// walk: a walked commit has the previous tag's commit as a parent exactly when the tag is an ancestor, so
/// the one walk answers the question and is the range's own walk (``takeWalk(from:to:)``). The rules never
/// see this; they ask a question and get a Boolean.
final class GitReleaseFacts: ReleaseFacts {
    let repository: Repository
    let walker: RangeWalker
    /// The committer times of tag commits already read (nil: unreadable).
    private var times: [CommitID: Int64?] = [:]
    /// The range walked to answer an ancestry question, kept for its own walk.
    private var kept: (from: CommitID, to: CommitID, walk: RangeWalker.Walk)?

    init(repository: Repository, walker: RangeWalker) {
        self.repository = repository
        self.walker = walker
    }

    func listedTags() throws -> [TagRef] { try gitCall { try repository.tags() } }

    func pointsAtCommit(_ tag: TagRef) -> Bool { repository.pointsAtCommit(tag) }

    func headCommit() throws -> CommitID? { try gitCall { try repository.headCommit() } }

    func resolve(_ revision: String, option: String) throws -> CommitID {
        try RepositoryAccess.resolve(revision, option: option, in: repository)
    }

    func isAncestor(_ ancestor: CommitID, of descendant: CommitID, rangeLabel: String) throws -> Bool {
        if ancestor == descendant { return true }
        if walker.paths.isEmpty, !repository.isShallow {
            let walk = try walker.walk(to: descendant, from: ancestor, rangeLabel: rangeLabel, watching: ancestor)
            kept = (ancestor, descendant, walk)
            return walk.reached
        }
        return try RangeWalker.readHistory(repository, rangeLabel: rangeLabel) {
            try TagReachability.firstReachable(targets: [ancestor], from: descendant, in: repository, time: time) != nil
        }
    }

    func firstReachable(_ candidates: [VersionTag], from start: CommitID, rangeLabel: String) throws -> VersionTag? {
        try RangeWalker.readHistory(repository, rangeLabel: rangeLabel) {
            try TagReachability.firstReachable(candidates, from: start, in: repository, time: time)
        }
    }

    func contents(of path: String, at commit: CommitID) -> [UInt8]? {
        (try? repository.fileContents(atPath: path, in: commit)) ?? nil
    }

    func hasFolder(_ path: String, at commit: CommitID) -> Bool {
        (try? repository.hasFolder(atPath: path, in: commit)) ?? false
    }

    func fileChanges(of path: String, from start: CommitID, _ visit: (FileChangeFact) -> Bool) {
        try? repository.fileRevisions(atPath: path, from: start) { revision in
            visit(FileChangeFact(commit: revision.commit.id, subject: Self.subject(revision.commit),
                                 contents: revision.contents, previous: revision.previous)) ? .continue : .stop
        }
    }

    func subject(of commit: CommitID) -> String {
        (try? repository.commit(commit)).map(Self.subject) ?? ""
    }

    /// The walk of `from..to` made while answering an ancestry question, once; nil when none was made.
    func takeWalk(from: CommitID?, to: CommitID) -> RangeWalker.Walk? {
        guard let kept, let from, kept.from == from, kept.to == to else { return nil }
        self.kept = nil
        return kept.walk
    }

    /// Forgets a kept walk (a new release is being planned).
    func dropWalk() { kept = nil }

    /// A tag commit's committer time, read once.
    private func time(_ id: CommitID) -> Int64? {
        if let known = times[id] { return known }
        let time = try? repository.commit(id).committer.time
        times[id] = .some(time)
        return time
    }

    static func subject(_ commit: RawCommit) -> String {
        String(decoding: commit.message, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .first.map(String.init) ?? ""
    }
}
