internal import CGit2

extension Repository {
    /// The paths a commit changes compared with its first parent (every file for a root commit), old and
    /// new names of a rename both included, sorted and without duplicates.
    public func changedPaths(of id: CommitID) throws -> [String] {
        var oid = id.oid
        var commit: OpaquePointer?
        try lookupCommit(&commit, pointer, &oid)
        defer { git_commit_free(commit) }
        var newTree: OpaquePointer?
        var oldTree: OpaquePointer?
        defer {
            git_tree_free(newTree)
            git_tree_free(oldTree)
        }
        try check(git_commit_tree(&newTree, commit), "git_commit_tree")
        if git_commit_parentcount(commit) > 0 {
            var parent: OpaquePointer?
            try check(git_commit_parent(&parent, commit, 0), "git_commit_parent")
            defer { git_commit_free(parent) }
            try check(git_commit_tree(&oldTree, parent), "git_commit_tree")
        }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        var paths = Set<String>()
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index) else { continue }
            if let path = delta.pointee.new_file.path { paths.insert(String(cString: path)) }
            if let path = delta.pointee.old_file.path { paths.insert(String(cString: path)) }
        }
        return paths.sorted()
    }
}
