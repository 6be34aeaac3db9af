import Foundation
import NotesGit

/// The write side of a release: a repository with a work tree, the files a release changes, who signs, and
/// the history pipeline (``ReleaseHistory``) every note it writes comes from. It decides nothing about
/// ranges, tags or notes itself.
public final class ReleaseWorkspace {
    /// The history pipeline: repository, release tags, notes.
    public let history: ReleaseHistory
    /// The work tree's absolute path.
    public let workdir: String

    /// The settings.
    public var settings: Settings { history.settings }
    /// The repository.
    public var repository: Repository { history.repository }

    /// Opens the repository of `history` for writing; a bare repository is an error (exit 3).
    public init(history: ReleaseHistory) throws {
        guard let workdir = history.repository.workdir else {
            throw NotesError(.repository, "the repository at \(history.repository.gitDir) is bare: it has no work tree",
                             hint: "run the release commands in a clone with a work tree")
        }
        self.history = history
        self.workdir = workdir.hasSuffix("/") ? String(workdir.dropLast()) : workdir
    }

    // MARK: Files

    /// `path` (absolute, or relative to the work tree) relative to the work tree.
    public func relative(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let root = workdir + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// The absolute path of `relative` (relative to the work tree).
    public func absolute(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : workdir + "/" + relative
    }

    /// How the release side's files are named: by the repository (version files, lock files, a workspace
    /// root), so ``WorkTreeBoundary`` holds them inside the work tree and out of the git folder.
    public var scope: PathScope { PathScope(settings.boundary, .repository) }

    /// The bytes of `relative`, nil when it does not exist; an unreadable file or a folder is a file error,
    /// and so is a path that leads (links followed) outside the work tree or into the git folder, or a
    /// FIFO or device (``WorkTreeBoundary``): a Cargo workspace root `../..` or a linked Cargo.toml is
    /// neither read nor written.
    public func read(_ relative: String) throws -> [UInt8]? {
        let path = absolute(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw NotesError(.file, "\(relative) is a folder, not a file")
        }
        return try settings.boundary.read(path, origin: .repository, display: relative)
    }

    /// Removes what a killed notes run left in the folders of `paths` (relative or absolute) and at the work
    /// tree's root: its `.NAME.notes-PID-N.tmp` files (see ``AtomicFile/removeLeftoversOfDeadRuns(in:)``).
    /// Call it only while holding the ``WriteLock``.
    public func removeLeftoversOfDeadRuns(near paths: [String]) {
        var folders: Set<String> = [workdir]
        for path in paths { folders.insert((absolute(path) as NSString).deletingLastPathComponent) }
        for folder in folders.sorted() { AtomicFile.removeLeftoversOfDeadRuns(in: folder) }
    }

    /// True when git ignores `relative` and HEAD does not track it: such a file is edited, never committed.
    public func isIgnoredAndUntracked(_ relative: String) throws -> Bool {
        guard try gitCall({ try repository.isIgnored(relative) }) else { return false }
        guard let head = try gitCall({ try repository.headCommit() }) else { return true }
        return try gitCall { try repository.fileContents(atPath: relative, in: head) } == nil
    }

    /// True when `relative` exists.
    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(relative))
    }

    /// HEAD's commit; an error when HEAD is unborn.
    public func head() throws -> CommitID {
        guard let head = try gitCall({ try repository.headCommit() }) else {
            throw NotesError(.repository, "HEAD does not point at a commit", hint: "check out a branch")
        }
        return head
    }

    /// The status of the work tree against HEAD, after checking HEAD's tree can be read: a corrupt object
    /// store is a repository error (exit 3, with the object and `git fsck`), never the user's files "changed".
    public func status() throws -> WorkTreeStatus {
        let head = try head()
        do {
            try repository.checkTree(of: head)
        } catch let error as GitError {
            throw NotesError(.repository, "the repository is damaged: HEAD (\(head.short)) or its tree cannot be read: \(error.message)",
                             hint: "run git fsck to find what is missing; fetch it again from the remote, or restore the clone")
        }
        return try gitCall { try repository.workTreeStatus() }
    }

    // MARK: Identity

    /// The committer identity for tags, commits and notes: `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL`, else
    /// `[tags] tagger_name`/`tagger_email` of notes.toml, else `user.name`/`user.email` from the git
    /// configuration. With `allowActionsBot`, GitHub Actions (where `GITHUB_ACTIONS=true` and no identity is
    /// configured) signs as `github-actions[bot]`.
    /// A name or email with a line break or another control character (or `<`, `>`) is refused (exit 5): it
    /// would split the header of the tag or commit notes writes (`git fsck` rejects it).
    public func identity(environment: [String: String], allowActionsBot: Bool = false) throws -> GitIdentity {
        let repository = repository
        if let tagger = settings.tagger, environment["GIT_COMMITTER_NAME"] == nil,
           environment["GIT_COMMITTER_EMAIL"] == nil {
            return try Self.checked(GitIdentity(name: tagger.name, email: tagger.email, nameSource: .config, emailSource: .config),
                                    names: ("[tags] tagger_name", "[tags] tagger_email"))
        }
        if let identity = GitIdentity.resolve(environment: environment, config: { repository.config($0) }) {
            return try Self.checked(identity, names: (identity.nameSource == .environment ? "GIT_COMMITTER_NAME" : "git config user.name",
                                                      identity.emailSource == .environment ? "GIT_COMMITTER_EMAIL" : "git config user.email"))
        }
        if allowActionsBot, environment["GITHUB_ACTIONS"] == "true" {
            return GitIdentity(name: "github-actions[bot]",
                               email: "41898282+github-actions[bot]@users.noreply.github.com",
                               nameSource: .environment, emailSource: .environment)
        }
        throw Self.noIdentityError
    }

    /// `identity`, or a configuration error (exit 5) naming where a malformed name or email came from.
    static func checked(_ identity: GitIdentity, names: (name: String, email: String)) throws -> GitIdentity {
        for (label, value) in [(names.name, identity.name), (names.email, identity.email)] {
            if let problem = GitIdentity.signatureProblem(value) {
                throw NotesError(.configuration, "\(label) \(problem): \(UntrustedText.escapingControls(value))",
                                 hint: "set it to one line of text without < or >; a tag's tagger line is one header line, "
                                    + "and git fsck rejects a tag whose header it splits")
            }
        }
        return identity
    }

    static let noIdentityError = NotesError(
        .badInput,
        "no committer identity: GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL are not set and git config has no user.name/user.email",
        hint: "run git config user.name \"Your Name\" && git config user.email you@example.com, "
            + "or set GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL")
}
