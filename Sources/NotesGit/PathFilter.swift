internal import CGit2
import Foundation

/// Which paths a package or `--path` covers: directories (compared by subtree id, fast) and glob
/// patterns (compared by a pathspec diff), minus exclusions.
///
/// A commit touches the filter when, compared with its first parent (or with nothing, for a root
/// commit), something changed under an included directory or a path matching an included glob, other
/// than under an excluded directory or glob. Paths are relative to the repository root, `/`-separated;
/// a trailing `/` is ignored. A pattern is a glob when it holds `*`, `?` or `[`.
public struct PathFilter: Sendable, Hashable {
    /// Included directories (or files), without trailing slash.
    public let directories: [String]
    /// Included glob patterns (`python/**/*.py`, `*.toml`).
    public let globs: [String]
    /// Excluded directories or globs.
    public let excludes: [String]

    /// Makes a filter; each path is classified as a directory or a glob.
    public init(paths: [String], excludes: [String] = []) {
        var directories: [String] = []
        var globs: [String] = []
        for path in paths.map(Self.normalize) where !path.isEmpty {
            if Self.isGlob(path) { globs.append(path) } else { directories.append(path) }
        }
        self.directories = directories
        self.globs = globs
        self.excludes = excludes.map(Self.normalize).filter { !$0.isEmpty }
    }

    /// True when the filter covers the whole tree (no paths given).
    public var isEmpty: Bool { directories.isEmpty && globs.isEmpty }

    /// Only directories and no exclusions: subtree ids alone decide.
    var isDirectoryOnly: Bool { globs.isEmpty && excludes.isEmpty }

    static func isGlob(_ path: String) -> Bool { path.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    static func normalize(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}

/// The ids of a commit's included directories: equal signatures mean the directories did not change.
struct PathSignature: Equatable {
    /// One id per included directory; all zero when the path does not exist in the tree.
    var ids: [git_oid]

    static func == (lhs: PathSignature, rhs: PathSignature) -> Bool {
        guard lhs.ids.count == rhs.ids.count else { return false }
        for index in lhs.ids.indices {
            var left = lhs.ids[index]
            var right = rhs.ids[index]
            if git_oid_cmp(&left, &right) != 0 { return false }
        }
        return true
    }

    var isAllMissing: Bool {
        ids.allSatisfy { id in
            var copy = id
            return git_oid_is_zero(&copy) == 1
        }
    }
}

/// Decides, for commits of a walk, whether they touch a `PathFilter`. Keeps each commit's directory
/// signature and tree id only until its own turn in the walk: memory follows the walk's frontier.
final class PathMatcher {
    let filter: PathFilter
    let repository: OpaquePointer
    private var signatures: [CommitID: PathSignature] = [:]
    private var trees: [CommitID: git_oid] = [:]
    private var includeSpec: OpaquePointer?
    private var excludeSpec: OpaquePointer?
    private var includeStrings: [UnsafeMutablePointer<CChar>?] = []

    init(filter: PathFilter, repository: OpaquePointer) throws(GitError) {
        self.filter = filter
        self.repository = repository
        includeStrings = (filter.directories + filter.globs).map { strdup($0) }
        if !filter.isDirectoryOnly {
            includeSpec = try Self.pathspec(filter.directories + filter.globs)
            if !filter.excludes.isEmpty { excludeSpec = try Self.pathspec(filter.excludes) }
        }
    }

    deinit {
        if let includeSpec { git_pathspec_free(includeSpec) }
        if let excludeSpec { git_pathspec_free(excludeSpec) }
        for string in includeStrings { free(string) }
    }

    private static func pathspec(_ patterns: [String]) throws(GitError) -> OpaquePointer {
        var strings = patterns.map { strdup($0) }
        defer { for string in strings { free(string) } }
        var spec: OpaquePointer?
        let result = strings.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_pathspec_new(&spec, &array)
        }
        try check(result, "git_pathspec_new")
        guard let spec else { throw GitError.library(GIT_ERROR, "pathspec could not be made", "git_pathspec_new") }
        return spec
    }

    /// Records what is needed of a commit when the walk first looks it up.
    func record(_ commit: OpaquePointer, id: CommitID) throws(GitError) {
        if let tree = git_commit_tree_id(commit) { trees[id] = tree.pointee }
        guard !filter.directories.isEmpty, filter.globs.isEmpty else { return }
        signatures[id] = try signature(ofTree: trees[id])
    }

    /// Whether the commit changed anything the filter covers, compared with its first parent.
    func touches(_ id: CommitID, firstParent parent: CommitID?) throws(GitError) -> Bool {
        if !filter.directories.isEmpty, filter.globs.isEmpty {
            let own: PathSignature
            if let known = signatures[id] { own = known } else { own = try signature(ofTree: tree(of: id)) }
            if let parent {
                let parentSignature: PathSignature
                if let known = signatures[parent] {
                    parentSignature = known
                } else {
                    parentSignature = try signature(ofTree: tree(of: parent))
                }
                if own == parentSignature { return false }
            } else if own.isAllMissing {
                return false
            }
            if filter.isDirectoryOnly { return true }
        }
        let newTree = try tree(of: id)
        var oldTree: git_oid??
        if let parent { oldTree = .some(try tree(of: parent)) }
        return try diffTouches(old: oldTree, new: newTree)
    }

    /// Forgets a commit once the walk has popped it: its children, newer, were all decided before it.
    func popped(_ id: CommitID) {
        trees[id] = nil
        signatures[id] = nil
    }

    private func tree(of id: CommitID) throws(GitError) -> git_oid? {
        if let tree = trees[id] { return tree }
        var oid = id.oid
        var commit: OpaquePointer?
        try lookupCommit(&commit, repository, &oid)
        defer { git_commit_free(commit) }
        return git_commit_tree_id(commit)?.pointee
    }

    private func signature(ofTree treeID: git_oid?) throws(GitError) -> PathSignature {
        var ids = [git_oid](repeating: git_oid(), count: filter.directories.count)
        guard var treeID else { return PathSignature(ids: ids) }
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository, &treeID), "git_tree_lookup")
        defer { git_tree_free(tree) }
        for (index, directory) in filter.directories.enumerated() {
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, tree, directory)
            if result == GIT_ENOTFOUND.rawValue { continue }
            try check(result, "git_tree_entry_bypath")
            if let entry, let id = git_tree_entry_id(entry) { ids[index] = id.pointee }
            git_tree_entry_free(entry)
        }
        return PathSignature(ids: ids)
    }

    private func diffTouches(old: git_oid??, new: git_oid?) throws(GitError) -> Bool {
        var oldTree: OpaquePointer?
        var newTree: OpaquePointer?
        defer {
            git_tree_free(oldTree)
            git_tree_free(newTree)
        }
        if var id = old ?? nil { try check(git_tree_lookup(&oldTree, repository, &id), "git_tree_lookup") }
        if var id = new { try check(git_tree_lookup(&newTree, repository, &id), "git_tree_lookup") }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        var diff: OpaquePointer?
        let result = includeStrings.withUnsafeBufferPointer { buffer -> Int32 in
            options.pathspec = git_strarray(
                strings: UnsafeMutablePointer(mutating: buffer.baseAddress), count: buffer.count)
            return git_diff_tree_to_tree(&diff, repository, oldTree, newTree, &options)
        }
        try check(result, "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        let count = git_diff_num_deltas(diff)
        guard count > 0 else { return false }
        guard let excludeSpec else { return true }
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index) else { continue }
            for file in [delta.pointee.new_file, delta.pointee.old_file] {
                guard let path = file.path else { continue }
                if git_pathspec_matches_path(excludeSpec, 0, path) == 0 { return true }
            }
        }
        return false
    }
}
