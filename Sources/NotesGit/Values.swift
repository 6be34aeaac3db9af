internal import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A person and a moment, as recorded in a commit's author or committer line or a tag's tagger line.
public struct Signature: Hashable, Sendable {
    /// The name (invalid UTF-8 is repaired with U+FFFD).
    public var name: String
    /// The email address, without angle brackets.
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// The author's time zone offset from UTC in minutes (+0200 is 120).
    public var offsetMinutes: Int

    /// Creates a signature from its parts.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Copies a libgit2 signature (the pointer is borrowed).
    init(_ signature: UnsafePointer<git_signature>) {
        name = string(signature.pointee.name)
        email = string(signature.pointee.email)
        time = signature.pointee.when.time
        offsetMinutes = Int(signature.pointee.when.offset)
    }
}

/// A commit copied out of the object database: ids, signatures and the message bytes exactly as stored.
public struct RawCommit: Sendable {
    /// The commit's id.
    public let id: CommitID
    /// The parent ids in order; the first parent first. Empty for a root commit.
    public let parents: [CommitID]
    /// Who wrote the change, and when.
    public let author: Signature
    /// Who made the commit, and when; walks order by this time.
    public let committer: Signature
    /// The raw message bytes, exactly as stored (not re-encoded, not cleaned up).
    public let message: [UInt8]
    /// The commit's `encoding` header (for example "ISO-8859-1"), nil when absent (which means UTF-8).
    public let encoding: String?

    /// Creates a commit value from its parts.
    public init(
        id: CommitID, parents: [CommitID], author: Signature, committer: Signature,
        message: [UInt8], encoding: String?
    ) {
        self.id = id
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
        self.encoding = encoding
    }

    /// The parents a commit's header records. Only asked for commits libgit2 says have none: libgit2 1.7 and
    /// later (Homebrew's 1.9) apply `.git/shallow` as grafts and report a shallow clone's boundary commits as
    /// parentless, where 1.5 (Debian 12) reports the parents the object names. notes tells a truncated range
    /// from a root commit by those parents, so it reads them from the header the same way on both.
    static func recordedParents(_ commit: OpaquePointer) -> [CommitID] {
        guard let header = git_commit_raw_header(commit) else { return [] }
        var parents: [CommitID] = []
        var line = header
        while line.pointee != 0 {
            var end = line
            while end.pointee != 0, end.pointee != 0x0A { end += 1 }
            if end - line == 47, strncmp(line, "parent ", 7) == 0 {
                var oid = git_oid()
                if git_oid_fromstrn(&oid, line + 7, 40) == 0 { parents.append(withUnsafePointer(to: &oid) { CommitID($0) }) }
            } else if strncmp(line, "tree ", 5) != 0, strncmp(line, "parent ", 7) != 0 {
                break  // the parent lines follow the tree line, before the author
            }
            if end.pointee == 0 { break }
            line = end + 1
        }
        return parents
    }

    /// Copies everything out of a `git_commit` (borrowed); the caller frees it.
    init(_ commit: OpaquePointer, id: CommitID) {
        let count = Int(git_commit_parentcount(commit))
        var parents = [CommitID]()
        parents.reserveCapacity(count)
        for index in 0..<count {
            if let oid = git_commit_parent_id(commit, UInt32(index)) { parents.append(CommitID(oid)) }
        }
        if count == 0 { parents = Self.recordedParents(commit) }
        self.id = id
        self.parents = parents
        if let author = git_commit_author(commit) {
            self.author = Signature(author)
        } else {
            self.author = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
        }
        if let committer = git_commit_committer(commit) {
            self.committer = Signature(committer)
        } else {
            self.committer = Signature(name: "", email: "", time: 0, offsetMinutes: 0)
        }
        if let raw = git_commit_message_raw(commit) {
            message = [UInt8](UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
        } else {
            message = []
        }
        encoding = git_commit_message_encoding(commit).map { String(cString: $0) }
    }
}

/// A tag as listed: its name and the commit it points at, after peeling annotated tags.
///
/// Listing (`Repository.tags()`) takes some targets on trust from packed-refs without reading the object
/// database (`isVerified` false): such a tag may turn out to point at a tree or a blob, or at a commit missing
/// from a shallow clone. `Repository.pointsAtCommit(_:)` checks before a tag is used as a release tag.
public struct TagRef: Sendable, Hashable {
    /// The short name, without `refs/tags/`.
    public let name: String
    /// The commit the tag points at, after peeling annotated tags. When `isVerified` is false it is an id
    /// packed-refs recorded, unchecked: the object may be a tree, a blob or missing.
    public let target: CommitID
    /// The annotated tag object's id; nil for a lightweight tag.
    public let object: CommitID?
    /// The tagger's time when listing read the tag object (a loose annotated tag); nil otherwise, and the
    /// date is then read when asked for (`Repository.tagDate(_:)`): the tagger's time, else the commit's.
    public let date: Int64?
    /// True when listing read the object database and found `target` to be a commit; false when it took
    /// `target` from packed-refs without reading it (`Repository.pointsAtCommit(_:)` checks).
    public let isVerified: Bool

    /// True for an annotated tag object, false for a lightweight tag.
    public var isAnnotated: Bool { object != nil }

    /// Creates a tag value from its parts; a hand-made tag is verified unless `verified` says otherwise.
    public init(name: String, target: CommitID, object: CommitID? = nil, date: Int64? = nil, verified: Bool = true) {
        self.name = name
        self.target = target
        self.object = object
        self.date = date
        self.isVerified = verified
    }
}

/// What an annotated tag object holds besides its target.
public struct TagDetails: Sendable, Hashable {
    /// The tagger's time; nil without a tagger line.
    public var date: Int64?
    /// The message as stored.
    public var message: String
    /// The tagger as `Name <email>`; nil without a tagger line.
    public var tagger: String?

    /// Creates the details from their parts.
    public init(date: Int64?, message: String, tagger: String?) {
        self.date = date
        self.message = message
        self.tagger = tagger
    }
}

/// What a walk should do after handing out a commit.
public enum WalkControl: Sendable {
    /// Hand out the next commit.
    case `continue`
    /// End the walk now; `walk` returns normally.
    case stop
}

/// Copies a borrowed C string; nil becomes "", invalid UTF-8 is repaired.
@inline(__always)
func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}
