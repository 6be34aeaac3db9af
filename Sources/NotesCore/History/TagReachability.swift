import NotesGit

/// Finds which release tags are reachable from a commit with one walk of the history, newest first,
/// that stops as soon as the answer is known.
///
/// libgit2's merge-base search ignores `.git/shallow`, so it fails in shallow clones; this walk uses the
/// shallow-aware walker instead. A candidate is ruled out once the walk has gone `skewAllowance` seconds
/// past its commit time without meeting it (commit dates only ever go backwards along history, up to
/// clock skew). Tags below a shallow boundary are unreachable, which makes the range reach the boundary
/// and fail with the shallow-clone error rather than give short notes.
enum TagReachability {
    /// Three days of clock skew tolerated between a commit and its parents.
    static let skewAllowance: Int64 = 3 * 86_400

    /// The first of `candidates`, in their order, reachable from `start` (the commit itself included).
    /// `time` gives a candidate commit's committer time (nil when it cannot be read); by default it is
    /// read from `repository`.
    static func firstReachable(_ candidates: [VersionTag], from start: CommitID, in repository: Repository,
                               time: ((CommitID) -> Int64?)? = nil) throws -> VersionTag?
    {
        try firstReachable(targets: candidates.map(\.tag.target), from: start, in: repository, time: time)
            .map { candidates[$0] }
    }

    /// The index of the first of `targets`, in their order, reachable from `start`.
    static func firstReachable(targets candidates: [CommitID], from start: CommitID, in repository: Repository,
                               time: ((CommitID) -> Int64?)? = nil) throws -> Int?
    {
        guard !candidates.isEmpty else { return nil }
        var reachable: [Bool?] = candidates.map { $0 == start ? true : nil }
        if let first = reachable.first, first == true { return 0 }
        var times: [Int64] = []
        for candidate in candidates {
            let known = time.map { $0(candidate) } ?? (try? repository.commit(candidate).committer.time)
            times.append(known ?? Int64.max)
        }
        var indicesByTarget: [CommitID: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() { indicesByTarget[candidate, default: []].append(index) }
        let byTimeDescending = candidates.indices.sorted { times[$0] > times[$1] }
        var cursor = 0

        func decided() -> Int?? {
            for (index, state) in reachable.enumerated() {
                switch state {
                case .some(true): return .some(index)
                case .some(false): continue
                case .none: return .none
                }
            }
            return .some(nil)
        }

        try repository.walk(including: [start], excluding: []) { raw in
            for index in indicesByTarget[raw.id] ?? [] { reachable[index] = true }
            while cursor < byTimeDescending.count,
                  times[byTimeDescending[cursor]] == Int64.max
                    || times[byTimeDescending[cursor]] > raw.committer.time + skewAllowance {
                let index = byTimeDescending[cursor]
                if reachable[index] == nil { reachable[index] = false }
                cursor += 1
            }
            return decided() == nil ? .continue : .stop
        }
        return decided() ?? nil
    }
}
