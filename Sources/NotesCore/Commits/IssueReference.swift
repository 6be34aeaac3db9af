/// A reference to an issue or pull request: `#123`, `GH-123` or `owner/repo#123`.
public struct IssueReference: Hashable, Sendable, Codable, Comparable {
    /// The owner for `owner/repo#123`; nil for a reference in the same repository.
    public var owner: String?
    /// The repository for `owner/repo#123`; nil for a reference in the same repository.
    public var repository: String?
    /// The issue or pull request number.
    public var number: Int
    /// True when referenced with a closing keyword (close, closes, closed, fix, fixes, fixed,
    /// resolve, resolves, resolved; any case) or in a footer with such a token (`Closes: #3`).
    public var closes: Bool
    /// `"#123"`, or `"owner/repo#123"` for another repository; `GH-123` becomes `"#123"`.
    public var key: String

    /// Creates a reference; the key is derived from owner, repository and number.
    public init(owner: String? = nil, repository: String? = nil, number: Int, closes: Bool = false) {
        self.owner = owner
        self.repository = repository
        self.number = number
        self.closes = closes
        if let owner, let repository {
            key = "\(owner)/\(repository)#\(number)"
        } else {
            key = "#\(number)"
        }
    }

    /// Same-repository references first, then by owner, repository, number; non-closing before closing.
    public static func < (lhs: IssueReference, rhs: IssueReference) -> Bool {
        let left = (lhs.owner ?? "", lhs.repository ?? "", lhs.number)
        let right = (rhs.owner ?? "", rhs.repository ?? "", rhs.number)
        if left != right { return left < right }
        if lhs.closes != rhs.closes { return !lhs.closes }
        return lhs.key < rhs.key
    }
}
