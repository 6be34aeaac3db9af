import Foundation
import NotesGit

/// Opening a repository and resolving revisions, with errors a user can act on.
enum RepositoryAccess {
    /// Opens the repository containing `path` (searching upward).
    static func open(_ path: String) throws -> Repository {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotesError(.badInput, "directory \(path) does not exist", hint: "pass --repo <dir> with an existing clone")
        }
        guard isDirectory.boolValue else {
            throw NotesError(.badInput, "\(path) is a file, not a directory", hint: "pass --repo <dir> with a clone's folder")
        }
        do {
            return try Repository.discover(from: path)
        } catch let error as GitError {
            if error.isNotFound { throw NotesError.notARepository(path) }
            if error.message.contains("safe.directory") || error.message.lowercased().contains("owner") {
                throw NotesError(
                    .repository, "the repository at \(path) is owned by another user and libgit2 refuses to open it",
                    hint: "run notes as the owner, or chown -R $(id -u) \(path); in CI containers add "
                        + "`git config --global --add safe.directory \(path)` (libgit2 1.5 does not accept '*')")
            }
            throw NotesError(.repository, "cannot open the repository at \(path): \(error.message)")
        }
    }

    /// Resolves `revision` (what `--from`/`--to` or a tag names) to a commit.
    static func resolve(_ revision: String, option: String, in repository: Repository) throws -> CommitID {
        do {
            return try repository.resolveCommit(revision)
        } catch let error as GitError {
            if repository.isShallow {
                throw NotesError(
                    .repository,
                    "\(option) \"\(revision)\" does not resolve, and this is a shallow clone: its history is incomplete",
                    hint: NotesError.shallowHint)
            }
            let what = error.isAmbiguous ? "is ambiguous" : "names no commit"
            throw NotesError(
                .badInput, "\(option) \"\(revision)\" \(what)",
                hint: "give a tag, branch or commit id (git tag --list shows the tags; run git fetch --tags if it is on the remote)")
        }
    }
}
