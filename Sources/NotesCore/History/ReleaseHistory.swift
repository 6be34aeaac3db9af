import Foundation
import NotesGit

/// The one history pipeline every command goes through: a repository opened once, its release tags read
/// once, and the notes of any release: choose the range, walk it, parse, classify and group the commits.
/// Commands that need several releases (`changelog --all`) ask one history for each, so the repository and
/// its tags are read only once. The write side (``ReleaseWorkspace``) takes its notes from here too, so
/// `draft`, the tag message and `attach` can never differ.
public final class ReleaseHistory {
    /// The repository.
    public let repository: Repository
    /// The settings it was opened with.
    public let settings: Settings
    /// How tag names hold versions.
    public let pattern: TagPattern
    /// The tags whose names are release versions, highest version first, as listed: packed tags are taken
    /// on trust (`Repository.tags()`), and one is a release tag only when it points at a commit
    /// (`isRelease(_:)`). Every use goes through `isRelease`, so a tag on a tree or a blob, or one whose
    /// commit a shallow clone lacks, is skipped exactly as if it had not been listed, and a draft checks the
    /// two or three tags it uses, not thousands.
    private let listed: [VersionTag]
    /// `listed` by name (names are unique refs; the first wins should two spell the same name).
    private let listedByName: [String: VersionTag]
    /// Whether a listed tag's target is a commit, by target, checked once per history.
    private var verdicts: [CommitID: Bool] = [:]
    /// `tags`, once every listed tag has been checked.
    private var allReleaseTags: [VersionTag]?
    /// The commits listed release tags point at (release commits are skipped by these). Exact without
    /// checking a tag: it is only asked about walked commits, and a walked commit is a commit in the
    /// object database, which is all the check asks of a target; a tree, a blob or a missing commit never
    /// equals a walked commit's id. A loose annotated tag's target is its commit (listing peels loose tags).
    private let tagTargets: Set<CommitID>
    /// Links to the forge: from `[links]`, else when the remote is GitHub or GitLab.
    public let links: RemoteLinks?
    /// The selected package's or `--path`'s commit filter. Empty: all commits.
    public let paths: PathFilter
    /// Called with the running count of commits read by walks (about every 1,000), for a progress line.
    let progress: (@Sendable (Int) -> Void)?
    /// Hears what the user should know about how a release was read (a bootstrapped range), once each.
    let notify: (@Sendable (String) -> Void)?
    private var said: Set<String> = []
    /// The subjects of the previous tag's side of the range being chosen (`CherryPicks`).
    private var cherryPicked: [String: CommitID] = [:]
    /// The paths walked commits change, when a `[[rule]]` has a `path`.
    private var changedPaths: [CommitID: [String]] = [:]
    private var walked = 0
    /// Committer times of tag commits already read (`nil`: unreadable).
    private var tagTimes: [CommitID: Int64?] = [:]
    /// Release tags' dates already read, by tag name (`nil`: unreadable).
    private var tagDates: [String: Int64?] = [:]

    /// Opens the repository at `settings.root` and reads its release tags.
    public init(settings: Settings, progress: (@Sendable (Int) -> Void)? = nil,
                notify: (@Sendable (String) -> Void)? = nil) throws {
        repository = try RepositoryAccess.open(settings.root)
        guard !repository.isEmpty else {
            throw NotesError(.repository, "the repository at \(repository.workdir ?? repository.gitDir) has no commits yet",
                             hint: "make a first commit, then draft notes")
        }
        self.settings = settings
        self.progress = progress
        self.notify = notify
        pattern = TagPattern(prefix: settings.tagPrefix)
        let repository = repository
        let pattern = pattern
        let filter = settings.tagFilter
        listed = try gitCall { try pattern.versionTags(filter.filter(repository.tags())) }
        listedByName = Dictionary(listed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        tagTargets = Set(listed.map(\.tag.target))
        links = settings.remoteLinks { repository.remoteURL(named: $0) }
        paths = settings.pathFilter
    }

    /// The release tags, highest version first: every listed tag that points at a commit. Checks every
    /// tag the first time (`changelog --all` uses them all); the other commands ask about single tags.
    public var tags: [VersionTag] {
        if let allReleaseTags { return allReleaseTags }
        let all = listed.filter(isRelease)
        allReleaseTags = all
        return all
    }

    /// True when the listed tag `tag` points, after peeling, at a commit in the object database (one
    /// object header read per unverified target, once per history): a tag on a tree or a blob, or one whose
    /// commit is beyond a shallow clone's boundary, is not a release tag.
    func isRelease(_ tag: VersionTag) -> Bool {
        if tag.tag.isVerified { return true }
        if let known = verdicts[tag.tag.target] { return known }
        let verdict = repository.pointsAtCommit(tag.tag)
        verdicts[tag.tag.target] = verdict
        return verdict
    }

    /// Parses a VERSION argument, with or without the tag prefix.
    public func version(_ text: String) throws -> ReleaseVersion {
        guard let parsed = ReleaseVersion(text, prefix: pattern.prefix) ?? ReleaseVersion(text) else {
            throw TagFamily.invalidVersion(text, prefix: pattern.prefix, tags: (try? repository.verifiedTags()) ?? [])
        }
        return parsed
    }

    /// The existing release tag for `version`: the exact name, else a tag with the same version.
    public func tag(for version: ReleaseVersion, named name: String?) -> VersionTag? {
        name.flatMap { existingTag(named: $0) } ?? listed.first { $0.version.version == version.version && isRelease($0) }
    }

    /// The existing release tag named `name`.
    public func existingTag(named name: String) -> VersionTag? {
        listedByName[name].flatMap { isRelease($0) ? $0 : nil }
    }

    /// True when a tag called `name` exists but points, after peeling, at no commit (a tree or a blob):
    /// it is not a release tag, and it blocks creating one.
    public func tagBlockedByNonCommit(named name: String) -> Bool {
        existingTag(named: name) == nil && repository.referenceTarget("refs/tags/" + name) != nil
    }

    /// The error for ``tagBlockedByNonCommit(named:)``: exit 2, before anything is written.
    func nonCommitTagError(_ name: String) -> NotesError {
        NotesError(.badInput, "tag \(name) exists but points at a tree or a blob, not a commit",
                   hint: "delete it with git tag -d \(name) if it is a mistake, or release another version")
    }

    /// The one rule that names release tags, for every command: the version's existing tag; else the tag
    /// prefix (`--tag-prefix`, the package's, `[tags] prefix`) plus the version; else the prefix the version
    /// was written with (`v1.2.3`); else the style of the newest release tag (`v0.1.2` makes `1.2.3` into
    /// `v1.2.3`, `0.1.2` keeps it bare); else `v`.
    public func tagName(for version: ReleaseVersion, written text: String? = nil) -> String {
        if let existing = tag(for: version, named: text ?? version.description) { return existing.name }
        if let prefix = pattern.prefix { return prefix + version.bare }
        if !version.prefix.isEmpty { return version.prefix + version.bare }
        return (listed.first(where: isRelease)?.version.prefix ?? "v") + version.bare
    }

    /// The notes of one release. `now` dates releases whose tag does not exist yet.
    public func release(_ request: RangeRequest, now: Int64) throws -> ReleaseResult {
        let walked = try walkRelease(request, now: now)
        guard request.newContributors else { return walked.finish() }
        var notes = walked.group()
        notes.newContributors = try newContributors(of: notes)
        return walked.result(notes)
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
            previousTag = existingTag(named: revision).flatMap { $0.tag.target == from ? $0 : nil }
        }
        var records: (commits: ParsedCommits, count: Int)?
        var bootstrap: ReleaseBootstrap?
        var warnings: [String] = []
        cherryPicked = [:]
        changedPaths = [:]
        if request.from == nil {
            if let version {
                let first = PreviousTagRule.first(for: version, excluding: releaseTag?.name, among: listed,
                                                  stableStart: settings.stableStart, where: isRelease)
                (previousTag, records, warnings) = try previousRelease(first, to: to, toLabel: toLabel)
            } else {
                // Listed, not yet checked: the first is usually the answer, and only it is checked then.
                let candidates = PreviousTagRule.candidates(for: nil, excluding: releaseTag?.name, among: listed,
                                                            stableStart: settings.stableStart)
                (previousTag, records) = try latestReachable(candidates, to: to, toLabel: toLabel)
            }
            from = previousTag?.tag.target
            fromLabel = previousTag?.name
            if let point = try ReleaseBootstrap.find(settings: settings, version: version, to: to,
                                                     previous: previousTag, in: repository) {
                bootstrap = point
                previousTag = nil
                records = nil
                from = point.commit
                fromLabel = point.commit.short
            }
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
            previousTag: previousTag?.name ?? fromLabel, previousTagDate: previousTag.flatMap(tagDate),
            date: releaseTag.flatMap(tagDate) ?? now, from: from, to: to, rangeLabel: rangeLabel, warnings: warnings,
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
        if let bootstrap { say(bootstrapNotice(bootstrap)) }
        for warning in warnings { say("warning: " + warning) }
        return WalkedRelease(info: info, commits: parsed.commits, grouping: settings.grouping, links: links,
                             summary: "\(range), \(count) commit\(count == 1 ? "" : "s")", outsidePaths: outside,
                             tagTargets: tagTargets, cherryPicked: cherryPicked,
                             changedPaths: changedPaths, quoteMentions: settings.links.mentions != "keep")
    }

    /// A release with a version: the previous release is `previous` (the highest lower version of the
    /// family), reachable or not, and the range is git's `previous..to`. When `previous` is not an
    /// ancestor of `to`, a warning says so. Returns the walked records when the walk that checked ancestry
    /// is the range's own walk.
    private func previousRelease(_ previous: VersionTag?, to: CommitID, toLabel: String) throws
        -> (VersionTag?, (commits: ParsedCommits, count: Int)?, [String])
    {
        guard let previous, previous.tag.target != to else { return (previous, nil, []) }
        var records: (commits: ParsedCommits, count: Int)?
        var isAncestor: Bool
        if paths.isEmpty, !repository.isShallow {
            // A walk of previous..to meets a commit whose parent is `previous` exactly when `previous` is an
            // ancestor of `to`: the one walk gives both the range and the answer.
            let walked = try walk(to: to, from: previous.tag.target, paths: paths,
                                  rangeLabel: "\(previous.name)..\(toLabel)", watching: previous.tag.target)
            records = walked.records
            isAncestor = walked.reached
        } else {
            isAncestor = try Self.readHistory(repository, rangeLabel: toLabel) {
                try TagReachability.firstReachable([previous], from: to, in: repository, time: self.tagTime) != nil
            }
        }
        guard !isAncestor else { return (previous, records, []) }
        if settings.grouping.noise.skipCherryPicks {
            // The other side may run past a shallow clone's boundary: then nothing is left out.
            cherryPicked = (try? CherryPicks.subjects(previous: previous.tag.target, release: to, in: repository)) ?? [:]
        }
        return (previous, records, [
            "\(previous.name) is not an ancestor of \(toLabel) (a release branch or a re-created tag): the notes "
                + "list the commits reachable from \(toLabel) and not from \(previous.name), as git's "
                + "\(previous.name)..\(toLabel) does"])
    }

    /// "Unreleased" and `notes bump`: the first candidate (highest version first) reachable from `to`.
    /// `listed` are the candidates as listed; the ones that are not release tags (`isRelease`) are skipped.
    private func latestReachable(_ listed: [VersionTag], to: CommitID, toLabel: String) throws
        -> (VersionTag?, (commits: ParsedCommits, count: Int)?)
    {
        // The previous tag is nearly always the first candidate: walk the range it gives straight away,
        // and keep that walk when it reaches the candidate (a walked commit has it as a parent, which
        // happens exactly when the candidate is an ancestor of `to`). That saves a second read of the
        // range. Otherwise, or with a path filter (which hides commits) or a shallow clone, search, which
        // checks every candidate. A first candidate on `to` itself (HEAD just tagged) is the answer
        // `firstReachable` gives before it reads anything: so is it here, before the others are checked.
        if let first = listed.first(where: isRelease) {
            if first.tag.target == to { return (first, nil) }
            if paths.isEmpty, !repository.isShallow {
                let walked = try walk(to: to, from: first.tag.target, paths: paths,
                                      rangeLabel: "\(first.name)..\(toLabel)", watching: first.tag.target)
                if walked.reached { return (first, walked.records) }
            }
        }
        let candidates = listed.filter(isRelease)
        let found = try Self.readHistory(repository, rangeLabel: toLabel) {
            try TagReachability.firstReachable(candidates, from: to, in: repository, time: self.tagTime)
        }
        return (found, nil)
    }

    /// Tells the user `text` (stderr), once per history.
    func say(_ text: String) {
        guard let notify, said.insert(text).inserted else { return }
        notify(text)
    }

    /// What the range summary says about a bootstrapped start, with the command that tags it.
    func bootstrapNotice(_ bootstrap: ReleaseBootstrap) -> String {
        let previous = bootstrap.version.flatMap { VersionFileValue.releaseVersion($0, pep440: true) }
        return bootstrap.notice(tagPrefix: pattern.prefix, tagName: previous.map { tagName(for: $0) })
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
        let needsPaths = settings.grouping.commitRules.needsPaths
        try Self.readHistory(repository, rangeLabel: rangeLabel) {
            try repository.walk(including: [to], excluding: excluded, touching: paths, filtered: outside) { raw in
                if shallowRoots.contains(raw.id), !raw.parents.isEmpty,
                   !raw.parents.allSatisfy({ excluded.contains($0) }) {
                    truncatedAt = raw.id
                    return .stop
                }
                if let watching, !reached, raw.parents.contains(watching) { reached = true }
                if needsPaths, raw.parents.count <= 1 { self.changedPaths[raw.id] = try? repository.changedPaths(of: raw.id) }
                batch.append(raw)
                count += 1
                if let progress = self.progress {
                    self.walked &+= 1
                    if self.walked & 1023 == 0 { progress(self.walked) }
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

    /// A release tag's date (`Repository.tagDate`: the tagger's time, else its commit's), read once per tag:
    /// `changelog --all` asks for each tag twice, as a release and as the next one's previous tag.
    private func tagDate(_ tag: VersionTag) -> Int64? {
        if let known = tagDates[tag.name] { return known }
        let date = repository.tagDate(tag.tag)
        tagDates[tag.name] = .some(date)
        return date
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

