/// What went wrong, where, and what to do: every error a user can cause.
///
/// The executable prints `error: <message>` and, when there is one, `hint: <hint>` on stderr and exits
/// with `exitCode`. The codes are documented in the README ("Exit codes") and never change meaning.
public struct NotesError: Error, Sendable, CustomStringConvertible {
    /// The exit codes of `notes`.
    public enum ExitCode: Int32, Sendable {
        /// Something unexpected failed (a libgit2 error we did not foresee, an I/O error).
        case internalError = 1
        /// Bad input on the command line: a VERSION that is not a version, a revision that names nothing.
        case badInput = 2
        /// The repository cannot give what was asked: not a repository, empty, shallow, unreadable.
        case repository = 3
        /// A template is missing, broken or uses a name the view model does not have.
        case template = 4
        /// The configuration file is invalid.
        case configuration = 5
        /// A check failed (`--check`, `--strict`, `notes check`).
        case checkFailed = 6
        /// Nothing to do (`notes bump` with no commits since the previous release).
        case nothingToDo = 7
        /// A file could not be read or written.
        case file = 8
    }

    /// The exit code.
    public var exitCode: ExitCode
    /// What happened, with where (file, line, ref).
    public var message: String
    /// What to do about it, with the exact command when there is one.
    public var hint: String?

    /// Makes an error.
    public init(_ exitCode: ExitCode, _ message: String, hint: String? = nil) {
        self.exitCode = exitCode
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "error: \(message)\nhint: \($0)" } ?? "error: \(message)"
    }
}

extension NotesError {
    static let shallowHint =
        "run git fetch --unshallow --tags; in GitHub Actions set fetch-depth: 0 on actions/checkout"

    static func notARepository(_ path: String) -> NotesError {
        NotesError(.repository, "not a git repository (or any parent up to /): \(path)",
                   hint: "run notes inside a clone, or pass --repo <dir>")
    }

    static func invalidVersion(_ text: String) -> NotesError {
        NotesError(.badInput, "\"\(text)\" is not a version",
                   hint: "give a semantic version such as 1.2.3, v1.2.3 or v1.3.0-rc.1")
    }
}

