/// The sections of release notes, in the order they are shown.
public enum SectionKind: String, CaseIterable, Sendable, Codable {
    case breaking, features, fixes, performance, reverts, documentation, refactoring, tests, build, ci, chores,
         styles, other

    /// The section's title.
    public var title: String {
        switch self {
        case .breaking: "Breaking changes"
        case .features: "Features"
        case .fixes: "Bug fixes"
        case .performance: "Performance"
        case .reverts: "Reverts"
        case .documentation: "Documentation"
        case .refactoring: "Refactoring"
        case .tests: "Tests"
        case .build: "Build"
        case .ci: "CI"
        case .chores: "Chores"
        case .styles: "Styles"
        case .other: "Other changes"
        }
    }

    /// The section a Conventional Commits type goes to (case-insensitive); unknown types go to `other`.
    public static func forType(_ type: String) -> SectionKind {
        switch type.lowercased() {
        case "feat": .features
        case "fix": .fixes
        case "perf": .performance
        case "revert": .reverts
        case "docs": .documentation
        case "refactor": .refactoring
        case "test", "tests": .tests
        case "build": .build
        case "ci": .ci
        case "chore": .chores
        case "style": .styles
        default: .other
        }
    }
}

/// Why a commit of the range is not in the notes.
public enum SkipReason: String, Sendable, Codable {
    /// A merge commit; the commits it brings in are listed on their own.
    case merge
    /// A `chore(release): …` commit.
    case release
    /// A commit undone by a revert in the same range.
    case reverted
    /// A revert whose reverted commit is in the same range: the two cancel out.
    case revert
}
