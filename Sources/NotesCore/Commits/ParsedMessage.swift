/// A commit message split into subject, body and footers, conventional or not.
public struct ParsedMessage: Hashable, Sendable {
    /// The first line (the header) as written, without surrounding whitespace or `\r`.
    public var subject: String
    /// The text between the subject and the footers, trimmed; nil when empty.
    public var body: String?
    /// The final trailer paragraph as footers, parsed for every message, conventional or not.
    public var footers: [Footer]
    /// The conventional reading of the message, or nil when it does not follow the specification.
    public var conventional: ConventionalCommit?
    /// Why the message is not conventional (e.g. `"empty description"`); nil when it is.
    public var nonConformance: String?

    /// Creates a parsed message from its parts.
    public init(
        subject: String, body: String? = nil, footers: [Footer] = [],
        conventional: ConventionalCommit? = nil, nonConformance: String? = nil
    ) {
        self.subject = subject
        self.body = body
        self.footers = footers
        self.conventional = conventional
        self.nonConformance = nonConformance
    }
}
