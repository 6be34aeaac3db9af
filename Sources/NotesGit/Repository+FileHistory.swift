internal import CGit2

/// One commit that changed a file, with the file's bytes after and before it.
public struct FileRevision: Sendable {
    /// The commit.
    public let commit: RawCommit
    /// The file in the commit's tree; nil when the commit deleted it.
    public let contents: [UInt8]?
    /// The file in the first parent's tree; nil when the commit added it (or is a root commit).
    public let previous: [UInt8]?
}

extension Repository {
    /// Streams the commits reachable from `start` that changed the file at `path` against their first
    /// parent, newest first, each with the file's bytes after and before it: the history `git log -- path`
    /// walks, for searches like `git log -S` that compare what the file says (a version value) rather than
    /// whether it changed. `body` returns `.stop` to end early.
    public func fileRevisions(atPath path: String, from start: CommitID,
                              _ body: (FileRevision) throws -> WalkControl) throws {
        try walk(including: [start], excluding: [], touching: PathFilter(paths: [path])) { raw in
            let contents = try fileContents(atPath: path, in: raw.id)
            let previous = try raw.parents.first.flatMap { try fileContents(atPath: path, in: $0) }
            return try body(FileRevision(commit: raw, contents: contents, previous: previous))
        }
    }

    /// True when git's ignore rules (`.gitignore` files, `.git/info/exclude`, `core.excludesFile`) ignore
    /// `path` (relative to the work tree), as `git check-ignore --no-index` answers: whether the file is
    /// tracked does not matter here.
    public func isIgnored(_ path: String) throws -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, pointer, path), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    /// Marks `paths` skip-worktree in the index (`git update-index --skip-worktree`), as a sparse checkout
    /// leaves the files it does not check out.
    public func setSkipWorktree(_ paths: [String]) throws {
        var index: OpaquePointer? = nil
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        for path in paths {
            guard let found = git_index_get_bypath(index, path, 0) else {
                throw GitError.library(GIT_ENOTFOUND, "\(path) is not in the index", "git_index_get_bypath")
            }
            var entry = found.pointee
            entry.flags_extended |= UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue)
            try check(git_index_add(index, &entry), "git_index_add")
        }
        try check(git_index_write(index), "git_index_write")
    }
}
