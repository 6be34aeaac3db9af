import NotesGit

/// What the release planner (``ReleasePlanner``) may ask of a repository: its tags, ancestry, and file
/// contents at a commit. Nothing else reaches the rules, so every rule is tested over a fake commit graph
/// (`Tests/NotesCoreTests/History/ReleasePlannerTests.swift`); libgit2 and the speed tricks live in the
/// adapter (``GitReleaseFacts``).
///
/// Failures a user can cause (a revision naming nothing, a shallow clone missing the history) are thrown
/// as `NotesError`s by the adapter, with the label of the range being read.
public protocol ReleaseFacts: AnyObject {
    /// Every tag as listed, by name order. A listed tag's target may be unverified (packed refs are taken on
    /// trust): ``pointsAtCommit(_:)`` says whether it really is a commit.
    func listedTags() throws -> [TagRef]
    /// True when the listed `tag` points, after peeling, at a commit that can be read.
    func pointsAtCommit(_ tag: TagRef) -> Bool
    /// HEAD's commit; nil when HEAD is unborn or detached from every commit.
    func headCommit() throws -> CommitID?
    /// The commit `revision` names (`--from`, `--to`, a package's `bootstrap`); `option` names where it
    /// came from, for the error.
    func resolve(_ revision: String, option: String) throws -> CommitID
    /// True when `ancestor` is reachable from `descendant` (a commit is its own ancestor). `rangeLabel`
    /// names the range for a shallow-clone error.
    func isAncestor(_ ancestor: CommitID, of descendant: CommitID, rangeLabel: String) throws -> Bool
    /// The first of `candidates`, in their order, whose commit is reachable from `start`.
    func firstReachable(_ candidates: [VersionTag], from start: CommitID, rangeLabel: String) throws -> VersionTag?
    /// The bytes of the file at `path` (repository-relative) in `commit`'s tree; nil when there is none.
    func contents(of path: String, at commit: CommitID) -> [UInt8]?
    /// True when `commit`'s tree has a folder at `path`.
    func hasFolder(_ path: String, at commit: CommitID) -> Bool
    /// The commits reachable from `start` that changed the file at `path`, newest first, each with the
    /// file's bytes after and before it; `visit` returns false to stop. A history that cannot be read (a
    /// shallow clone) ends the list quietly.
    func fileChanges(of path: String, from start: CommitID, _ visit: (FileChangeFact) -> Bool)
    /// The first line of `commit`'s message; "" when it cannot be read.
    func subject(of commit: CommitID) -> String
}

/// One commit that changed a file, as ``ReleaseFacts/fileChanges(of:from:_:)`` lists it.
public struct FileChangeFact: Sendable {
    /// The commit.
    public var commit: CommitID
    /// Its subject.
    public var subject: String
    /// The file after the commit; nil when the commit deleted it.
    public var contents: [UInt8]?
    /// The file in the first parent; nil when the commit added it.
    public var previous: [UInt8]?

    /// Makes a fact.
    public init(commit: CommitID, subject: String, contents: [UInt8]?, previous: [UInt8]?) {
        self.commit = commit
        self.subject = subject
        self.contents = contents
        self.previous = previous
    }
}
