#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CGit2

/// One path that differs between HEAD, the index and the work tree.
public struct StatusEntry: Sendable, Hashable {
    /// The path, relative to the work tree, `/`-separated.
    public let path: String
    /// True for a file git does not track (and does not ignore).
    public let isUntracked: Bool
    /// True when the index differs from HEAD for this path (a staged change).
    public let isStaged: Bool
    /// True when the work tree differs from the index for this path (an unstaged change to a tracked file).
    public let isModified: Bool
    /// True for a path with a merge conflict.
    public let isConflicted: Bool

    /// Makes an entry.
    public init(path: String, isUntracked: Bool, isStaged: Bool, isModified: Bool, isConflicted: Bool) {
        self.path = path
        self.isUntracked = isUntracked
        self.isStaged = isStaged
        self.isModified = isModified
        self.isConflicted = isConflicted
    }
}

/// The state of the work tree and the index against HEAD.
///
/// Clean means no staged change, no change to a tracked file and no conflict. Untracked files do not make a
/// tree dirty: a release commit only ever takes the files it changed, so an untracked file cannot slip into it
/// (as `git describe --dirty` also ignores them); they are listed in ``untracked`` so a caller can mention them.
/// Ignored files are not listed at all.
public struct WorkTreeStatus: Sendable, Hashable {
    /// Every path that differs, sorted by path.
    public let entries: [StatusEntry]

    /// Makes a status.
    public init(entries: [StatusEntry]) { self.entries = entries }

    /// Tracked paths with staged, unstaged or conflicted changes.
    public var changed: [StatusEntry] { entries.filter { !$0.isUntracked } }
    /// Untracked (not ignored) files.
    public var untracked: [StatusEntry] { entries.filter(\.isUntracked) }
    /// True when no tracked path has a change; untracked files do not count.
    public var isClean: Bool { changed.isEmpty }
}

/// Who makes a commit, a tag or a note, as git resolves it, and where that came from.
public struct GitIdentity: Sendable, Hashable {
    /// Where a name or email was found.
    public enum Source: Sendable, Hashable {
        /// `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL` (or the `GIT_AUTHOR_*` pair for an author).
        case environment
        /// `user.name`/`user.email` in the git configuration.
        case config
    }

    /// The name.
    public let name: String
    /// The email address, without angle brackets.
    public let email: String
    /// Where the name came from.
    public let nameSource: Source
    /// Where the email came from.
    public let emailSource: Source

    /// Makes an identity.
    public init(name: String, email: String, nameSource: Source, emailSource: Source) {
        self.name = name
        self.email = email
        self.nameSource = nameSource
        self.emailSource = emailSource
    }

    /// Why `value` cannot be a name or email in a signature line (`Name <email> time zone`), nil when it can:
    /// a line break or another control character splits or corrupts the header of the tag or commit, and `<`
    /// or `>` end the fields early.
    public static func signatureProblem(_ value: String) -> String? {
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" })
                ? "holds a line break" : "holds a control character"
        }
        if value.contains("<") || value.contains(">") { return "holds < or >" }
        return nil
    }

    /// A signature for this identity at `time` (unix seconds) with a UTC offset of `offsetMinutes`.
    public func signature(time: Int64, offsetMinutes: Int = 0) -> Signature {
        Signature(name: name, email: email, time: time, offsetMinutes: offsetMinutes)
    }

    /// Resolves the committer (and tagger) identity as git does: `GIT_COMMITTER_NAME` and `GIT_COMMITTER_EMAIL`
    /// first, each falling back on its own to `user.name` / `user.email` from `config`. With `author` set, the
    /// `GIT_AUTHOR_*` variables are read instead. Empty values count as unset. Nil when a name or an email is
    /// missing: git would refuse to commit then too.
    ///
    /// - Parameter config: reads a git configuration value (``Repository/config(_:)``), nil when unset.
    public static func resolve(
        environment: [String: String], author: Bool = false, config: (String) -> String?
    ) -> GitIdentity? {
        let prefix = author ? "GIT_AUTHOR_" : "GIT_COMMITTER_"
        func value(_ variable: String, _ key: String) -> (String, Source)? {
            if let text = environment[prefix + variable], !text.isEmpty { return (text, .environment) }
            if let text = config(key), !text.isEmpty { return (text, .config) }
            return nil
        }
        guard let name = value("NAME", "user.name"), let email = value("EMAIL", "user.email") else { return nil }
        return GitIdentity(name: name.0, email: email.0, nameSource: name.1, emailSource: email.1)
    }
}

extension Repository {
    // MARK: Notes

    /// The note attached to `object` under `notesRef` (such as `refs/notes/release`), nil when there is none.
    public func note(on object: CommitID, ref notesRef: String) throws -> String? {
        var oid = object.oid
        var note: OpaquePointer? = nil
        let result = git_note_read(&note, pointer, notesRef, &oid)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_note_read")
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) }
    }

    /// Attaches `message` to `object` as a note under `notesRef`, replacing the note that was there: one commit
    /// on the notes ref, as `git notes --ref <ref> add -f` makes. The ref is moved by compare-and-swap: when
    /// another writer moved it after it was read, the note is made again on the new tip (up to 5 times), so
    /// no other note is lost. The message must not contain a NUL byte.
    public func setNote(_ message: String, on object: CommitID, ref notesRef: String, author: Signature,
                        committer: Signature) throws {
        for _ in 0..<5 {
            if try setNote(message, on: object, ref: notesRef, author: author, committer: committer,
                           startingFrom: referenceTarget(notesRef)) { return }
        }
        throw GitError.library(GIT_EMODIFIED, "\(notesRef) kept moving while the note was written", "setNote")
    }

    /// One attempt of ``setNote(_:on:ref:author:committer:)``: a notes commit on `tip` (nil: the ref does not
    /// exist yet), and the ref moved from `tip` to it only if it still points at `tip`. False when it does not.
    package func setNote(_ message: String, on object: CommitID, ref notesRef: String, author: Signature,
                         committer: Signature, startingFrom tip: CommitID?) throws -> Bool {
        if message.utf8.contains(0) {
            throw GitError.library(GIT_EINVALID, "a note cannot contain a NUL byte", "setNote")
        }
        var oid = object.oid
        let authorSignature = try makeReleaseSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeReleaseSignature(committer)
        defer { git_signature_free(committerSignature) }
        var parent: OpaquePointer? = nil
        if let tip {
            var tipOID = tip.oid
            try lookupCommit(&parent, pointer, &tipOID)
        }
        defer { if let parent { git_commit_free(parent) } }
        var notesCommit = git_oid()
        var notesBlob = git_oid()
        try check(git_note_commit_create(&notesCommit, &notesBlob, pointer, parent, authorSignature, committerSignature,
                                         &oid, message, 1), "git_note_commit_create")
        var reference: OpaquePointer? = nil
        let result: Int32
        if let tip {
            var expected = tip.oid
            result = git_reference_create_matching(&reference, pointer, notesRef, &notesCommit, 1, &expected,
                                                   "notes: add a note")
        } else {
            result = git_reference_create(&reference, pointer, notesRef, &notesCommit, 0, "notes: add a note")
        }
        if result == GIT_EMODIFIED.rawValue || result == GIT_EEXISTS.rawValue { return false }
        try check(result, tip == nil ? "git_reference_create" : "git_reference_create_matching")
        git_reference_free(reference)
        return true
    }

    /// Removes the note on `object` under `notesRef`; returns false when there was none.
    @discardableResult
    package func removeNote(on object: CommitID, ref notesRef: String, author: Signature, committer: Signature)
        throws -> Bool {
        var oid = object.oid
        let authorSignature = try makeReleaseSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeReleaseSignature(committer)
        defer { git_signature_free(committerSignature) }
        let result = git_note_remove(pointer, notesRef, authorSignature, committerSignature, &oid)
        if result == GIT_ENOTFOUND.rawValue { return false }
        try check(result, "git_note_remove")
        return true
    }

    // MARK: Work tree

    /// The status of the index and the work tree against HEAD (untracked files listed, ignored ones not);
    /// see ``WorkTreeStatus`` for what counts as clean. Throws for a bare repository.
    public func workTreeStatus() throws -> WorkTreeStatus {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        var list: OpaquePointer? = nil
        try check(git_status_list_new(&list, pointer, &options), "git_status_list_new")
        defer { git_status_list_free(list) }
        let staged = GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
            | GIT_STATUS_INDEX_DELETED.rawValue | GIT_STATUS_INDEX_RENAMED.rawValue
            | GIT_STATUS_INDEX_TYPECHANGE.rawValue
        let modified = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
            | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_WT_UNREADABLE.rawValue
        // Entries marked skip-worktree (a sparse checkout's, `git update-index --skip-worktree`) are absent or
        // stale in the work tree on purpose: git status does not report them, and neither do we.
        var repositoryIndex: OpaquePointer? = nil
        try check(git_repository_index(&repositoryIndex, pointer), "git_repository_index")
        defer { git_index_free(repositoryIndex) }
        let skipWorktree = UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue)
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, index) else { continue }
            let flags = entry.pointee.status.rawValue
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            guard let delta else { continue }
            let path = delta.pointee.new_file.path ?? delta.pointee.old_file.path
            if flags & staged == 0, let path, let indexEntry = git_index_get_bypath(repositoryIndex, path, 0),
               indexEntry.pointee.flags_extended & skipWorktree != 0 {
                continue
            }
            entries.append(StatusEntry(
                path: string(path), isUntracked: flags & GIT_STATUS_WT_NEW.rawValue != 0 && flags & staged == 0,
                isStaged: flags & staged != 0, isModified: flags & modified != 0,
                isConflicted: flags & GIT_STATUS_CONFLICTED.rawValue != 0))
        }
        return WorkTreeStatus(entries: entries.sorted { $0.path < $1.path })
    }

    /// Commits exactly `paths` (relative to the work tree) as they are in the work tree, on the branch HEAD
    /// points at, with HEAD's commit as the parent: each path is added to the index (`git add <path>`), the
    /// index is written, and the commit's tree is HEAD's tree with only those paths' index entries changed, so
    /// other staged changes stay staged and out of the commit. Returns the new commit.
    ///
    /// Throws when HEAD is unborn, for a bare repository, and when a path is missing or ignored.
    @discardableResult
    public func commitFiles(_ paths: [String], message: String, author: Signature, committer: Signature) throws
        -> CommitID {
        guard let head = try headCommit() else {
            throw GitError.library(GIT_EUNBORNBRANCH, "HEAD has no commit to build on", "commitFiles")
        }
        var index: OpaquePointer? = nil
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        var changes: [(String, git_oid, UInt32)] = []
        for path in paths {
            try check(git_index_add_bypath(index, path), "git_index_add_bypath")
            guard let entry = git_index_get_bypath(index, path, 0) else {
                throw GitError.library(GIT_ENOTFOUND, "\(path) is not in the index after adding it", "git_index_get_bypath")
            }
            changes.append((path, entry.pointee.id, entry.pointee.mode))
        }
        try check(git_index_write(index), "git_index_write")

        var headOID = head.oid
        var parent: OpaquePointer? = nil
        try lookupCommit(&parent, pointer, &headOID)
        defer { git_commit_free(parent) }
        var baseTree: OpaquePointer? = nil
        try check(git_commit_tree(&baseTree, parent), "git_commit_tree")
        defer { git_tree_free(baseTree) }

        var updates = [git_tree_update]()
        var copies = [UnsafeMutablePointer<CChar>]()
        defer { for copy in copies { free(copy) } }
        for (path, id, mode) in changes {
            guard let copy = strdup(path) else { throw GitError.library(GIT_ERROR, "out of memory", "strdup") }
            copies.append(copy)
            var update = git_tree_update()
            update.action = GIT_TREE_UPDATE_UPSERT
            update.id = id
            update.filemode = git_filemode_t(rawValue: mode)
            update.path = UnsafePointer(copy)
            updates.append(update)
        }
        var treeOID = git_oid()
        try check(git_tree_create_updated(&treeOID, pointer, baseTree, updates.count, updates), "git_tree_create_updated")
        var tree: OpaquePointer? = nil
        try check(git_tree_lookup(&tree, pointer, &treeOID), "git_tree_lookup")
        defer { git_tree_free(tree) }

        let authorSignature = try makeReleaseSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeReleaseSignature(committer)
        defer { git_signature_free(committerSignature) }
        var commitOID = git_oid()
        var parents: [OpaquePointer?] = [parent]
        // The branch moves by compare-and-swap from the HEAD read above: a commit someone else made meanwhile is
        // never dropped (the update fails instead). A detached HEAD is updated as git does.
        let branch = headReferenceName()
        let result = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitOID, pointer, branch == nil ? "HEAD" : nil, authorSignature, committerSignature,
                              nil, message, tree, 1, buffer.baseAddress)
        }
        try check(result, "git_commit_create")
        if let branch {
            var reference: OpaquePointer? = nil
            let moved = git_reference_create_matching(&reference, pointer, branch, &commitOID, 1, &headOID,
                                                      "commit: \(message.split(separator: "\n").first ?? "")")
            if moved == GIT_EMODIFIED.rawValue {
                throw GitError.library(GIT_EMODIFIED, "\(branch) moved while the release commit was made", "commitFiles")
            }
            try check(moved, "git_reference_create_matching")
            git_reference_free(reference)
        }
        return CommitID(&commitOID)
    }

    /// Resets the index entries of `paths` to their state in `commit` (`git reset <commit> -- <paths>`),
    /// leaving the work tree alone. Paths are matched literally.
    public func resetIndex(paths: [String], to commit: CommitID) throws {
        guard !paths.isEmpty else { return }
        var oid = commit.oid
        var object: OpaquePointer? = nil
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
        defer { git_object_free(object) }
        var copies: [UnsafeMutablePointer<CChar>?] = []
        defer { for copy in copies { free(copy) } }
        for path in paths {
            guard let copy = strdup(path) else { throw GitError.library(GIT_ERROR, "out of memory", "strdup") }
            copies.append(copy)
        }
        let result = copies.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_reset_default(pointer, object, &array)
        }
        try check(result, "git_reset_default")
    }

    /// Makes the index and the work tree match HEAD, overwriting changes to tracked files and leaving untracked
    /// files alone (`git checkout -f HEAD`). Test repositories built with ``createCommit(changes:message:author:committer:parents:encoding:updateRef:)``
    /// use it to get a work tree.
    package func checkoutHead() throws {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        try check(git_checkout_head(pointer, &options), "git_checkout_head")
    }

    // MARK: References

    /// Deletes `refs/tags/<name>`; returns false when there was no such tag.
    @discardableResult
    public func deleteTag(named name: String) throws -> Bool {
        let result = git_tag_delete(pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return false }
        try check(result, "git_tag_delete")
        return true
    }

    /// The full name of the branch HEAD points at (`refs/heads/main`), also when it is unborn; nil when HEAD is
    /// detached.
    public func headReferenceName() -> String? {
        var head: OpaquePointer? = nil
        guard git_reference_lookup(&head, pointer, "HEAD") == 0, let head else { return nil }
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head)
        else { return nil }
        return String(cString: target)
    }

    private func makeReleaseSignature(_ signature: Signature) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var result: UnsafeMutablePointer<git_signature>? = nil
        try check(
            git_signature_new(&result, signature.name, signature.email, signature.time, Int32(signature.offsetMinutes)),
            "git_signature_new")
        return result
    }
}
