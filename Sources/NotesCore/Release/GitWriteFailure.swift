import Foundation
import NotesGit

/// The error for a failed git write (a commit, a tag, a note): a full disk is a file error (exit 8) that
/// names the git folder and says to free space; anything else is a repository error (exit 3).
enum GitWriteFailure {
    /// `what` is the operation (`committing the release`), `gitDir` the repository's git folder.
    static func error(_ error: GitError, _ what: String, gitDir: String, hint: String? = nil) -> NotesError {
        // libgit2 often says only what failed ("failed to create tag annotation"); a write that failed on a
        // file system with almost nothing left failed for want of space.
        if error.isDiskFull || freeBytes(gitDir).map({ $0 < 256 * 1024 }) == true {
            return NotesError(.file, "\(what) failed: the disk that holds \(gitDir) is full (\(error.message))",
                              hint: "free some space on it and run the command again")
        }
        return NotesError(.repository, "\(what) failed: \(error.message)", hint: hint)
    }

    /// The bytes an unprivileged process may still write on the file system of `path`, nil when unknown.
    static func freeBytes(_ path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }
}
