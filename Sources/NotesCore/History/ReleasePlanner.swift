import NotesGit

/// The one place that decides what a release is: which tags are the package's releases, which release
/// came before, where a first release starts, which tag a release gets. It reads the repository only
/// through ``ReleaseFacts``, so every rule is a table row over a fake commit graph
/// (`ReleasePlannerTests`); `docs/architecture.md` ("How a release is planned") lists the rules in order.
///
/// - **The package's releases** are the tags of its scheme (its tag prefix + a version) that `[tags]
///   ignore`/`pattern` admit and that point at commits. When the scheme is shared (plain `v1.2.3` tags for
///   one package of several, ``ReleaseScope/sharesScheme``), a tag is another package's when the files at
///   its commit say so: the package's folder did not exist there, or another package's version file holds
///   the tag's version while the package's own does not. The package's own version file saying another
///   version (a project that tags before bumping) or missing is never a reason to drop a tag.
/// - **The previous release** of VERSION is the package's release with the highest version below it
///   (a stable version skips pre-releases unless `stable_starts_after = "any"`), reachable or not; of
///   "Unreleased", its highest release reachable from HEAD.
/// - **A first release** (no earlier release of the package) starts after its `bootstrap` revision, else
///   after the commit where its version file took the version it held before the release, else it takes
///   the whole history.
public final class ReleasePlanner {
    /// The package being planned for.
    public let scope: ReleaseScope
    /// How tag names hold versions.
    public let pattern: TagPattern
    let facts: ReleaseFacts
    /// The tags of the scheme that the filter admits, highest version first, as listed (not yet checked).
    let listed: [VersionTag]
    private let listedByName: [String: VersionTag]
    private var commitVerdicts: [CommitID: Bool] = [:]
    private var ownership: [String: String?] = [:]
    private var checkedReleases: [VersionTag]?

    /// Reads the tags once.
    public init(scope: ReleaseScope, facts: ReleaseFacts) throws {
        self.scope = scope
        self.facts = facts
        pattern = TagPattern(prefix: scope.tagPrefix)
        listed = pattern.versionTags(scope.tagFilter.filter(try facts.listedTags()))
        listedByName = Dictionary(listed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Which tags are releases

    /// True when the listed `tag` points at a commit (asked once per target).
    func pointsAtCommit(_ tag: VersionTag) -> Bool {
        if tag.tag.isVerified { return true }
        if let known = commitVerdicts[tag.tag.target] { return known }
        let verdict = facts.pointsAtCommit(tag.tag)
        commitVerdicts[tag.tag.target] = verdict
        return verdict
    }

    /// Why `tag`, of the package's scheme, is another package's release; nil when it is the package's own.
    /// Asked only when the scheme is shared, once per tag.
    public func otherOwner(of tag: VersionTag) -> String? {
        guard scope.sharesScheme else { return nil }
        if let known = ownership[tag.name] { return known }
        let reason = evidence(for: tag)
        ownership[tag.name] = .some(reason)
        return reason
    }

    private func evidence(for tag: VersionTag) -> String? {
        let commit = tag.tag.target
        if !scope.folder.isEmpty, !facts.hasFolder(scope.folder, at: commit) {
            return "\(scope.folder)/ did not exist at its commit"
        }
        let read = { [facts] (path: String) in facts.contents(of: path, at: commit) }
        let own = PackageVersionFile.primary(scope.versionFiles, read: read)
        if let own, VersionFileValue.holds(own.value, tag.version, pep440: own.spec.format.isPEP440) {
            return nil
        }
        for neighbour in scope.neighbours where neighbour.folder != scope.folder {
            if let file = PackageVersionFile.primary(neighbour.versionFiles, read: read),
               VersionFileValue.holds(file.value, tag.version, pep440: file.spec.format.isPEP440) {
                return "\(neighbour.name)'s release: \(file.spec.path) says \(file.value) at its commit"
            }
        }
        // A maintained version file that said another version at the tag and is still below the tag's
        // version now: the package never reached that version, so the tag is not its release. A file that
        // never changes (`0.0.0` while tags carry the versions) or did not exist at the tag says nothing.
        if let own, let current = currentVersionFile, current.spec == own.spec, current.value != own.value,
           let now = current.version, now.version < tag.version.version {
            return "\(own.spec.path) says \(own.value) at its commit and \(current.value) now"
        }
        return nil
    }

    /// The package's version file at HEAD, read once.
    private lazy var currentVersionFile: PackageVersionFile? = {
        guard let head = try? facts.headCommit() else { return nil }
        return PackageVersionFile.primary(scope.versionFiles, read: { [facts] in facts.contents(of: $0, at: head) })
    }()

    /// True when `tag` is one of the package's releases: it points at a commit and is not another package's.
    public func isRelease(_ tag: VersionTag) -> Bool {
        pointsAtCommit(tag) && otherOwner(of: tag) == nil
    }

    /// The package's releases, highest version first (every tag checked, the first time).
    public var releases: [VersionTag] {
        if let checkedReleases { return checkedReleases }
        let all = listed.filter(isRelease)
        checkedReleases = all
        return all
    }

    /// Every tag of the scheme that points at a commit, the package's or not, highest version first.
    public var schemeTags: [VersionTag] { listed.filter(pointsAtCommit) }

    /// The tag of the scheme named `name` that points at a commit, whoever's release it is.
    public func existingTag(named name: String) -> VersionTag? {
        listedByName[name].flatMap { pointsAtCommit($0) ? $0 : nil }
    }

    /// The release tag for `version`: the tag named `name` (what the user wrote), else the package's
    /// release with the same version.
    public func tag(for version: ReleaseVersion, named name: String?) -> VersionTag? {
        name.flatMap { existingTag(named: $0) } ?? listed.first { $0.version.version == version.version && isRelease($0) }
    }

    /// The one rule that names release tags, for every command: the version's existing tag; else the tag
    /// prefix (`--tag-prefix`, the package's, `[tags] prefix`) plus the version; else the prefix the version
    /// was written with (`v1.2.3`); else the style of the newest release tag (`v0.1.2` makes `1.2.3` into
    /// `v1.2.3`, `0.1.2` keeps it bare); else `v`.
    public func tagName(for version: ReleaseVersion, written text: String? = nil) -> String {
        if let existing = tag(for: version, named: text ?? version.description) { return existing.name }
        if let prefix = pattern.prefix { return prefix + version.bare }
        if !version.prefix.isEmpty { return version.prefix + version.bare }
        return (listed.first(where: pointsAtCommit)?.version.prefix ?? "v") + version.bare
    }

    /// Parses a VERSION argument, with or without the tag prefix.
    public func version(_ text: String) throws -> ReleaseVersion {
        guard let parsed = ReleaseVersion(text, prefix: pattern.prefix) ?? ReleaseVersion(text) else {
            throw TagFamily.invalidVersion(text, prefix: pattern.prefix,
                                           tags: ((try? facts.listedTags()) ?? []).filter(facts.pointsAtCommit))
        }
        return parsed
    }

    // MARK: The plan

    /// Plans the release `request` asks for.
    public func plan(_ request: RangeRequest) throws -> ReleasePlan {
        let version = try request.version.map { try self.version($0) }
        let releaseTag = version.flatMap { tag(for: $0, named: request.version) }

        let to: CommitID
        let toLabel: String
        if let revision = request.to {
            to = try facts.resolve(revision, option: "--to")
            toLabel = revision
        } else if let releaseTag {
            to = releaseTag.tag.target
            toLabel = releaseTag.name
        } else {
            guard let head = try facts.headCommit() else {
                throw NotesError(.repository, "HEAD does not point at a commit", hint: "check out a branch")
            }
            to = head
            toLabel = "HEAD"
        }
        var plan = ReleasePlan(version: version, releaseTag: releaseTag,
                               tagName: version.map { tagName(for: $0, written: request.version ?? $0.description) },
                               to: to, toLabel: toLabel)

        if let revision = request.from {
            let from = try facts.resolve(revision, option: "--from")
            plan.from = from
            plan.fromLabel = revision
            plan.previousTag = existingTag(named: revision).flatMap { $0.tag.target == from ? $0 : nil }
            return plan
        }

        var passed: [(tag: String, reason: String)] = []
        let isOwn = { [self] (tag: VersionTag) -> Bool in
            guard pointsAtCommit(tag) else { return false }
            if let reason = otherOwner(of: tag) {
                passed.append((tag.name, reason))
                return false
            }
            return true
        }
        let previous: VersionTag?
        if let version {
            previous = PreviousTagRule.first(for: version, excluding: releaseTag?.name, among: listed,
                                             stableStart: scope.stableStart, where: isOwn)
            if let previous, previous.tag.target != to {
                let label = "\(previous.name)..\(toLabel)"
                let ancestor = try facts.isAncestor(previous.tag.target, of: to, rangeLabel: label)
                plan.previousIsAncestor = ancestor
                if !ancestor {
                    plan.warnings.append(
                        "\(previous.name) is not an ancestor of \(toLabel) (a release branch or a re-created tag): the notes "
                            + "list the commits reachable from \(toLabel) and not from \(previous.name), as git's "
                            + "\(previous.name)..\(toLabel) does")
                }
            } else if previous != nil {
                plan.previousIsAncestor = true
            }
        } else {
            previous = try latestReachable(excluding: releaseTag?.name, to: to, toLabel: toLabel, isOwn: isOwn)
            if previous != nil { plan.previousIsAncestor = true }
        }
        plan.passedOver = passed
        plan.previousTag = previous
        plan.from = previous?.tag.target
        plan.fromLabel = previous?.name
        if previous == nil, let bootstrap = try ReleaseBootstrap.find(scope: scope, version: version, to: to, facts: facts) {
            plan.bootstrap = bootstrap
            plan.from = bootstrap.commit
            plan.fromLabel = bootstrap.commit.short
        }
        return plan
    }

    /// "Unreleased" and `notes bump`: the package's release with the highest version reachable from `to`.
    /// The first candidate is asked about first (it is nearly always the answer, and the facts' walk that
    /// answers it is the range's own walk); otherwise a search over the rest, dropping another package's
    /// tags as it meets them.
    private func latestReachable(excluding releaseTagName: String?, to: CommitID, toLabel: String,
                                 isOwn: (VersionTag) -> Bool) throws -> VersionTag? {
        let candidates = PreviousTagRule.candidates(for: nil, excluding: releaseTagName, among: listed,
                                                    stableStart: scope.stableStart)
        var firstIndex: Int?
        for (index, candidate) in candidates.enumerated() where isOwn(candidate) {
            firstIndex = index
            break
        }
        guard let firstIndex else { return nil }
        let first = candidates[firstIndex]
        if first.tag.target == to { return first }
        if try facts.isAncestor(first.tag.target, of: to, rangeLabel: "\(first.name)..\(toLabel)") { return first }
        var pool = candidates[(firstIndex + 1)...].filter(pointsAtCommit)
        while let found = try facts.firstReachable(Array(pool), from: to, rangeLabel: toLabel) {
            if isOwn(found) { return found }
            pool.removeAll { $0.name == found.name }
        }
        return nil
    }

    // MARK: Messages

    /// What to tell the user about a plan, once each, for stderr: the tags passed over, the bootstrap with
    /// the command that tags it, the warnings.
    public func notices(for plan: ReleasePlan) -> [String] {
        var lines: [String] = []
        if !plan.passedOver.isEmpty {
            let owner = scope.package.map { "\($0)'s" } ?? "this package's"
            let shown = plan.passedOver.prefix(3).map { "\($0.tag) (\($0.reason))" }.joined(separator: ", ")
            let more = plan.passedOver.count > 3 ? " and \(plan.passedOver.count - 3) more" : ""
            lines.append("passed over tags that are not \(owner) releases: \(shown)\(more)")
        }
        if let bootstrap = plan.bootstrap {
            let previous = bootstrap.version.flatMap { VersionFileValue.releaseVersion($0, pep440: true) }
            let name = previous.map { tagName(for: $0) }
            let free = name.flatMap { existingTag(named: $0) == nil ? $0 : nil }
            lines.append(bootstrap.notice(tagPrefix: pattern.prefix, tagName: free, taken: free == nil ? name : nil))
        }
        return lines + plan.warnings.map { "warning: " + $0 }
    }
}
