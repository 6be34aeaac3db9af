internal import CGit2
import Foundation

/// An error reported by libgit2, with the failing call and libgit2's own code, class and message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// The libgit2 error code (`GIT_ENOTFOUND` is -3, `GIT_EAMBIGUOUS` is -5, and so on).
    public let code: Int32
    /// The libgit2 error class (`GIT_ERROR_ODB`, `GIT_ERROR_CONFIG`, ...), 0 when libgit2 gave none.
    public let errorClass: Int32
    /// The message libgit2 gave, or a generic one when it gave none.
    public let message: String
    /// The C function (or library operation) that failed.
    public let call: String
    /// `errno` right after the call failed (0 when unknown): libgit2 sometimes fails a write with no message,
    /// and this still tells a full disk (`ENOSPC`) apart.
    public let systemError: Int32

    /// The full id of a commit libgit2 cannot parse (a malformed header line that `git fsck` reports), when
    /// that is what failed; the message then names it and the field.
    public let damagedCommit: String?

    /// Creates an error from its parts; the library makes these from libgit2 results.
    public init(code: Int32, errorClass: Int32, message: String, call: String, systemError: Int32 = 0,
                damagedCommit: String? = nil) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.call = call
        self.systemError = systemError
        self.damagedCommit = damagedCommit
    }

    /// True when the call failed because the disk (or the user's quota) is full.
    public var isDiskFull: Bool {
        let full = [ENOSPC, EDQUOT]
        if full.contains(where: { message.contains(String(cString: strerror($0))) }) { return true }
        // libgit2 often says only what failed ("failed to create tag annotation"); errno, read right after
        // the failed call, says why.
        return full.contains(systemError)
    }

    /// True when an object, reference, revision, repository or config key was not found (`GIT_ENOTFOUND`),
    /// for example a commit missing from a shallow clone.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// True when a named object is absent from the object database (`GIT_ENOTFOUND` from the ODB), as
    /// beyond a shallow clone's boundary; false for a revision or reference that names nothing.
    public var isMissingObject: Bool { isNotFound && errorClass == Int32(GIT_ERROR_ODB.rawValue) }

    /// True when a short id or revision matched more than one object (`GIT_EAMBIGUOUS`).
    public var isAmbiguous: Bool { code == GIT_EAMBIGUOUS.rawValue }

    /// True when libgit2 refused to open a repository because it is owned by another user (`GIT_EOWNER`).
    public var isOwnershipMismatch: Bool { code == GIT_EOWNER.rawValue }

    /// The message followed by the failing call and the code, for logs.
    public var description: String { "\(message) (\(call) returned \(code))" }
}

extension GitError {
    /// Reads `git_error_last()` for a failed call; must run right after the call.
    static func last(_ code: Int32, _ call: String) -> GitError {
        let systemError = errno
        if let last = git_error_last() {
            let message = last.pointee.message.map { String(cString: $0) } ?? "\(call) failed"
            return GitError(code: code, errorClass: last.pointee.klass, message: completing(message, code: code), call: call,
                            systemError: systemError)
        }
        return GitError(code: code, errorClass: 0, message: "\(call) failed", call: call, systemError: systemError)
    }

    /// libgit2 ends some messages with ": " and no reason (`failed to lock file '….lock' for writing: `):
    /// say why. A lock that exists means another git process holds it, or a killed one left it behind.
    static func completing(_ message: String, code: Int32) -> String {
        let trimmed = message.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(":") else { return message }
        if code == GIT_ELOCKED.rawValue || trimmed.contains(".lock") {
            let file = trimmed.split(separator: "'").dropFirst().first.map(String.init) ?? "the .lock file"
            return trimmed + " \(file) exists: another git process is running, or a killed one left it behind "
                + "(remove it when no git command is running)"
        }
        return trimmed + " no reason given by libgit2"
    }

    /// An error the library raises itself (bad argument, inconsistent data) with libgit2's code for it.
    static func library(_ code: git_error_code, _ message: String, _ call: String) -> GitError {
        GitError(code: code.rawValue, errorClass: 0, message: message, call: call)
    }

    /// libgit2 1.5.1 reports a repository owned by another user as "config value 'safe.directory' was not found";
    /// turn that into a clear ownership error. Other errors pass through unchanged.
    func clarifyingOwnership(of place: String) -> GitError {
        guard code == GIT_EOWNER.rawValue
            || (errorClass == Int32(GIT_ERROR_CONFIG.rawValue) && message.contains("safe.directory"))
        else { return self }
        return GitError(
            code: GIT_EOWNER.rawValue, errorClass: errorClass,
            message: "\(place) is owned by another user, and libgit2 refuses to open it (git's safe.directory check)",
            call: call)
    }
}

/// Wraps every libgit2 call: returns the non-negative result, or throws the `GitError` read from `git_error_last()`.
@discardableResult
@inline(__always)
func check(_ result: Int32, _ call: String) throws(GitError) -> Int32 {
    if result < 0 { throw GitError.last(result, call) }
    return result
}
