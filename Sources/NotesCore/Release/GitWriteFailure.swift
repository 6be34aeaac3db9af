import NotesGit

/// The error for a failed git write (a commit, a tag, a note): a full disk is a file error (exit 8) that
/// names the git folder and says to free space; anything else is a repository error (exit 3).
enum GitWriteFailure {
    /// `what` is the operation (`committing the release`), `gitDir` the repository's git folder.
    static func error(_ error: GitError, _ what: String, gitDir: String, hint: String? = nil) -> NotesError {
        if error.isDiskFull {
            return NotesError(.file, "\(what) failed: the disk that holds \(gitDir) is full (\(error.message))",
                              hint: "free some space on it and run the command again")
        }
        return NotesError(.repository, "\(what) failed: \(error.message)", hint: hint)
    }
}
