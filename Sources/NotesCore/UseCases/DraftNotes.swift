import Foundation
import NotesGit

/// What `notes draft` is asked for.
public struct DraftRequest: Sendable {
    /// A folder inside the repository (default: the current directory).
    public var repositoryPath: String
    /// The version being released (`v1.2.3`), nil for "Unreleased".
    public var version: String?
    /// Overrides the start of the range (exclusive): any revision.
    public var from: String?
    /// Overrides the end of the range (inclusive): any revision.
    public var to: String?
    /// Tag names are `prefix` + version; nil accepts `v1.2.3` and `1.2.3`.
    public var tagPrefix: String?
    /// "Today" for releases whose tag does not exist yet (unix seconds): `SOURCE_DATE_EPOCH` or the clock.
    public var now: Int64

    /// Makes a request.
    public init(repositoryPath: String, version: String? = nil, from: String? = nil, to: String? = nil,
                tagPrefix: String? = nil, now: Int64) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.from = from
        self.to = to
        self.tagPrefix = tagPrefix
        self.now = now
    }
}

/// The outcome of `notes draft`: the notes, their view model, and the one-line range summary for stderr.
public struct DraftResult: Sendable {
    /// The notes.
    public var notes: ReleaseNotes
    /// The view model templates and `--context` see.
    public var context: ReleaseContext
    /// `v1.2.2..HEAD, 37 commits`.
    public var summary: String
}

/// `notes draft`: chooses the range, walks it, parses and groups the commits.
public enum DraftNotes {
    /// Runs the draft. Throws `NotesError` for everything a user can cause.
    public static func run(_ request: DraftRequest) throws -> DraftResult {
        let repository = try RepositoryAccess.open(request.repositoryPath)
        guard !repository.isEmpty else {
            throw NotesError(.repository, "the repository at \(repository.workdir ?? repository.gitDir) has no commits yet",
                             hint: "make a first commit, then draft notes")
        }
        let pattern = TagPattern(prefix: request.tagPrefix)
        var version: ReleaseVersion?
        if let text = request.version {
            guard let parsed = ReleaseVersion(text, prefix: request.tagPrefix) ?? ReleaseVersion(text) else {
                throw NotesError.invalidVersion(text)
            }
            version = parsed
        }
        let tags = try gitCall { try pattern.versionTags(repository.tags()) }
        let releaseTag = version.flatMap { version in
            tags.first { $0.name == request.version } ?? tags.first { $0.version.version == version.version }
        }

        let to: CommitID
        let toLabel: String
        if let revision = request.to {
            to = try RepositoryAccess.resolve(revision, option: "--to", in: repository)
            toLabel = revision
        } else if let releaseTag {
            to = releaseTag.tag.target
            toLabel = releaseTag.name
        } else {
            guard let head = try gitCall({ try repository.headCommit() }) else {
                throw NotesError(.repository, "HEAD does not point at a commit", hint: "check out a branch")
            }
            to = head
            toLabel = "HEAD"
        }

        var from: CommitID?
        var fromLabel: String?
        var previousTag: VersionTag?
        if let revision = request.from {
            from = try RepositoryAccess.resolve(revision, option: "--from", in: repository)
            fromLabel = revision
            previousTag = tags.first { $0.tag.target == from && $0.name == revision }
        } else {
            let candidates = PreviousTagRule.candidates(for: version, excluding: releaseTag?.name, among: tags)
            previousTag = try readHistory(repository, rangeLabel: toLabel) {
                try TagReachability.firstReachable(candidates, from: to, in: repository)
            }
            from = previousTag?.tag.target
            fromLabel = previousTag?.name
        }

        let records = try walk(repository, to: to, from: from, rangeLabel: fromLabel.map { "\($0)..\(toLabel)" } ?? toLabel)
        let title = releaseTag?.name ?? request.version ?? "Unreleased"
        let rangeLabel = fromLabel.map { "\($0)..\(toLabel)" } ?? toLabel
        let info = ReleaseInfo(
            title: title, version: version, tagName: releaseTag?.name ?? request.version,
            tagExists: releaseTag != nil, previousTag: previousTag?.name ?? fromLabel,
            previousTagDate: previousTag?.tag.date, date: releaseTag?.tag.date ?? request.now,
            from: from, to: to, rangeLabel: rangeLabel,
            comparison: from.map { from in
                let start = previousTag?.name ?? from.hex
                let end = releaseTag?.name ?? request.version ?? (request.to == nil ? to.hex : to.hex)
                let startLabel = previousTag?.name ?? fromLabel ?? from.short
                let endLabel = releaseTag?.name ?? request.version ?? toLabel
                return (start, end, "\(startLabel)...\(endLabel)")
            })
        let notes = ReleaseBuilder.build(info: info, commits: records)
        let links = repository.remoteURL(named: "origin").flatMap(RemoteLinks.init(remoteURL:))
        let context = ReleaseContext(notes: notes, links: links)
        let count = records.count
        let range = from == nil ? "\(rangeLabel) (whole history)" : rangeLabel
        return DraftResult(notes: notes, context: context,
                           summary: "\(range), \(count) commit\(count == 1 ? "" : "s")")
    }

    /// Walks `from..to` (the whole history when `from` is nil), newest first. In a shallow clone, a range
    /// that runs past the shallow boundary is an error rather than silently short notes.
    static func walk(_ repository: Repository, to: CommitID, from: CommitID?, rangeLabel: String) throws -> [CommitRecord] {
        let shallowRoots = repository.isShallow ? repository.shallowRoots() : []
        let excluded = from.map { [$0] } ?? []
        var records: [CommitRecord] = []
        var truncatedAt: CommitID?
        try readHistory(repository, rangeLabel: rangeLabel) {
            try repository.walk(including: [to], excluding: excluded) { raw in
                if shallowRoots.contains(raw.id), !raw.parents.isEmpty,
                   !raw.parents.allSatisfy({ excluded.contains($0) }) {
                    truncatedAt = raw.id
                    return .stop
                }
                records.append(CommitRecord(raw))
                return .continue
            }
        }
        if truncatedAt != nil { throw shallowError(rangeLabel) }
        return records
    }

    /// Runs a read of the history; a missing object is the shallow-clone error in a shallow clone.
    static func readHistory<T>(_ repository: Repository, rangeLabel: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
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

/// Runs a libgit2 call whose failure is not the user's doing, as an internal error with the message.
func gitCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GitError {
        throw NotesError(.internalError, "git: \(error.message)")
    }
}
