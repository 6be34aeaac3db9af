internal import CGit2

extension Repository {
    /// Streams the commits reachable from `including` but not from `excluding`, newest committer time first
    /// (ties: keep insertion order), one at a time; `body` returns `.stop` to end early.
    ///
    /// This is `git log --date-order`-like range walking done by hand, because libgit2's revwalk ignores
    /// `<gitdir>/shallow` and, once sorted, reads the whole graph before the first commit. Commits listed in
    /// `<gitdir>/shallow` are roots: their parents are not followed. A commit that is missing from the object
    /// database (a parent beyond a shallow boundary that the shallow file does not list, or an excluded tip
    /// that was never fetched) throws a `GitError` with `isNotFound` and `isMissingObject`; commits already
    /// handed to `body` stay handed out.
    ///
    /// Memory stays flat apart from the set of seen ids: each commit is looked up once, copied, and freed.
    ///
    /// Limitation (clock skew): like git, the walk trusts committer times. Exclusion is exact when a parent
    /// is never newer than its child. With skewed clocks, an interesting commit can be popped before the
    /// excluded commit that reaches it. Like git's "slop", the walk holds back the last few interesting
    /// commits (`walkSlop`) and keeps walking a few excluded commits after no interesting one is queued, so
    /// skew that spans a few commits is still excluded; skew deeper than that can hand out a commit that
    /// `git log excluded..included` would not show. Such a commit's ancestors are still excluded correctly.
    public func walk(
        including: [CommitID], excluding: [CommitID], _ body: (RawCommit) throws -> WalkControl
    ) throws {
        try walk(including: including, excluding: excluding, touching: nil, body)
    }

    /// Like `walk(including:excluding:_:)`, handing out only the commits that touch `filter` (compared
    /// with their first parent; see `PathFilter`). Directory paths compare subtree ids found with
    /// `git_tree_entry_bypath`, one tree read per commit; globs and exclusions fall back to a pathspec diff
    /// for the commits whose directories changed (or for every commit, with globs only).
    /// `filtered`, when given, receives the commits of the range that do not touch the filter (for
    /// `--explain`); without it they are never copied out of libgit2.
    public func walk(
        including: [CommitID], excluding: [CommitID], touching filter: PathFilter?,
        filtered: ((RawCommit) -> Void)? = nil,
        _ body: (RawCommit) throws -> WalkControl
    ) throws {
        let matcher = try filter.flatMap { filter -> PathMatcher? in
            filter.isEmpty ? nil : try PathMatcher(filter: filter, repository: pointer)
        }
        var walker = CommitWalker(repository: pointer, shallowRoots: shallowRoots(), matcher: matcher)
        walker.filtered = filtered
        for id in excluding {
            var oid = id.oid
            try walker.push(&oid, id: id, uninteresting: true)
        }
        for id in including {
            var oid = id.oid
            try walker.push(&oid, id: id, uninteresting: false)
        }
        try walker.run(body)
    }
}

/// How many interesting commits a walk holds back, and how many excluded commits it keeps walking after
/// the last interesting one, to absorb clock skew (git uses 5 too).
let walkSlop = 5

/// The state of one walk: a max-heap of looked-up commits by committer time, and a flag per seen id.
struct CommitWalker: ~Copyable {
    private struct Entry {
        var time: Int64
        var sequence: Int
        var uninteresting: Bool
        var id: CommitID
        var commit: OpaquePointer
    }

    private static let uninteresting: UInt8 = 1

    private let repository: OpaquePointer
    private let shallowRoots: Set<CommitID>
    private let matcher: PathMatcher?
    /// Receives the commits the path filter leaves out, when set.
    var filtered: ((RawCommit) -> Void)?
    private var heap: [Entry] = []
    private var flags: [CommitID: UInt8] = [:]
    private var nextSequence = 0
    private var interestingQueued = 0
    /// Popped interesting commits not yet handed out (at most `walkSlop`).
    private var pending: [RawCommit] = []
    /// How many already-processed commits were marked uninteresting late (clock skew); 0 in normal histories.
    private var lateMarks = 0

    init(repository: OpaquePointer, shallowRoots: Set<CommitID>, matcher: PathMatcher? = nil) {
        self.repository = repository
        self.shallowRoots = shallowRoots
        self.matcher = matcher
        heap.reserveCapacity(64)
        pending.reserveCapacity(walkSlop + 1)
    }

    deinit {
        for entry in heap { git_commit_free(entry.commit) }
    }

    /// Queues a commit the first time it is seen; an excluded push of a seen interesting commit marks it
    /// (and whatever it already reached) uninteresting.
    mutating func push(_ oid: UnsafePointer<git_oid>, id: CommitID, uninteresting: Bool) throws(GitError) {
        // One hash operation in the common case (a commit seen for the first time).
        let flag: UInt8 = uninteresting ? Self.uninteresting : 0
        if let old = flags.updateValue(flag, forKey: id) {
            flags[id] = old
            if uninteresting && old & Self.uninteresting == 0 { try markUninteresting(id) }
            return
        }
        var commit: OpaquePointer? = nil
        try lookupCommit(&commit, repository, oid)
        guard let commit else {
            throw GitError.library(GIT_ENOTFOUND, "commit \(id) not found", "git_commit_lookup")
        }
        if !uninteresting { interestingQueued += 1 }
        if let matcher {
            do {
                try matcher.record(commit, id: id)
            } catch {
                git_commit_free(commit)
                throw error
            }
        }
        let entry = Entry(
            time: git_commit_time(commit), sequence: nextSequence, uninteresting: uninteresting, id: id,
            commit: commit)
        nextSequence += 1
        heap.append(entry)
        siftUp(heap.count - 1)
    }

    /// Pops commits until no interesting commit is left (plus the slop), handing interesting ones to `body`.
    mutating func run(_ body: (RawCommit) throws -> WalkControl) throws {
        var slop = walkSlop
        while !heap.isEmpty {
            if interestingQueued == 0 {
                if pending.isEmpty || slop == 0 { break }
                slop -= 1
            }
            let entry = popFirst()
            defer { git_commit_free(entry.commit) }
            let isUninteresting = (flags[entry.id] ?? 0) & Self.uninteresting != 0
            if !isUninteresting { interestingQueued -= 1 }
            if !shallowRoots.contains(entry.id) {
                let count = git_commit_parentcount(entry.commit)
                var index: UInt32 = 0
                while index < count {
                    if let parent = git_commit_parent_id(entry.commit, index) {
                        try push(parent, id: CommitID(parent), uninteresting: isUninteresting)
                    }
                    index += 1
                }
            }
            if let matcher {
                defer { matcher.popped(entry.id) }
                if isUninteresting { continue }
                let parent = git_commit_parentcount(entry.commit) > 0
                    ? git_commit_parent_id(entry.commit, 0).map { CommitID($0) } : nil
                if try !matcher.touches(entry.id, firstParent: parent) {
                    filtered?(RawCommit(entry.commit, id: entry.id))
                    continue
                }
            }
            if isUninteresting { continue }
            pending.append(RawCommit(entry.commit, id: entry.id))
            if pending.count > walkSlop {
                if try emitFirst(body) == .stop { return }
            }
        }
        while !pending.isEmpty {
            if try emitFirst(body) == .stop { return }
        }
    }

    /// Hands out the oldest held-back commit unless it was excluded meanwhile.
    private mutating func emitFirst(_ body: (RawCommit) throws -> WalkControl) rethrows -> WalkControl {
        let commit = pending.removeFirst()
        if lateMarks > 0, let flag = flags[commit.id], flag & Self.uninteresting != 0 { return .continue }
        return try body(commit)
    }

    /// Marks a seen commit uninteresting. A queued one only needs the flag (its parents follow when it is
    /// popped); an already processed one (clock skew) passes the mark on to the ancestors it queued.
    /// Queued means still in the heap: a linear scan, but this only runs when an excluded walk meets
    /// an interesting one, and the heap is as wide as the history.
    private mutating func markUninteresting(_ start: CommitID) throws(GitError) {
        var stack = [start]
        while let id = stack.popLast() {
            guard let flag = flags[id], flag & Self.uninteresting == 0 else { continue }
            flags[id] = flag | Self.uninteresting
            if heap.contains(where: { $0.id == id }) {
                interestingQueued -= 1
                continue
            }
            lateMarks += 1
            if shallowRoots.contains(id) { continue }
            var oid = id.oid
            var commit: OpaquePointer? = nil
            try lookupCommit(&commit, repository, &oid)
            defer { git_commit_free(commit) }
            let count = git_commit_parentcount(commit)
            var index: UInt32 = 0
            while index < count {
                if let parent = git_commit_parent_id(commit, index) { stack.append(CommitID(parent)) }
                index += 1
            }
        }
    }

    // MARK: Binary heap, newest first; on equal times excluded commits first, then insertion order.

    @inline(__always)
    private func precedes(_ a: Entry, _ b: Entry) -> Bool {
        if a.time != b.time { return a.time > b.time }
        if a.uninteresting != b.uninteresting { return a.uninteresting }
        return a.sequence < b.sequence
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(entry, heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    private mutating func popFirst() -> Entry {
        let first = heap[0]
        let last = heap.removeLast()
        if heap.isEmpty { return first }
        var index = 0
        let count = heap.count
        while true {
            var child = 2 * index + 1
            if child >= count { break }
            if child + 1 < count && precedes(heap[child + 1], heap[child]) { child += 1 }
            guard precedes(heap[child], last) else { break }
            heap[index] = heap[child]
            index = child
        }
        heap[index] = last
        return first
    }
}
