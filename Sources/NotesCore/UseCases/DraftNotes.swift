import Foundation
import NotesGit

/// Which release to describe: the same options for `draft`, `changelog`, `readme`, `todo` and `attach`.
public struct RangeRequest: Sendable {
    /// The version being released (`v1.2.3`), nil for "Unreleased".
    public var version: String?
    /// Overrides the start of the range (exclusive): any revision.
    public var from: String?
    /// Overrides the end of the range (inclusive): any revision.
    public var to: String?
    /// Only commits touching these paths (directories or globs, minus exclusions); empty: all commits.
    public var paths: PathFilter
    /// Also collect the commits the path filter leaves out (`ReleaseNotes.outsidePaths`), for `--explain`.
    public var listOutsidePaths = false

    /// Makes a request.
    public init(version: String? = nil, from: String? = nil, to: String? = nil,
                paths: PathFilter = PathFilter(paths: []), listOutsidePaths: Bool = false) {
        self.version = version
        self.from = from
        self.to = to
        self.paths = paths
        self.listOutsidePaths = listOutsidePaths
    }
}

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
    /// Only commits touching these paths; empty: all commits.
    public var paths: PathFilter = PathFilter(paths: [])
    /// Also collect the commits outside the paths, for `--explain`.
    public var listOutsidePaths = false
    /// "Today" for releases whose tag does not exist yet (unix seconds): `SOURCE_DATE_EPOCH` or the clock.
    public var now: Int64
    /// The resolved settings (configuration and flags); nil: the defaults with `tagPrefix`.
    public var settings: Settings?

    /// Makes a request.
    public init(repositoryPath: String, version: String? = nil, from: String? = nil, to: String? = nil,
                tagPrefix: String? = nil, now: Int64, settings: Settings? = nil) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.from = from
        self.to = to
        self.tagPrefix = tagPrefix
        self.now = now
        self.settings = settings
    }
}

/// The notes of one release: the notes, their view model, and the one-line range summary for stderr.
public struct DraftResult: Sendable {
    /// The notes.
    public var notes: ReleaseNotes
    /// The view model templates and `--context` see.
    public var context: ReleaseContext
    /// `v1.2.2..HEAD, 37 commits`.
    public var summary: String
}

/// `notes draft`: one release's notes.
public enum DraftNotes {
    /// Runs the draft. Throws `NotesError` for everything a user can cause.
    public static func run(_ request: DraftRequest) throws -> DraftResult {
        let source = try ReleaseSource(repositoryPath: request.repositoryPath, tagPrefix: request.tagPrefix,
                                       settings: request.settings)
        return try source.release(
            RangeRequest(version: request.version, from: request.from, to: request.to, paths: request.paths,
                         listOutsidePaths: request.listOutsidePaths),
            now: request.now)
    }
}

/// A repository opened once, with its release tags read once, that gives the notes of any release:
/// chooses the range, walks it, parses and groups the commits. Commands that need several releases
/// (`changelog --all`) ask one source for each, so the repository and its tags are read only once.
public final class ReleaseSource {
    /// The repository.
    public let repository: Repository
    /// The release tags, highest version first.
    public let tags: [VersionTag]
    /// How tag names hold versions.
    public let pattern: TagPattern
    /// Links to the forge: from `[links]`, else when `remote.origin.url` is GitHub or GitLab.
    public let links: RemoteLinks?
    /// Sections, skip rules, hidden types and scopes from the configuration.
    public let grouping: GroupingRules
    /// The paths of the selected package or of `--path` (from `settings`): used by every release whose
    /// request gives no paths of its own. Empty: all commits.
    public let paths: PathFilter
    /// Committer times of tag commits already read (`nil`: unreadable).
    private var tagTimes: [CommitID: Int64?] = [:]

    /// Opens the repository containing `repositoryPath` and reads its release tags. With `settings`, their
    /// tag prefix, links and grouping rules apply (`tagPrefix` is then ignored).
    public init(repositoryPath: String, tagPrefix: String? = nil, settings: Settings? = nil,
                paths: PathFilter? = nil) throws {
        let tagPrefix = settings.map(\.tagPrefix) ?? tagPrefix
        repository = try RepositoryAccess.open(repositoryPath)
        guard !repository.isEmpty else {
            throw NotesError(.repository, "the repository at \(repository.workdir ?? repository.gitDir) has no commits yet",
                             hint: "make a first commit, then draft notes")
        }
        pattern = TagPattern(prefix: tagPrefix)
        let repository = repository
        let pattern = pattern
        tags = try gitCall { try pattern.versionTags(repository.tags()) }
        if let settings {
            links = settings.remoteLinks { repository.remoteURL(named: $0) }
        } else {
            links = repository.remoteURL(named: "origin").flatMap(RemoteLinks.init(remoteURL:))
        }
        grouping = settings?.grouping ?? .standard
        self.paths = paths ?? PathFilter(paths: settings?.paths ?? [], excludes: settings?.excludes ?? [])
    }

    /// Parses a VERSION argument, with or without the tag prefix.
    public func version(_ text: String) throws -> ReleaseVersion {
        guard let parsed = ReleaseVersion(text, prefix: pattern.prefix) ?? ReleaseVersion(text) else {
            throw NotesError.invalidVersion(text)
        }
        return parsed
    }

    /// The existing tag for `version`: the exact name, else a tag with the same version.
    public func tag(for version: ReleaseVersion, named name: String?) -> VersionTag? {
        tags.first { $0.name == name } ?? tags.first { $0.version.version == version.version }
    }

    /// The tag name a version gets: its existing tag; else the tag prefix plus the version; else the
    /// version as written when it carries a `v`; else in the style of the newest release tag (`v0.1.2`
    /// makes `1.2.3` into `v1.2.3`).
    public func tagName(for version: ReleaseVersion, written text: String) -> String {
        if let existing = tag(for: version, named: text) { return existing.name }
        if let prefix = pattern.prefix { return prefix + version.bare }
        if !version.prefix.isEmpty { return text }
        return (tags.first?.version.prefix ?? "") + version.bare
    }

    /// The notes of one release. `now` dates releases whose tag does not exist yet.
    public func release(_ request: RangeRequest, now: Int64) throws -> DraftResult {
        try walkRelease(request, now: now).finish()
    }

    /// The git part of `release(_:now:)`: chooses the range and walks it (its commits are parsed on a
    /// background queue meanwhile); the rest is `WalkedRelease.finish()`, pure work for any thread.
    func walkRelease(_ request: RangeRequest, now: Int64) throws -> WalkedRelease {
        let version = try request.version.map { try self.version($0) }
        let releaseTag = version.flatMap { tag(for: $0, named: request.version) }

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
        }
        let paths = request.paths.isEmpty ? self.paths : request.paths
        var records: (commits: ParsedCommits, count: Int)?
        if request.from == nil {
            let candidates = PreviousTagRule.candidates(for: version, excluding: releaseTag?.name, among: tags)
            // The previous tag is nearly always the first candidate: walk the range it gives straight away,
            // and keep that walk when it reaches the candidate (a walked commit has it as a parent, which
            // happens exactly when the candidate is an ancestor of `to`). That saves a second read of the
            // range. Otherwise, or with a path filter (which hides commits) or a shallow clone, search.
            if let first = candidates.first, first.tag.target != to, paths.isEmpty, !repository.isShallow {
                let walked = try walk(to: to, from: first.tag.target, paths: paths,
                                      rangeLabel: "\(first.name)..\(toLabel)", watching: first.tag.target)
                if walked.reached {
                    previousTag = first
                    records = walked.records
                }
            }
            if records == nil {
                previousTag = try Self.readHistory(repository, rangeLabel: toLabel) {
                    try TagReachability.firstReachable(candidates, from: to, in: repository, time: self.tagTime)
                }
            }
            from = previousTag?.tag.target
            fromLabel = previousTag?.name
        }

        let rangeLabel = fromLabel.map { "\($0)..\(toLabel)" } ?? toLabel
        let name = version.map { self.tagName(for: $0, written: request.version ?? $0.description) }
        var outside: [CommitRecord] = []
        let parsed = try records ?? walk(to: to, from: from, paths: paths, rangeLabel: rangeLabel, watching: nil,
                                         outside: request.listOutsidePaths ? { outside.append(CommitRecord($0)) } : nil)
            .records
        let info = ReleaseInfo(
            title: name ?? "Unreleased", version: version,
            tagName: name, tagExists: releaseTag != nil,
            previousTag: previousTag?.name ?? fromLabel, previousTagDate: previousTag?.tag.date,
            date: releaseTag?.tag.date ?? now, from: from, to: to, rangeLabel: rangeLabel,
            comparison: from.map { from in
                let start = previousTag?.name ?? from.hex
                let end = name ?? to.hex
                let startLabel = previousTag?.name ?? fromLabel ?? from.short
                let endLabel = name ?? toLabel
                return (start, end, "\(startLabel)...\(endLabel)")
            })
        let count = parsed.count
        var range = from == nil ? "\(rangeLabel) (whole history)" : rangeLabel
        if !paths.isEmpty {
            range += " -- " + (paths.directories + paths.globs).joined(separator: " ")
            if !paths.excludes.isEmpty {
                range += " " + paths.excludes.map { ":!\($0)" }.joined(separator: " ")
            }
        }
        return WalkedRelease(info: info, commits: parsed.commits, grouping: grouping, links: links,
                             summary: "\(range), \(count) commit\(count == 1 ? "" : "s")", outsidePaths: outside)
    }

    /// Walks `from..to` (the whole history when `from` is nil), newest first. In a shallow clone, a range
    /// that runs past the shallow boundary is an error rather than silently short notes.
    /// `reached` tells whether a walked commit has `watching` as a parent.
    func walk(to: CommitID, from: CommitID?, paths: PathFilter, rangeLabel: String, watching: CommitID?,
              outside: ((RawCommit) -> Void)? = nil) throws
        -> (records: (commits: ParsedCommits, count: Int), reached: Bool)
    {
        let shallowRoots = repository.isShallow ? repository.shallowRoots() : []
        let excluded = from.map { [$0] } ?? []
        let parsed = ParsedCommits()
        var batch: [RawCommit] = []
        batch.reserveCapacity(ParsedCommits.batchSize)
        var count = 0
        var truncatedAt: CommitID?
        var reached = false
        try Self.readHistory(repository, rangeLabel: rangeLabel) {
            try repository.walk(including: [to], excluding: excluded, touching: paths, filtered: outside) { raw in
                if shallowRoots.contains(raw.id), !raw.parents.isEmpty,
                   !raw.parents.allSatisfy({ excluded.contains($0) }) {
                    truncatedAt = raw.id
                    return .stop
                }
                if let watching, !reached, raw.parents.contains(watching) { reached = true }
                batch.append(raw)
                count += 1
                WalkProgress.tick()
                if batch.count == ParsedCommits.batchSize {
                    parsed.add(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                return .continue
            }
        }
        if truncatedAt != nil { throw Self.shallowError(rangeLabel) }
        parsed.add(batch)
        return ((parsed, count), reached)
    }

    /// The committer time of a tag's commit, read once per source (`changelog --all` asks for every
    /// tag's time once per release); nil when the commit cannot be read (beyond a shallow boundary).
    private func tagTime(_ id: CommitID) -> Int64? {
        if let known = tagTimes[id] { return known }
        let time = try? repository.commit(id).committer.time
        tagTimes[id] = .some(time)
        return time
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

/// A release whose range is walked: grouping its commits and building the view model is left, pure
/// work that `finish()` does on any thread.
struct WalkedRelease: Sendable {
    let info: ReleaseInfo
    let commits: ParsedCommits
    let grouping: GroupingRules
    let links: RemoteLinks?
    let summary: String
    var outsidePaths: [CommitRecord] = []

    /// Groups the commits and builds the view model.
    func finish() -> DraftResult {
        var notes = ReleaseBuilder.build(info: info, commits: commits.records(), rules: grouping)
        notes.outsidePaths = outsidePaths
        return DraftResult(notes: notes, context: ReleaseContext(notes: notes, links: links), summary: summary)
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
