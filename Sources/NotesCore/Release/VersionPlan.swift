import NotesGit

/// The next version and why: the previous release and the changes since it.
public struct VersionPlan: Sendable {
    /// The previous release tag, nil for a first release.
    public var previous: VersionTag?
    /// The next version.
    public var next: ReleaseVersion
    /// Commits since the previous release that count as changes (see ``ChangeSummary``).
    public var commitCount: Int
    /// The range read: `v0.1.2..HEAD, 3 commits`.
    public var summary: String

    /// The changes since the previous release (the latest release tag reachable from HEAD) and what they
    /// make the next version, per ``NextVersion``. `explicit` is `--to` (or `release VERSION`).
    public static func make(_ history: ReleaseHistory, preID: String?, explicit: ReleaseVersion?, now: Int64) throws
        -> VersionPlan
    {
        let unreleased = try history.release(RangeRequest(), now: now)
        let previous = unreleased.notes.info.previousTag.flatMap { history.existingTag(named: $0) }
        let changes = ChangeSummary(unreleased.notes)
        let next = try NextVersion.compute(
            current: previous?.version, hasBreaking: changes.hasBreaking, hasFeature: changes.hasFeature,
            hasAnyChange: changes.count > 0, rules: history.settings.bumpRules, preID: preID, explicit: explicit)
        return VersionPlan(previous: previous, next: next, commitCount: changes.count, summary: unreleased.summary)
    }
}
