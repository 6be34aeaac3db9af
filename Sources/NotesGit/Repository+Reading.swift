internal import CGit2

extension Repository {
    /// The commit a revision names, peeling tags: an id or unique prefix, a tag, a branch, `HEAD`, `v1.2^{}`, `HEAD~3`.
    ///
    /// Throws a `GitError` with `isNotFound` when the revision names nothing (or an object missing from a
    /// shallow clone), `isAmbiguous` for an ambiguous short id.
    public func resolveCommit(_ revision: String) throws -> CommitID {
        var object: OpaquePointer? = nil
        let parsed = ReadWatchdog.reading(.revision(revision)) { git_revparse_single(&object, pointer, revision) }
        if parsed < 0 {
            let error = GitError.last(parsed, "git_revparse_single")
            // A name that resolves without parsing (a ref, a full id) to a commit libgit2 cannot parse.
            if let damaged = damagedCommit(named: revision) { throw damaged }
            throw error
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer? = nil
        let peeling = ReadWatchdog.reading(.revision(revision)) { git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) }
        if peeling < 0 {
            let error = GitError.last(peeling, "git_object_peel")
            if let target = git_object_id(object), let damaged = damagedCommit(target) { throw damaged }
            throw error
        }
        defer { git_object_free(peeled) }
        guard let oid = git_object_id(peeled) else {
            throw GitError.library(GIT_ERROR, "'\(revision)' has no id", "git_object_id")
        }
        return CommitID(oid)
    }

    /// The commit HEAD points at, or nil when HEAD is unborn (no commit on the current branch yet).
    public func headCommit() throws -> CommitID? {
        var reference: OpaquePointer? = nil
        let result = git_repository_head(&reference, pointer)
        if result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "git_repository_head")
        defer { git_reference_free(reference) }
        var commit: OpaquePointer? = nil
        let subject: ReadWatchdog.Subject = referenceTarget("HEAD").map { .object($0) } ?? .revision("HEAD")
        let peeled = ReadWatchdog.reading(subject) { git_reference_peel(&commit, reference, GIT_OBJECT_COMMIT) }
        if peeled < 0 {
            // libgit2 says only "'refs/heads/main' cannot be peeled" when the commit it points at is malformed.
            let error = GitError.last(peeled, "git_reference_peel")
            if let damaged = damagedCommit(named: "HEAD") { throw damaged }
            throw error
        }
        defer { git_object_free(commit) }
        guard let oid = git_object_id(commit) else {
            throw GitError.library(GIT_ERROR, "HEAD has no id", "git_object_id")
        }
        return CommitID(oid)
    }

    /// The error naming the commit `revision` resolves to, read as refs and ids only (nothing parsed), when
    /// libgit2 cannot parse it, or the first commit it peels to through annotated tags; nil otherwise.
    func damagedCommit(named revision: String) -> GitError? {
        var oid = git_oid()
        var reference: OpaquePointer? = nil
        if git_reference_dwim(&reference, pointer, revision) == 0 {
            defer { git_reference_free(reference) }
            var resolved: OpaquePointer? = nil
            guard git_reference_resolve(&resolved, reference) == 0 else { return nil }
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else { return nil }
            oid = target.pointee
        } else if revision.utf8.count == 40, git_oid_fromstr(&oid, revision) == 0 {
        } else {
            return nil
        }
        return damagedCommit(&oid)
    }

    /// The ``DamagedCommit`` error for `oid` (peeling annotated tags first), nil when it parses or is no commit.
    func damagedCommit(_ oid: UnsafePointer<git_oid>) -> GitError? {
        var current = oid.pointee
        for _ in 0..<16 {
            var object: OpaquePointer? = nil
            let result = git_object_lookup(&object, pointer, &current, GIT_OBJECT_ANY)
            if result < 0 {
                let error = GitError.last(result, "git_object_lookup")
                if DamagedCommit.isParseFailure(error) { return DamagedCommit.error(pointer, &current, error) }
                return nil
            }
            defer { git_object_free(object) }
            guard git_object_type(object) == GIT_OBJECT_TAG, let target = git_tag_target_id(object) else { return nil }
            current = target.pointee
        }
        return nil
    }

    /// The short name of the branch HEAD points at ("main"); nil when HEAD is detached or unborn.
    public func headBranch() -> String? {
        var reference: OpaquePointer? = nil
        guard git_repository_head(&reference, pointer) == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_is_branch(reference) == 1, let name = git_reference_shorthand(reference) else {
            return nil
        }
        return String(cString: name)
    }

    /// Every tag that may point, after peeling, at a commit, sorted by name: the refs alone, with no object
    /// read for the tags a fresh clone has.
    ///
    /// A 1M-commit repository's pack index is 156 MB: one object lookup per tag (a binary search in it)
    /// made most of it resident for 6,708 tags (142 MiB), while a draft uses two of them. So listing reads
    /// refs only, and a tag is checked when it is used (`pointsAtCommit(_:)`, once per tag in
    /// `ReleaseHistory`):
    /// - A packed annotated tag: packed-refs records the commit it peels to (`^` line); that is its target,
    ///   not verified. Its date is read when asked for (`tagDate(_:)`).
    /// - A packed ref without a `^` line, when packed-refs says it records every tag's peel (the `peeled`
    ///   or `fully-peeled` trait, which git and libgit2 have written for years): git itself takes that as
    ///   "not an annotated tag", so it is a lightweight tag and its id is its target, not verified. libgit2
    ///   does not expose that knowledge, so packed-refs is read once more here, only when such a ref is met.
    /// - Any other ref without peel information (a loose ref: a tag made since the last clone or
    ///   `git pack-refs`, or every tag of a `git fast-import` repository): nothing in the ref tells a
    ///   lightweight tag from an annotated one, and a target must be a commit id for release-commit
    ///   detection (`ReleaseHistory`'s tag targets) to stay exact, so its type is read from the object
    ///   database's header, as before, and its tag object when it is annotated (its date comes with it).
    ///   A loose ref costs a file open anyway; these are verified, and left out when they point at a tree,
    ///   a blob or a missing object.
    ///
    /// An unverified tag may point at a tree, a blob, or a commit beyond a shallow clone's boundary;
    /// `verifiedTags()` lists only those that point at commits, as this did before.
    public func tags() throws -> [TagRef] {
        var iterator: OpaquePointer? = nil
        try check(git_reference_iterator_glob_new(&iterator, pointer, "refs/tags/*"), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var odb: OpaquePointer? = nil
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var packedNonTags: Set<CommitID>?
        var tags = [TagRef]()
        while true {
            var reference: OpaquePointer? = nil
            let result = git_reference_next(&reference, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_reference_next")
            defer { git_reference_free(reference) }
            if let tag = try tagRef(reference, odb: odb, packedNonTags: &packedNonTags) { tags.append(tag) }
        }
        return tags.sorted { $0.name < $1.name }
    }

    /// The short names of the refs under refs/tags/, sorted: no ref is resolved and no object read, so a
    /// dangling or symbolic ref is named too (a superset of `tags()`'s names). For a decision on names alone
    /// (which tag families exist), a third of the cost of `tags()`.
    public func tagNames() throws -> [String] {
        var iterator: OpaquePointer? = nil
        try check(git_reference_iterator_glob_new(&iterator, pointer, "refs/tags/*"), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var names = [String]()
        while true {
            var name: UnsafePointer<CChar>? = nil
            let result = git_reference_next_name(&name, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_reference_next_name")
            guard let name, let short = Self.shortTagName(name) else { continue }
            names.append(short)
        }
        return names.sorted()
    }

    /// The name of the ref `fullName` without `refs/tags/`; nil for `refs/tags/` itself.
    private static func shortTagName(_ fullName: UnsafePointer<CChar>) -> String? {
        let name = String(String(cString: fullName).dropFirst("refs/tags/".count))
        return name.isEmpty ? nil : name
    }

    /// The tags of `tags()` that point, after peeling, at a commit in the object database (each unverified
    /// one checked with `pointsAtCommit(_:)`). Reads one object header per packed tag: for commands that
    /// use every tag, or want the exact list.
    public func verifiedTags() throws -> [TagRef] {
        try tags().filter(pointsAtCommit)
    }

    /// True when `tag` points, after peeling, at a commit in the object database: a verified tag always; an
    /// unverified one when the object database's header of its target says commit (one pack-index lookup).
    /// False for a tree, a blob, or a commit missing from a shallow clone. Another failure of the lookup (a
    /// corrupt pack) says true: the tag is used, and reading its commit then reports the error.
    public func pointsAtCommit(_ tag: TagRef) -> Bool {
        if tag.isVerified { return true }
        var odb: OpaquePointer? = nil
        guard git_repository_odb(&odb, pointer) == 0 else { return true }
        defer { git_odb_free(odb) }
        var oid = tag.target.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        let header = git_odb_read_header(&size, &type, odb, &oid)
        if header == GIT_ENOTFOUND.rawValue { return false }
        return header != 0 || type == GIT_OBJECT_COMMIT
    }

    /// The date of `tag`: its tagger's time, else its commit's committer time; nil when neither can be read.
    public func tagDate(_ tag: TagRef) -> Int64? {
        if let date = tag.date { return date }
        if let object = tag.object, let date = (try? tagDetails(object))?.date { return date }
        return try? commit(tag.target).committer.time
    }

    /// The tagger, time and message of the annotated tag object `object`.
    public func tagDetails(_ object: CommitID) throws -> TagDetails {
        var oid = object.oid
        var tag: OpaquePointer? = nil
        try check(git_tag_lookup(&tag, pointer, &oid), "git_tag_lookup")
        defer { git_tag_free(tag) }
        return Self.details(of: tag)
    }

    private static func details(of tag: OpaquePointer?) -> TagDetails {
        let tagger = git_tag_tagger(tag)
        return TagDetails(
            date: tagger?.pointee.when.time,
            message: git_tag_message(tag).map { String(cString: $0) } ?? "",
            tagger: tagger.map { signature in
                "\(signature.pointee.name.map { String(cString: $0) } ?? "") <\(signature.pointee.email.map { String(cString: $0) } ?? "")>"
            })
    }

    /// The ids that packed-refs records, without a `^` (peeled) line, for refs it knows the peel of: every
    /// ref under `peeled`/`fully-peeled`'s rules (git's `packed-backend.c`: `fully-peeled` covers every
    /// ref, `peeled` those under refs/tags/). Such an id is not an annotated tag object (git reads it so
    /// too), whichever ref points at it. Empty when there is no packed-refs file or it makes no such promise.
    private func packedNonTagTargets() -> Set<CommitID> {
        let commonDir = trimmingTrailingSlash(string(git_repository_commondir(pointer)))
        guard let bytes = readFile(commonDir + "/packed-refs") else { return [] }
        return bytes.withUnsafeBufferPointer { Self.packedNonTagTargets(in: $0) }
    }

    /// `packedNonTagTargets()` of the packed-refs text `bytes`. Lines are found by scanning the bytes once
    /// (no slice per line, no `String` per id: the 1M bench repository's 6,708 tags cost 44M instructions).
    static func packedNonTagTargets(in bytes: UnsafeBufferPointer<UInt8>) -> Set<CommitID> {
        let newline = UInt8(ascii: "\n")
        func line(at start: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            return bytes[start..<end]
        }
        let header = line(at: 0)
        let marker = Array("# pack-refs with:".utf8)
        guard header.starts(with: marker) else { return [] }
        let traits = header.dropFirst(marker.count).split(separator: UInt8(ascii: " "))
            .map { String(decoding: $0, as: UTF8.self) }
        let fully = traits.contains("fully-peeled")
        guard fully || traits.contains("peeled") else { return [] }
        let tagsPrefix = Array("refs/tags/".utf8)
        var ids = Set<CommitID>()
        var pending: CommitID?
        var start = header.endIndex + 1
        while start < bytes.count {
            let line = line(at: start)
            start = line.endIndex + 1
            if line.isEmpty { continue }
            if line.first == UInt8(ascii: "^") {
                pending = nil
                continue
            }
            if let id = pending { ids.insert(id) }
            pending = nil
            guard line.count > 41, line.first != UInt8(ascii: "#") else { continue }
            let space = line.startIndex + 40
            guard line[space] == UInt8(ascii: " "),
                  fully || line[(space + 1)...].starts(with: tagsPrefix) else { continue }
            pending = CommitID(hexBytes: line[..<space])
        }
        if let id = pending { ids.insert(id) }
        return ids
    }

    /// The object type of `oid`, read from the object database's header (no inflating of the whole
    /// object); nil when it is missing.
    private func objectType(_ oid: UnsafePointer<git_oid>, odb: OpaquePointer?) throws -> git_object_t? {
        var size = 0
        var type = GIT_OBJECT_INVALID
        let header = git_odb_read_header(&size, &type, odb, oid)
        if header == GIT_ENOTFOUND.rawValue { return nil }
        try check(header, "git_odb_read_header")
        return type
    }

    private func tagRef(_ reference: OpaquePointer?, odb: OpaquePointer?,
                        packedNonTags: inout Set<CommitID>?) throws -> TagRef? {
        guard let fullName = git_reference_name(reference), let name = Self.shortTagName(fullName) else { return nil }
        var resolved: OpaquePointer? = nil
        defer { git_reference_free(resolved) }
        var direct = reference
        if git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC {
            let resolveResult = git_reference_resolve(&resolved, reference)
            if resolveResult == GIT_ENOTFOUND.rawValue { return nil }
            try check(resolveResult, "git_reference_resolve")
            direct = resolved
        }
        guard let targetOID = git_reference_target(direct) else { return nil }

        // packed-refs knows what an annotated tag peels to: taken on trust, checked when used.
        if let peeled = git_reference_target_peel(direct) {
            return TagRef(name: name, target: CommitID(peeled), object: CommitID(targetOID), verified: false)
        }
        // packed-refs also knows which ids are no annotated tags (whichever ref points at them); a ref to any
        // other id is loose, and read below.
        let target = CommitID(targetOID)
        if packedNonTags == nil { packedNonTags = packedNonTagTargets() }
        if packedNonTags?.contains(target) == true {
            return TagRef(name: name, target: target, verified: false)
        }
        switch try objectType(targetOID, odb: odb) {
        case GIT_OBJECT_COMMIT:
            return TagRef(name: name, target: CommitID(targetOID))
        case GIT_OBJECT_TAG:
            break
        default:
            return nil  // a tag on a tree or a blob, or a missing object
        }

        var tag: OpaquePointer? = nil
        let lookup = git_tag_lookup(&tag, pointer, targetOID)
        if lookup == GIT_ENOTFOUND.rawValue { return nil }
        try check(lookup, "git_tag_lookup")
        defer { git_tag_free(tag) }
        var commitOID: git_oid
        if git_tag_target_type(tag) == GIT_OBJECT_COMMIT, let target = git_tag_target_id(tag) {
            guard git_odb_exists(odb, target) == 1 else { return nil }  // beyond a shallow clone's boundary
            commitOID = target.pointee
        } else {
            // A tag of a tag: peel the chain.
            var commit: OpaquePointer? = nil
            guard git_object_peel(&commit, tag, GIT_OBJECT_COMMIT) == 0 else { return nil }
            defer { git_object_free(commit) }
            guard let id = git_object_id(commit) else { return nil }
            commitOID = id.pointee
        }
        return TagRef(name: name, target: CommitID(&commitOID), object: CommitID(targetOID),
                      date: git_tag_tagger(tag)?.pointee.when.time)
    }

    /// A configuration value as git would read it for this repository (local, then global and system); nil when unset.
    public func config(_ key: String) -> String? {
        var config: OpaquePointer? = nil
        guard git_repository_config(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_config_get_string_buf(&buffer, config, key) == 0, let text = buffer.ptr else { return nil }
        return String(cString: text)
    }

    /// The URL of the remote `name` (default "origin") as configured in `remote.<name>.url`; nil when there is
    /// no such remote.
    ///
    /// `url.<base>.insteadOf` rewriting is not applied: it is a transport detail (CI mirrors, SSH/HTTPS
    /// swaps), and links in release notes should use the URL the project configured.
    public func remoteURL(named name: String = "origin") -> String? {
        var remote: OpaquePointer? = nil
        guard git_remote_lookup(&remote, pointer, name) == 0 else { return nil }
        git_remote_free(remote)
        return config("remote.\(name).url")
    }

    /// Reads one commit. Throws a `GitError` with `isNotFound` when it is not in the object database.
    public func commit(_ id: CommitID) throws -> RawCommit {
        var oid = id.oid
        var commit: OpaquePointer? = nil
        try lookupCommit(&commit, pointer, &oid)
        guard let commit else {
            throw GitError.library(GIT_ENOTFOUND, "commit \(id) not found", "git_commit_lookup")
        }
        defer { git_commit_free(commit) }
        return RawCommit(commit, id: id)
    }

    /// Throws when `commit` or its tree cannot be read (a corrupt or incomplete object store): a status
    /// against a missing tree would report every file as changed.
    public func checkTree(of commit: CommitID) throws {
        var oid = commit.oid
        var object: OpaquePointer? = nil
        try lookupCommit(&object, pointer, &oid)
        defer { git_commit_free(object) }
        var tree: OpaquePointer? = nil
        try check(git_commit_tree(&tree, object), "git_commit_tree")
        git_tree_free(tree)
    }

    /// The id of `commit`'s tree (for tests that need a ref to something that is not a commit).
    package func treeID(of commit: CommitID) throws -> CommitID {
        var oid = commit.oid
        var object: OpaquePointer? = nil
        try lookupCommit(&object, pointer, &oid)
        defer { git_commit_free(object) }
        guard let tree = git_commit_tree_id(object) else {
            throw GitError.library(GIT_ENOTFOUND, "commit \(commit) has no tree", "git_commit_tree_id")
        }
        return CommitID(tree)
    }

    /// True when the tree of `commit` has a folder (a tree entry) at `path` ("barter-python", "crates/foo").
    package func hasFolder(atPath path: String, in commit: CommitID) throws -> Bool {
        try withTreeEntry(atPath: path, in: commit) { entry in
            entry.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
        }
    }

    /// The bytes of the file at `path` ("docs/CHANGELOG.md") in the tree of `commit`; nil when there is no file there.
    package func fileContents(atPath path: String, in commit: CommitID) throws -> [UInt8]? {
        try withTreeEntry(atPath: path, in: commit) { entry -> [UInt8]? in
            guard let entry, git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let blobID = git_tree_entry_id(entry) else {
                return nil
            }
            var blob: OpaquePointer? = nil
            try check(git_blob_lookup(&blob, pointer, blobID), "git_blob_lookup")
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: content, count: size))
        }
    }

    /// Calls `body` with the tree entry at `path` in the tree of `commit` (nil when there is none), freed after.
    private func withTreeEntry<Result>(
        atPath path: String, in commit: CommitID, _ body: (OpaquePointer?) throws -> Result
    ) throws -> Result {
        var oid = commit.oid
        var commitObject: OpaquePointer? = nil
        try lookupCommit(&commitObject, pointer, &oid)
        defer { git_commit_free(commitObject) }
        var tree: OpaquePointer? = nil
        try check(git_commit_tree(&tree, commitObject), "git_commit_tree")
        defer { git_tree_free(tree) }
        var entry: OpaquePointer? = nil
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return try body(nil) }
        try check(found, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        return try body(entry)
    }

    /// True when `ancestor` is reachable from `descendant` by following parents; a commit is its own ancestor.
    ///
    /// Uses libgit2's merge-base search, which does not honour `<gitdir>/shallow`: in a shallow clone it
    /// throws a not-found `GitError` when the answer lies beyond the boundary.
    public func isAncestor(_ ancestor: CommitID, of descendant: CommitID) throws -> Bool {
        if ancestor == descendant { return true }
        var commitOID = descendant.oid
        var ancestorOID = ancestor.oid
        return try check(git_graph_descendant_of(pointer, &commitOID, &ancestorOID), "git_graph_descendant_of") == 1
    }
}
