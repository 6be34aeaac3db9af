import NotesGit

/// The next version and why: the previous release and the changes since it.
public struct VersionPlan: Sendable {
    /// The previous release tag, nil for a first release (or when the version files disagree with it).
    public var previous: VersionTag?
    /// The version the next one is computed from: the previous tag's, or the version files' (see
    /// ``VersionBaseline``); nil for a first release.
    public var current: ReleaseVersion?
    /// Where `current` came from, for messages: `v0.1.2`, or `0.1.2 (barter-python/Cargo.toml)`.
    public var currentLabel: String?
    /// The next version.
    public var next: ReleaseVersion
    /// Commits since the previous release that count as changes (see ``ChangeSummary``).
    public var commitCount: Int
    /// The range read: `v0.1.2..HEAD, 3 commits`.
    public var summary: String

    /// The changes since the previous release (the latest release tag reachable from HEAD, else the
    /// bootstrap) and what they make the next version, per ``NextVersion``, counted from the version
    /// ``VersionBaseline`` chooses. `explicit` is `--to` (or `release VERSION`).
    public static func make(_ history: ReleaseHistory, preID: String?, explicit: ReleaseVersion?, now: Int64) throws
        -> VersionPlan
    {
        let unreleased = try history.release(RangeRequest(), now: now)
        let previous = unreleased.notes.info.previousTag.flatMap { history.existingTag(named: $0) }
        let baseline = try VersionBaseline.choose(history, tagged: previous, explicit: explicit)
        let changes = ChangeSummary(unreleased.notes)
        let next = try NextVersion.compute(
            current: baseline.current, hasBreaking: changes.hasBreaking, hasFeature: changes.hasFeature,
            hasAnyChange: changes.count > 0, rules: history.settings.bumpRules, preID: preID, explicit: explicit)
        return VersionPlan(previous: previous, current: baseline.current, currentLabel: baseline.label, next: next,
                           commitCount: changes.count, summary: unreleased.summary)
    }
}

/// The version a bump counts from: the package's version files as committed at HEAD are the source of truth.
///
/// - Files and the previous tag agree (or there are no version files): the tag.
/// - No previous tag (a bootstrapped package): the files' version, so 0.1.2 in the files gives 0.1.3.
/// - They disagree: the higher wins, said on stderr. A tag above the files is the package's release made
///   before the bump (the planner has already left out another package's tags, such as an old crate's
///   `v0.8.4`), so the next version comes after it; files above the tag were bumped since.
/// - `explicit` that the committed files already hold (the bump was committed): counted from a lower
///   previous tag, else from nothing (no lower bound).
/// The committed files are read, not the work tree, so an uncommitted `notes bump` does not move the
/// baseline: `bump` twice gives the same version, and `release` after `bump` releases that version.
public struct VersionBaseline: Sendable {
    /// The version counted from; nil for a first release.
    public var current: ReleaseVersion?
    /// `v0.1.2`, or `0.1.2 (barter-python/Cargo.toml)`.
    public var label: String?

    static func choose(_ history: ReleaseHistory, tagged: VersionTag?, explicit: ReleaseVersion?) throws
        -> VersionBaseline
    {
        let tagBaseline = VersionBaseline(current: tagged?.version, label: tagged?.name)
        guard let head = try? history.repository.headCommit(),
              let file = PackageVersionFile.primary(history.settings.versionFiles, read: {
                  try history.repository.fileContents(atPath: $0, in: head)
              }),
              let committed = file.version
        else { return tagBaseline }
        let fileBaseline = VersionBaseline(current: committed, label: "\(file.value) (\(file.spec.path))")
        if let explicit, committed.version == explicit.version {
            if let tagged, tagged.version.version < explicit.version { return tagBaseline }
            return VersionBaseline(current: nil, label: nil)
        }
        guard let tagged else { return fileBaseline }
        guard tagged.version.version != committed.version else { return tagBaseline }
        // The planner keeps only the package's own releases: a release tag above the files is a release made
        // before the files were bumped (issue 20, case 4), and the next version must come after it.
        if tagged.version.version > committed.version {
            history.say("\(file.spec.path) holds \(file.value), below the release tag \(tagged.name): counting from "
                + "\(tagged.name) (the release was tagged before the version files were bumped)")
            return tagBaseline
        }
        history.say("the release tag \(tagged.name) says \(tagged.version.bare), but \(file.spec.path) holds "
            + "\(file.value): counting from the files (if \(tagged.name) is not this package's, leave such tags "
            + "out with [tags] ignore or the package's tag_ignore)")
        return fileBaseline
    }
}
