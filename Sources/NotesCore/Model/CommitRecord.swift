import NotesGit

/// One commit of a range, decoded and parsed: what grouping and rendering work from.
///
/// A class, not a struct: it is immutable, and grouping hands each record through several arrays
/// (classified, listed, per section); as a struct each of those copies retained its nine fields (a 100k-commit
/// `changelog --all` spent about a tenth of its grouping time copying and destroying records).
public final class CommitRecord: Sendable {
    /// The commit's id.
    public let id: CommitID
    /// How many parents it has (more than one: a merge).
    public let parentCount: Int
    /// Its parents' ids, the first parent first.
    public let parents: [CommitID]
    /// The author, with name and email decoded.
    public let author: Signature
    /// The message split into subject, body and footers, and its Conventional Commits reading.
    public let message: ParsedMessage
    /// Issues the message links, in order of first appearance.
    public let issues: [IssueReference]
    /// What the commit reverts, when it is a revert.
    public let revert: RevertInfo?
    /// Keys of the references that link an issue rather than mention it: closing ones, and those of
    /// `Refs:`-style footers (what `issues.list = "issues"` shows).
    public let issueLinkKeys: Set<String>

    /// Decodes and parses a raw commit.
    public init(_ raw: RawCommit) {
        id = raw.id
        parentCount = raw.parents.count
        parents = raw.parents
        author = raw.author
        let text = MessageDecoder.decode(raw.message, encoding: raw.encoding)
        message = CommitMessageParser.parse(text)
        issues = IssueReferenceExtractor.references(in: message)
        revert = RevertDetector.revert(in: message)
        issueLinkKeys = IssueReferenceExtractor.issueLinkKeys(in: message, references: issues)
    }

    /// The first line of the message.
    public var subject: String { message.subject }
    /// The Conventional Commits reading, nil when the message does not follow it.
    public var conventional: ConventionalCommit? { message.conventional }
    /// True for merge commits.
    public var isMerge: Bool { parentCount > 1 }
    /// True for `chore(release): …` commits, which the release tooling makes (`ReleaseCommitRule` also
    /// detects other conventions).
    public var isReleaseCommit: Bool {
        ReleaseCommitRule.isReleaseCommit(self, version: nil, tagged: false, detect: false)
    }
}
