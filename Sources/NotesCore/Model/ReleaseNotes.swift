import NotesGit

/// Where a release's commits come from and what it is called.
public struct ReleaseInfo: Sendable {
    /// The heading: the tag name, the version as given, or "Unreleased".
    public var title: String
    /// The version, when one was given or found.
    public var version: ReleaseVersion?
    /// The release's tag name (existing or to be created), nil for "Unreleased".
    public var tagName: String?
    /// True when the tag already exists.
    public var tagExists: Bool
    /// The previous release tag the range starts after, if any.
    public var previousTag: String?
    /// The previous tag's date (unix seconds).
    public var previousTagDate: Int64?
    /// The release date (unix seconds): the tag's date, `SOURCE_DATE_EPOCH`, or now.
    public var date: Int64
    /// First excluded commit (nil: the whole history).
    public var from: CommitID?
    /// The last commit of the range.
    public var to: CommitID
    /// The range as the user would write it: `v1.2.2..HEAD`.
    public var rangeLabel: String
    /// What a compare page compares: revisions the forge knows (tags, else full ids) and the link text
    /// (`v1.2.2...v1.2.3`). Nil for the whole history.
    public var comparison: (from: String, to: String, label: String)?
    /// What the user should know about the range, one sentence each (the previous tag is not an ancestor).
    public var warnings: [String]

    /// Makes release information.
    public init(title: String, version: ReleaseVersion?, tagName: String?, tagExists: Bool, previousTag: String?,
                previousTagDate: Int64?, date: Int64, from: CommitID?, to: CommitID, rangeLabel: String,
                warnings: [String] = [], comparison: (from: String, to: String, label: String)?) {
        self.warnings = warnings
        self.title = title
        self.version = version
        self.tagName = tagName
        self.tagExists = tagExists
        self.previousTag = previousTag
        self.previousTagDate = previousTagDate
        self.date = date
        self.from = from
        self.to = to
        self.rangeLabel = rangeLabel
        self.comparison = comparison
    }
}

/// One line of release notes: one commit, or several commits that link the same issue.
public struct Entry: Sendable {
    /// The section it is listed in.
    public var section: SectionKind
    /// The scope of the first commit, if any.
    public var scope: String?
    /// The description of the first commit (subject for non-conventional commits), without a `(#123)` suffix.
    public var description: String
    /// The texts of `BREAKING CHANGE` footers of its commits.
    public var breakingTexts: [String]
    /// The issues its commits link (the folding issue first).
    public var issues: [IssueReference]
    /// Its commits, oldest first.
    public var commits: [CommitID]
    /// For a revert of a commit from an earlier release: that commit's id (as written) and subject.
    public var reverted: RevertInfo?
    /// True for the one line that folds a release's dependency updates ("12 dependency updates").
    public var foldsDependencyUpdates = false
}

/// A commit of the range with what happened to it.
public struct ClassifiedCommit: Sendable {
    /// The commit.
    public var record: CommitRecord
    /// The section it went to, nil when skipped.
    public var section: SectionKind?
    /// Why it was skipped, nil when listed.
    public var skipped: SkipReason?
    /// The `[[skip]]` rule (numbered from 1) that skipped it, when `skipped` is `rule`.
    public var skipRule: Int?
    /// The `[[rule]]` (numbered from 1) that matched it: skipped it, chose its section or rewrote its description.
    public var commitRule: Int?
    /// The revert that cancels it, or the commit this revert cancels, when `skipped` is `reverted` or `revert`.
    public var cancelledWith: CommitID?
    /// Why it is a release commit, when `skipped` is `release` (`ReleaseCommitRule.reason`).
    public var releaseReason: String?
    /// The correction of the edits file applied to it, if any.
    public var edit: CommitEdit?
    /// With an edit: the type the bump sees (an edited section's first type), nil for none.
    public var bumpType: String?
    /// With an edit: whether the bump sees a breaking change.
    public var bumpBreaking = false
}

/// An issue the release references.
public struct IssueSummary: Sendable {
    /// The reference (number, optional owner/repository).
    public var reference: IssueReference
    /// How many listed commits reference it.
    public var commitCount: Int
    /// True when a closing keyword or footer closes it.
    public var closes: Bool
}

/// An author and how many listed commits they wrote.
public struct Contributor: Sendable {
    /// The author's name.
    public var name: String
    /// The author's email.
    public var email: String
    /// Their number of commits in the notes (skipped commits not counted).
    public var commitCount: Int
    /// Their GitHub handle (`just-a-stream`, without `@`): from `[contributors] handles` or a no-reply address.
    public var handle: String?
    /// True for a bot account (`[bot]` in the name or address).
    public var isBot = false
    /// Their oldest listed commit of the range.
    public var firstCommit: CommitID?
    /// What joins them to identities elsewhere in the history (``PeopleRules/keys(of:)``).
    var keys: Set<String> = []

    /// Makes a contributor.
    public init(name: String, email: String, commitCount: Int, handle: String? = nil) {
        self.name = name
        self.email = email
        self.commitCount = commitCount
        self.handle = handle
    }
}

/// A person whose first commit in the repository's whole history is in this release.
public struct NewContributor: Sendable {
    /// The person.
    public var contributor: Contributor
    /// Their first commit: their oldest listed commit of the release.
    public var commit: CommitID
    /// The pull request that brought that commit in (a `Merge pull request #N` merge or a `(#N)` suffix).
    public var pullRequest: IssueReference?
}

/// Release notes before rendering: sections in display order, the breaking changes, issues and people.
public struct ReleaseNotes: Sendable {
    /// What the release is and its range.
    public var info: ReleaseInfo
    /// Non-empty sections in display order, each with its entries (oldest first).
    public var sections: [(kind: SectionKind, entries: [Entry])]
    /// Every commit of the range, newest first, with where it went.
    public var commits: [ClassifiedCommit]
    /// The issues referenced by listed commits, by key order (`#12` before `#100`, local before cross-repo).
    public var issues: [IssueSummary]
    /// The authors of listed commits, most commits first, then by name.
    public var contributors: [Contributor]
    /// The contributors whose first commit in the whole history is in this release, in `contributors`' order;
    /// nil when not computed (the template does not use them).
    public var newContributors: [NewContributor]?
    /// The pull requests merges brought commits in with, when grouping read them (`merge_pull_requests`).
    var pullRequests: [CommitID: IssueReference]?
    /// Commits of the range outside the package's paths, newest first; filled only for `--explain`.
    public var outsidePaths: [CommitRecord] = []
    /// Section ids the release notes fold into one line (`[commits] maintenance`).
    public var maintenanceSections: Set<String> = []

    /// The breaking-changes section's entries.
    public var breaking: [Entry] { sections.first { $0.kind == .breaking }?.entries ?? [] }
}
