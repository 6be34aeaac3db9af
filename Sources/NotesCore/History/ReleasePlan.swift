import NotesGit

/// What the planner decided about one release: where its range starts and ends, which tag came before,
/// which tag it has or gets, and what the user should be told. A value: the history walks it, tests compare it.
public struct ReleasePlan: Sendable {
    /// The version being described; nil for "Unreleased".
    public var version: ReleaseVersion?
    /// The release's existing tag.
    public var releaseTag: VersionTag?
    /// The tag the release has or gets (``ReleasePlanner/tagName(for:written:)``); nil for "Unreleased".
    public var tagName: String?
    /// The range's end (inclusive).
    public var to: CommitID
    /// How the end is written: the tag, `HEAD`, or `--to`'s revision.
    public var toLabel: String
    /// The range's start (exclusive); nil for the whole history.
    public var from: CommitID?
    /// How the start is written: the previous tag, `--from`'s revision, or the bootstrap commit's short id.
    public var fromLabel: String?
    /// The previous release tag the range starts after.
    public var previousTag: VersionTag?
    /// Whether the previous tag is an ancestor of the release; nil when not asked (no previous tag, or
    /// `--from`).
    public var previousIsAncestor: Bool?
    /// Where the release starts when the package has no earlier release.
    public var bootstrap: ReleaseBootstrap?
    /// Tags of the package's scheme that were passed over as another package's releases, with why.
    public var passedOver: [(tag: String, reason: String)] = []
    /// Warnings for stderr (the previous tag is not an ancestor).
    public var warnings: [String] = []

    /// `from..to`, or `to` alone for the whole history.
    public var rangeLabel: String { fromLabel.map { "\($0)..\(toLabel)" } ?? toLabel }
}
