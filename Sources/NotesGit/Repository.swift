internal import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open git repository. Use one per task: it is not thread-safe and not `Sendable`.
public final class Repository {
    /// The libgit2 handle, owned by this object.
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Opens the repository that contains `path`, searching `path` and then its parent folders.
    ///
    /// Throws a `GitError` with `isNotFound` when no repository is found, and one with
    /// `isOwnershipMismatch` when the repository belongs to another user.
    public static func discover(from path: String) throws -> Repository {
        _ = LibGit2.initialized
        var handle: OpaquePointer? = nil
        do {
            try check(git_repository_open_ext(&handle, path, 0, nil), "git_repository_open_ext")
        } catch {
            throw error.clarifyingOwnership(of: "the repository at or above '\(path)'")
        }
        guard let handle else {
            throw GitError.library(GIT_ERROR, "libgit2 returned no repository", "git_repository_open_ext")
        }
        return Repository(pointer: handle)
    }

    /// Opens the repository at `path` exactly (its work tree or its git folder), without searching upward.
    public static func open(at path: String) throws -> Repository {
        _ = LibGit2.initialized
        var handle: OpaquePointer? = nil
        do {
            try check(git_repository_open(&handle, path), "git_repository_open")
        } catch {
            throw error.clarifyingOwnership(of: "the repository at '\(path)'")
        }
        guard let handle else {
            throw GitError.library(GIT_ERROR, "libgit2 returned no repository", "git_repository_open")
        }
        return Repository(pointer: handle)
    }

    /// Creates a non-bare repository at `path` (making folders as needed) whose HEAD points at the unborn
    /// branch `refs/heads/<initialBranch>`; default "main".
    public static func create(at path: String, initialBranch: String = "main") throws -> Repository {
        _ = LibGit2.initialized
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        var handle: OpaquePointer? = nil
        let result = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&handle, path, &options)
        }
        try check(result, "git_repository_init_ext")
        guard let handle else {
            throw GitError.library(GIT_ERROR, "libgit2 returned no repository", "git_repository_init_ext")
        }
        return Repository(pointer: handle)
    }

    /// The work tree's absolute path without a trailing slash; nil for a bare repository.
    public var workdir: String? {
        git_repository_workdir(pointer).map { trimmingTrailingSlash(String(cString: $0)) }
    }

    /// The git folder's absolute path (usually `<workdir>/.git`) without a trailing slash.
    public var gitDir: String {
        trimmingTrailingSlash(string(git_repository_path(pointer)))
    }

    /// The common git folder (a linked worktree's main `.git`; the git folder itself otherwise), without a
    /// trailing slash.
    public var commonDir: String {
        trimmingTrailingSlash(string(git_repository_commondir(pointer)))
    }

    /// True when HEAD is unborn and no references exist yet: a freshly created repository with no commits.
    public var isEmpty: Bool {
        guard git_repository_head_unborn(pointer) == 1 else { return false }
        var iterator: OpaquePointer? = nil
        guard git_reference_iterator_new(&iterator, pointer) == 0, let iterator else { return true }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer? = nil
        let result = git_reference_next(&reference, iterator)
        if let reference { git_reference_free(reference) }
        return result != 0
    }

    /// True when the repository is a shallow clone: its `shallow` file lists at least one commit.
    public var isShallow: Bool {
        !shallowRoots().isEmpty
    }

    /// The ids listed in `<gitdir>/shallow`: commits whose parents were not fetched. Empty when not shallow.
    ///
    /// In a linked worktree the file is read from the common git folder, where git keeps it.
    public func shallowRoots() -> Set<CommitID> {
        let commonDir = trimmingTrailingSlash(string(git_repository_commondir(pointer)))
        guard let bytes = readFile(commonDir + "/shallow") else { return [] }
        var roots = Set<CommitID>()
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.hasSuffix("\r") ? String(text.dropLast()) : text
            if let id = CommitID(hex: trimmed) { roots.insert(id) }
        }
        return roots
    }
}

@available(*, unavailable, message: "a Repository belongs to one task; open another for another task")
extension Repository: Sendable {}

/// Removes one trailing slash, keeping "/" itself.
func trimmingTrailingSlash(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
}

/// Reads a whole file, or nil when it cannot be opened.
func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4096, file) }
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < 4096 { break }
    }
    return bytes
}
