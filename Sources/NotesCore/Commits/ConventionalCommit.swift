/// A commit message that follows Conventional Commits 1.0.0, split into its parts.
public struct ConventionalCommit: Hashable, Sendable, Codable {
    /// The type, lower-cased: `feat`, `fix`, `docs`, or any other word of letters, digits and `-`.
    public var type: String
    /// The scope written in parentheses after the type, or nil when there is none.
    public var scope: String?
    /// The description after `: `, trimmed; never empty.
    public var description: String
    /// The text between the header and the footers, trimmed; nil when empty.
    public var body: String?
    /// The footers of the final trailer paragraph, in order.
    public var footers: [Footer]
    /// True when the header has `!` before the colon or a footer is `BREAKING CHANGE` / `BREAKING-CHANGE`.
    public var isBreaking: Bool
    /// The values of the `BREAKING CHANGE` / `BREAKING-CHANGE` footers, in order; empty when
    /// only `!` marks the break (the description then describes it).
    public var breakingDescriptions: [String]

    /// Creates a conventional commit from its parts.
    public init(
        type: String, scope: String? = nil, description: String, body: String? = nil,
        footers: [Footer] = [], isBreaking: Bool = false, breakingDescriptions: [String] = []
    ) {
        self.type = type
        self.scope = scope
        self.description = description
        self.body = body
        self.footers = footers
        self.isBreaking = isBreaking
        self.breakingDescriptions = breakingDescriptions
    }
}
