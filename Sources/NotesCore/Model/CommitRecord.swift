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
    /// For a change read out of another commit's body (`BodyChanges`): its place among that body's changes
    /// (from 1) and the commit's pull request; nil for a commit itself.
    public let bodyChange: BodyChangeOrigin?

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
        bodyChange = nil
    }

    /// A record of the same commit with another message: the commit without its body's changes, or one of
    /// them (`origin`).
    private init(_ commit: CommitRecord, message: ParsedMessage, origin: BodyChangeOrigin?) {
        id = commit.id
        parentCount = commit.parentCount
        parents = commit.parents
        author = commit.author
        self.message = message
        issues = IssueReferenceExtractor.references(in: message)
        revert = origin == nil ? commit.revert : nil
        issueLinkKeys = IssueReferenceExtractor.issueLinkKeys(in: message, references: issues)
        bodyChange = origin
    }

    /// The commit without the changes its body lists, then each of them as a record of its own (same id,
    /// author and date), or nil when the body lists none (`BodyChanges`). Merges never split.
    public func splittingBody(types: Set<String>) -> [CommitRecord]? {
        guard !isMerge, bodyChange == nil, let split = BodyChanges.split(message, types: types) else { return nil }
        let number = SquashSuffix.split(conventional?.description ?? subject).number
        let pullRequest = number.map { IssueReference(number: $0) }
        return [CommitRecord(self, message: split.commit, origin: nil)]
            + split.changes.enumerated().map { index, change in
                CommitRecord(self, message: change, origin: BodyChangeOrigin(index: index + 1, pullRequest: pullRequest))
            }
    }

    /// The first line of the message (for a change of a body, its header line).
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

/// Where a change read out of a commit's body comes from.
public struct BodyChangeOrigin: Sendable, Hashable {
    /// Its place among the body's changes, from 1.
    public var index: Int
    /// The commit's pull request (its squash suffix `(#N)`), shown on the change as well.
    public var pullRequest: IssueReference?
}
