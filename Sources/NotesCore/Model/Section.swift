/// A section of release notes: a stable id and its title. The built-in sections are the static members,
/// in `allCases` order; `[[section]]` in `notes.toml` can rename them, reorder them and add others.
/// Two sections are the same when their ids are.
public struct SectionKind: RawRepresentable, Hashable, Sendable, Codable, CaseIterable {
    /// The stable id (`features`).
    public let rawValue: String
    /// The title shown as the section's heading.
    public let title: String

    /// A section by id, with its built-in title (or the id itself for ids that are not built in).
    public init(rawValue: String) {
        self.rawValue = rawValue
        title = Self.builtinTitles[rawValue] ?? rawValue
    }

    /// A section with a title of its own.
    public init(id: String, title: String) {
        rawValue = id
        self.title = title
    }

    /// Same id, same section.
    public static func == (lhs: SectionKind, rhs: SectionKind) -> Bool { lhs.rawValue == rhs.rawValue }
    /// Hashes the id.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Breaking changes: every commit marked `!` or with a `BREAKING CHANGE` footer.
    public static let breaking = SectionKind(rawValue: "breaking")
    /// `feat`.
    public static let features = SectionKind(rawValue: "features")
    /// `fix`.
    public static let fixes = SectionKind(rawValue: "fixes")
    /// `perf`.
    public static let performance = SectionKind(rawValue: "performance")
    /// `revert`, and git's `Revert "…"` commits.
    public static let reverts = SectionKind(rawValue: "reverts")
    /// `docs`.
    public static let documentation = SectionKind(rawValue: "documentation")
    /// `refactor`.
    public static let refactoring = SectionKind(rawValue: "refactoring")
    /// `test`, `tests`.
    public static let tests = SectionKind(rawValue: "tests")
    /// `build`.
    public static let build = SectionKind(rawValue: "build")
    /// `ci`.
    public static let ci = SectionKind(rawValue: "ci")
    /// `chore`.
    public static let chores = SectionKind(rawValue: "chores")
    /// `style`.
    public static let styles = SectionKind(rawValue: "styles")
    /// Non-conventional commits and types no section lists.
    public static let other = SectionKind(rawValue: "other")

    /// The built-in sections in the order they are shown.
    public static let allCases: [SectionKind] = [
        .breaking, .features, .fixes, .performance, .reverts, .documentation, .refactoring, .tests, .build, .ci,
        .chores, .styles, .other,
    ]

    private static let builtinTitles: [String: String] = [
        "breaking": "Breaking changes", "features": "Features", "fixes": "Bug fixes", "performance": "Performance",
        "reverts": "Reverts", "documentation": "Documentation", "refactoring": "Refactoring", "tests": "Tests",
        "build": "Build", "ci": "CI", "chores": "Chores", "styles": "Styles", "other": "Other changes",
    ]
}

/// Why a commit of the range is not in the notes.
public enum SkipReason: String, Sendable, Codable {
    /// A merge commit; the commits it brings in are listed on their own.
    case merge
    /// A release commit: `chore(release): …`, or another convention `commits.release_commits` detects.
    case release
    /// A commit undone by a revert in the same range.
    case reverted
    /// A revert whose reverted commit is in the same range: the two cancel out.
    case revert
    /// A `[[skip]]` rule of the configuration matched it (`ClassifiedCommit.skipRule` says which).
    case rule
    /// Its type is in `commits.hidden_types`.
    case hidden
    /// Its scope is not in `commits.scopes`.
    case scope
    /// A `[[rule]]` with `skip = true` matched it (`ClassifiedCommit.commitRule` says which).
    case commitRule = "commit-rule"
    /// The previous release (not an ancestor) has a commit with the same subject: a cherry-picked backport,
    /// released already (`commits.cherry_picks`); `ClassifiedCommit.cancelledWith` is that commit.
    case cherryPicked = "cherry-picked"
    /// A correction in the edits file leaves it out (`notes edit COMMIT --leave-out`).
    case edited
}
