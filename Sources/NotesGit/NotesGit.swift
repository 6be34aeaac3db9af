internal import CGit2

/// Namespace for library-wide libgit2 state.
enum LibGit2 {
    /// Initialises libgit2 once per process.
    static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()
}
