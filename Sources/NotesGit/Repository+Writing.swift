#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CGit2

extension Repository {
    /// Sets a value in the repository's own config file (`<gitdir>/config`).
    package func setConfig(_ key: String, _ value: String) throws {
        var config: OpaquePointer? = nil
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer? = nil
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, key, value), "git_config_set_string")
    }

    /// Adds a remote with the default fetch refspec; throws when a remote with that name exists.
    package func addRemote(named name: String, url: String) throws {
        var remote: OpaquePointer? = nil
        try check(git_remote_create(&remote, pointer, name, url), "git_remote_create")
        git_remote_free(remote)
    }

    /// Builds a tree from the first parent's tree plus `changes` (path -> new bytes, or nil to delete; nested
    /// paths like "a/b/c.txt" create subtrees), writes a commit, and moves `updateRef` (default "HEAD", which
    /// moves the branch HEAD points at; nil for none) to it. Does not touch index or work tree.
    ///
    /// The message is stored byte for byte (no clean-up, no trailing newline added) and must not contain a
    /// NUL byte. `encoding` writes an `encoding` header (for example "ISO-8859-1"). Unlike
    /// `git_commit_create`, the ref is moved even when its old tip is not the first parent.
    @discardableResult
    package func createCommit(
        changes: [String: [UInt8]?], message: [UInt8], author: Signature, committer: Signature,
        parents: [CommitID], encoding: String? = nil, updateRef: String? = "HEAD"
    ) throws -> CommitID {
        if message.contains(0) {
            throw GitError.library(GIT_EINVALID, "a commit message cannot contain a NUL byte", "createCommit")
        }
        var parentCommits = [OpaquePointer?]()
        defer { for commit in parentCommits { git_commit_free(commit) } }
        for parent in parents {
            var oid = parent.oid
            var commit: OpaquePointer? = nil
            try lookupCommit(&commit, pointer, &oid)
            parentCommits.append(commit)
        }
        var baseTree: OpaquePointer? = nil
        if let first = parentCommits.first {
            try check(git_commit_tree(&baseTree, first), "git_commit_tree")
        }
        defer { git_tree_free(baseTree) }

        var treeOID = try writeTree(base: baseTree, changes: changes)
        var tree: OpaquePointer? = nil
        try check(git_tree_lookup(&tree, pointer, &treeOID), "git_tree_lookup")
        defer { git_tree_free(tree) }

        let authorSignature = try makeSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeSignature(committer)
        defer { git_signature_free(committerSignature) }

        var commitOID = git_oid()
        var text = message
        text.append(0)
        let result = text.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                parentCommits.withUnsafeBufferPointer { parentPointers in
                    git_commit_create(
                        &commitOID, pointer, nil, authorSignature, committerSignature, encoding,
                        chars.baseAddress, tree, parentPointers.count,
                        UnsafeMutablePointer(mutating: parentPointers.baseAddress))
                }
            }
        }
        try check(result, "git_commit_create")
        let id = CommitID(&commitOID)
        if let updateRef { try moveReference(updateRef, to: id) }
        return id
    }

    /// Writes a commit object from raw header lines, unchecked (for tests of commits libgit2 cannot parse,
    /// such as an author line with an unclosed `<`), and moves `updateRef` to it.
    @discardableResult
    package func createRawCommit(tree: CommitID, parents: [CommitID], author: String, committer: String,
                                 message: String, updateRef: String? = "HEAD") throws -> CommitID {
        var text = "tree \(tree.hex)\n"
        for parent in parents { text += "parent \(parent.hex)\n" }
        text += "author \(author)\ncommitter \(committer)\n\n\(message)"
        var odb: OpaquePointer? = nil
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = git_oid()
        let bytes = Array(text.utf8)
        try check(bytes.withUnsafeBytes { git_odb_write(&oid, odb, $0.baseAddress, $0.count, GIT_OBJECT_COMMIT) },
                  "git_odb_write")
        let id = withUnsafePointer(to: &oid) { CommitID($0) }
        if let updateRef { try moveReference(updateRef, to: id) }
        return id
    }

    /// Creates `refs/tags/<name>` pointing straight at `target`; throws when it exists unless `force`.
    package func createLightweightTag(named name: String, target: CommitID, force: Bool = false) throws {
        let object = try lookupObject(target)
        defer { git_object_free(object) }
        var oid = git_oid()
        try check(git_tag_create_lightweight(&oid, pointer, name, object, force ? 1 : 0), "git_tag_create_lightweight")
    }

    /// Creates an annotated tag object for `target` and `refs/tags/<name>`; the message is stored as given.
    /// Throws when the tag exists unless `force`.
    public func createAnnotatedTag(
        named name: String, target: CommitID, tagger: Signature, message: String, force: Bool = false
    ) throws {
        let object = try lookupObject(target)
        defer { git_object_free(object) }
        let signature = try makeSignature(tagger)
        defer { git_signature_free(signature) }
        var oid = git_oid()
        try check(git_tag_create(&oid, pointer, name, object, signature, message, force ? 1 : 0), "git_tag_create")
    }

    /// Creates or moves the direct reference `name` (a full name such as "refs/heads/feature") to `id`.
    public func setReference(_ name: String, to id: CommitID) throws {
        var oid = id.oid
        var reference: OpaquePointer? = nil
        try check(git_reference_create(&reference, pointer, name, &oid, 1, "notes: set reference"), "git_reference_create")
        git_reference_free(reference)
    }

    /// Moves every loose reference into `packed-refs`, with the peeled commits of annotated tags, as
    /// `git pack-refs --all` does (fixtures use it: clones have their tags packed).
    package func packReferences() throws {
        var refdb: OpaquePointer? = nil
        try check(git_repository_refdb(&refdb, pointer), "git_repository_refdb")
        defer { git_refdb_free(refdb) }
        try check(git_refdb_compress(refdb), "git_refdb_compress")
    }

    /// The object the reference `name` (a full name: `refs/notes/release`) points at; nil when there is no
    /// such reference.
    public func referenceTarget(_ name: String) -> CommitID? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, pointer, name) == 0 else { return nil }
        return withUnsafePointer(to: &oid) { CommitID($0) }
    }

    /// Deletes the reference `name` (a full name); false when there was none.
    @discardableResult
    package func deleteReference(_ name: String) throws -> Bool {
        var reference: OpaquePointer? = nil
        let result = git_reference_lookup(&reference, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return false }
        try check(result, "git_reference_lookup")
        defer { git_reference_free(reference) }
        try check(git_reference_delete(reference), "git_reference_delete")
        return true
    }

    /// Points HEAD at the reference `refName` (for example "refs/heads/main"), which need not exist yet.
    package func setHead(_ refName: String) throws {
        try check(git_repository_set_head(pointer, refName), "git_repository_set_head")
    }

    /// The signature from `user.name` and `user.email` with the current time; nil when either is missing.
    package func defaultSignature() -> Signature? {
        var signature: UnsafeMutablePointer<git_signature>? = nil
        guard git_signature_default(&signature, pointer) == 0, let signature else { return nil }
        defer { git_signature_free(signature) }
        return Signature(signature)
    }

    // MARK: Helpers

    /// Moves `name` to `id`; "HEAD" moves the branch HEAD points at, or HEAD itself when detached.
    private func moveReference(_ name: String, to id: CommitID) throws(GitError) {
        var target = name
        if name == "HEAD" {
            var head: OpaquePointer? = nil
            try check(git_reference_lookup(&head, pointer, "HEAD"), "git_reference_lookup")
            defer { git_reference_free(head) }
            if git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let branch = git_reference_symbolic_target(head) {
                target = String(cString: branch)
            } else {
                var oid = id.oid
                try check(git_repository_set_head_detached(pointer, &oid), "git_repository_set_head_detached")
                return
            }
        }
        var oid = id.oid
        var reference: OpaquePointer? = nil
        try check(git_reference_create(&reference, pointer, target, &oid, 1, "notes: commit"), "git_reference_create")
        git_reference_free(reference)
    }

    private func lookupObject(_ id: CommitID) throws(GitError) -> OpaquePointer? {
        var oid = id.oid
        var object: OpaquePointer? = nil
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
        return object
    }

    private func makeSignature(_ signature: Signature) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var result: UnsafeMutablePointer<git_signature>? = nil
        try check(
            git_signature_new(&result, signature.name, signature.email, signature.time, Int32(signature.offsetMinutes)),
            "git_signature_new")
        return result
    }

    /// Writes `base` with `changes` applied (subtrees created and emptied ones dropped) and returns its id.
    private func writeTree(base: OpaquePointer?, changes: [String: [UInt8]?]) throws(GitError) -> git_oid {
        var updates = [git_tree_update]()
        var paths = [UnsafeMutablePointer<CChar>]()
        defer { for path in paths { free(path) } }
        for (path, content) in changes.sorted(by: { $0.key < $1.key }) {
            guard let copy = strdup(path) else {
                throw GitError.library(GIT_ERROR, "out of memory", "strdup")
            }
            paths.append(copy)
            var update = git_tree_update()
            update.path = UnsafePointer(copy)
            if let content {
                var blob = git_oid()
                let result = content.withUnsafeBytes { bytes in
                    git_blob_create_from_buffer(&blob, pointer, bytes.baseAddress, bytes.count)
                }
                try check(result, "git_blob_create_from_buffer")
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = blob
                update.filemode = GIT_FILEMODE_BLOB
            } else {
                // Deleting a path that is not there is a no-op, not an error.
                guard let base, treeContains(base, path) else { continue }
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            updates.append(update)
        }
        var oid = git_oid()
        if let base {
            try check(git_tree_create_updated(&oid, pointer, base, updates.count, updates), "git_tree_create_updated")
        } else {
            var builder: OpaquePointer? = nil
            try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
            defer { git_treebuilder_free(builder) }
            var empty = git_oid()
            try check(git_treebuilder_write(&empty, builder), "git_treebuilder_write")
            var emptyTree: OpaquePointer? = nil
            try check(git_tree_lookup(&emptyTree, pointer, &empty), "git_tree_lookup")
            defer { git_tree_free(emptyTree) }
            try check(git_tree_create_updated(&oid, pointer, emptyTree, updates.count, updates), "git_tree_create_updated")
        }
        return oid
    }

    private func treeContains(_ tree: OpaquePointer, _ path: String) -> Bool {
        var entry: OpaquePointer? = nil
        guard git_tree_entry_bypath(&entry, tree, path) == 0 else { return false }
        git_tree_entry_free(entry)
        return true
    }
}
