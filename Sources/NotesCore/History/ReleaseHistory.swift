import Foundation
import NotesGit

/// The one history pipeline every command goes through: **plan → walk → group**. A repository opened once,
/// its tags read once by the planner (``ReleasePlanner``, which decides the range from facts), the range
/// walked (``RangeWalker``), and the commits grouped (``WalkedRelease``). Commands that need several
/// releases (`changelog --all`) ask one history for each. The write side (``ReleaseWorkspace``) takes its
/// notes from here too, so `draft`, the tag message and `attach` can never differ.
public final class ReleaseHistory {
    /// The repository.
    public let repository: Repository
    /// The settings it was opened with.
    public let settings: Settings
    /// The rules: which tags are the package's releases, which came before, what a release is called.
    public let planner: ReleasePlanner
    /// Links to the forge: from `[links]`, else when the remote is GitHub or GitLab.
    public let links: RemoteLinks?
    /// The selected package's or `--path`'s commit filter. Empty: all commits.
    public let paths: PathFilter
    /// The planner's facts, read through libgit2 (and the walk it keeps).
    let facts: GitReleaseFacts
    let walker: RangeWalker
    /// The commits tags of the scheme point at (release commits are skipped by these). Exact without
    /// checking a tag: it is only asked about walked commits, and a walked commit is a commit.
    private let tagTargets: Set<CommitID>
    /// Hears what the user should know about how a release was read, once each.
    let notify: (@Sendable (String) -> Void)?
    private var said: Set<String> = []
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
        self.notify = notify
        paths = settings.pathFilter
        walker = RangeWalker(repository: repository, paths: paths, needsPaths: settings.grouping.commitRules.needsPaths,
                             progress: progress)
        facts = GitReleaseFacts(repository: repository, walker: walker)
        planner = try ReleasePlanner(scope: ReleaseScope(settings), facts: facts)
        tagTargets = Set(planner.listed.map(\.tag.target))
        let repository = repository
        links = settings.remoteLinks { repository.remoteURL(named: $0) }
    }

    /// How tag names hold versions.
    public var pattern: TagPattern { planner.pattern }

    /// The package's release tags, highest version first.
    public var tags: [VersionTag] { planner.releases }

    /// True when `tag` is one of the package's releases.
    func isRelease(_ tag: VersionTag) -> Bool { planner.isRelease(tag) }

    /// Parses a VERSION argument, with or without the tag prefix.
    public func version(_ text: String) throws -> ReleaseVersion { try planner.version(text) }

    /// The existing release tag for `version`: the exact name, else the package's release with that version.
    public func tag(for version: ReleaseVersion, named name: String?) -> VersionTag? {
        planner.tag(for: version, named: name)
    }

    /// The existing tag of the scheme named `name`, whoever's release it is.
    public func existingTag(named name: String) -> VersionTag? { planner.existingTag(named: name) }

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

    /// The one rule that names release tags (``ReleasePlanner/tagName(for:written:)``).
    public func tagName(for version: ReleaseVersion, written text: String? = nil) -> String {
        planner.tagName(for: version, written: text)
    }

    /// The notes of one release. `now` dates releases whose tag does not exist yet.
    public func release(_ request: RangeRequest, now: Int64) throws -> ReleaseResult {
        let walked = try walkRelease(request, now: now)
        guard request.newContributors else { return walked.finish() }
        var notes = walked.group()
        notes.newContributors = try newContributors(of: notes)
        return walked.result(notes)
    }

    /// Plan and walk (the git part of `release(_:now:)`); the commits are parsed on a background queue
    /// meanwhile, and the rest is `WalkedRelease.finish()`, pure work for any thread.
    func walkRelease(_ request: RangeRequest, now: Int64) throws -> WalkedRelease {
        facts.dropWalk()
        walker.changedPaths = [:]
        let plan = try planner.plan(request)
        var cherryPicked: [String: CommitID] = [:]
        if let previous = plan.previousTag, plan.previousIsAncestor == false, settings.grouping.noise.skipCherryPicks {
            // The other side may run past a shallow clone's boundary: then nothing is left out.
            cherryPicked = (try? CherryPicks.subjects(previous: previous.tag.target, release: plan.to, in: repository)) ?? [:]
        }
        var outside: [CommitRecord] = []
        let walk = try facts.takeWalk(from: plan.from, to: plan.to)
            ?? walker.walk(to: plan.to, from: plan.from, rangeLabel: plan.rangeLabel,
                           outside: request.listOutsidePaths ? { outside.append(CommitRecord($0)) } : nil)
        let name = plan.tagName
        let previousTag = plan.previousTag
        let fromLabel = plan.fromLabel
        let info = ReleaseInfo(
            title: name ?? "Unreleased", version: plan.version,
            tagName: name, tagExists: plan.releaseTag != nil,
            previousTag: previousTag?.name ?? fromLabel, previousTagDate: previousTag.flatMap(tagDate),
            date: plan.releaseTag.flatMap(tagDate) ?? now, from: plan.from, to: plan.to, rangeLabel: plan.rangeLabel,
            warnings: plan.warnings,
            comparison: plan.from.map { from in
                let start = previousTag?.name ?? from.hex
                let end = name ?? plan.to.hex
                let startLabel = previousTag?.name ?? fromLabel ?? from.short
                let endLabel = name ?? plan.toLabel
                return (start, end, "\(startLabel)...\(endLabel)")
            })
        var range = plan.from == nil ? "\(plan.rangeLabel) (whole history)" : plan.rangeLabel
        if !paths.isEmpty {
            range += " -- " + (paths.directories + paths.globs).joined(separator: " ")
            if !paths.excludes.isEmpty {
                range += " " + paths.excludes.map { ":!\($0)" }.joined(separator: " ")
            }
        }
        for notice in planner.notices(for: plan) { say(notice) }
        let count = walk.count
        return WalkedRelease(info: info, commits: walk.commits, grouping: settings.grouping, links: links,
                             summary: "\(range), \(count) commit\(count == 1 ? "" : "s")", outsidePaths: outside,
                             tagTargets: tagTargets, cherryPicked: cherryPicked,
                             changedPaths: walker.changedPaths, quoteMentions: settings.links.mentions != "keep")
    }

    /// Tells the user `text` (stderr), once per history.
    func say(_ text: String) {
        guard let notify, said.insert(text).inserted else { return }
        notify(text)
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
        try RangeWalker.readHistory(repository, rangeLabel: rangeLabel, body)
    }
}
