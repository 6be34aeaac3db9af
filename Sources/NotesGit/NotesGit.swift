internal import CGit2

/// Namespace for library-wide libgit2 state.
enum LibGit2 {
    /// Initialises libgit2 once per process.
    ///
    /// Commits are kept out of libgit2's object cache: a walk looks each commit up once and copies it, so
    /// caching them only grows memory (about 70 MB more for 100k commits) and costs time.
    ///
    /// Objects read are not hashed again to check their ids (libgit2 does that by default; git does not):
    /// it was a fifth of every walk (100k commits: 1.10 s -> 0.91 s for the bare walk). zlib's checksum still
    /// catches damaged data, and a missing object is still an error; `git fsck` is the tool that checks ids.
    static let initialized: Bool = {
        git_libgit2_init()
        _ = notes_git_set_cache_object_limit(GIT_OBJECT_COMMIT, 0)
        _ = notes_git_set_cache_object_limit(GIT_OBJECT_TREE, 0)
        _ = notes_git_set_strict_hash_verification(0)
        return true
    }()
}

/// The libgit2 this process runs with (`git_libgit2_version`): 1.5 on Debian 12, 1.9 from Homebrew.
public func libgit2Version() -> (major: Int, minor: Int, revision: Int) {
    var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return (Int(major), Int(minor), Int(revision))
}
