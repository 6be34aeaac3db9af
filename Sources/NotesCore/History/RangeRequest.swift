import NotesGit

/// Which release of a ``ReleaseHistory`` to describe: a version, and optionally the range's ends.
public struct RangeRequest: Sendable {
    /// The version being released (`v1.2.3`), nil for "Unreleased".
    public var version: String?
    /// Overrides the start of the range (exclusive): any revision.
    public var from: String?
    /// Overrides the end of the range (inclusive): any revision.
    public var to: String?
    /// Also collect the commits the path filter leaves out (`ReleaseNotes.outsidePaths`), for `--explain`.
    public var listOutsidePaths = false
    /// Also find the release's new contributors (`ReleaseNotes.newContributors`): a read of the history
    /// before the range, done only when a template or `--context` shows them.
    public var newContributors = false

    /// Makes a request.
    public init(version: String? = nil, from: String? = nil, to: String? = nil,
                listOutsidePaths: Bool = false) {
        self.version = version
        self.from = from
        self.to = to
        self.listOutsidePaths = listOutsidePaths
    }
}

