/// One git-trailer-style footer of a commit message, such as `Reviewed-by: Z` or `Refs #133`.
public struct Footer: Hashable, Sendable, Codable {
    /// The token as written: `Reviewed-by`, `Refs`, `BREAKING CHANGE`, `BREAKING-CHANGE`.
    public var token: String
    /// The value after the separator, trimmed. A `#` separator stays part of the value
    /// (`Refs #133` gives `"#133"`), so issue numbers keep their sign. Continuation lines
    /// are joined with `"\n"`.
    public var value: String

    /// Creates a footer from its token and value.
    public init(token: String, value: String) {
        self.token = token
        self.value = value
    }

    /// True for the two tokens that mark a breaking change: `BREAKING CHANGE` and
    /// `BREAKING-CHANGE`, upper-case only, as the specification requires.
    public var isBreakingChange: Bool {
        token == "BREAKING CHANGE" || token == "BREAKING-CHANGE"
    }
}
