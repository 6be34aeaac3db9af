internal import CGit2

/// Namespace for library-wide libgit2 state.
enum LibGit2 {
    /// Initialises libgit2 once per process.
    ///
    /// Commits are kept out of libgit2's object cache: a walk looks each commit up once and copies it, so
    /// caching them only grows memory (about 70 MB more for 100k commits) and costs time.
    static let initialized: Bool = {
        git_libgit2_init()
        _ = notes_git_set_cache_object_limit(GIT_OBJECT_COMMIT, 0)
        return true
    }()
}
