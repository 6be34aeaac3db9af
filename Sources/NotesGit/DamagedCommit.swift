internal import CGit2

/// A commit libgit2 cannot parse. libgit2 is stricter than git about commit headers: an author line with an
/// unclosed `<` (`author Bad <bad@example.com 1764000000 +0000`) makes `git_commit_lookup`, and the peeling
/// of a branch that points at it, fail, while `git log` still shows the commit. libgit2 then says "failed
/// to parse signature - malformed e-mail", or, when HEAD is peeled, "'refs/heads/main' cannot be peeled",
/// and names no commit. Every commit lookup goes through ``lookupCommit(_:_:_:)``, which names the commit and
/// the malformed header field instead (`GitError.damagedCommit`).
enum DamagedCommit {
    /// True when `error` says libgit2 could not parse an object it read.
    static func isParseFailure(_ error: GitError) -> Bool {
        error.message.hasPrefix("failed to parse") || error.message.contains("failed to parse")
    }

    /// The header field of the raw commit `oid` whose line is malformed (`author`, `committer`, `tree`,
    /// `parent`), read from the object database without parsing; "header" when none can be named.
    static func malformedField(_ repository: OpaquePointer, _ oid: UnsafePointer<git_oid>) -> String {
        var odb: OpaquePointer? = nil
        guard git_repository_odb(&odb, repository) == 0 else { return "header" }
        defer { git_odb_free(odb) }
        var object: OpaquePointer? = nil
        guard git_odb_read(&object, odb, oid) == 0, let object else { return "header" }
        defer { git_odb_object_free(object) }
        guard let data = git_odb_object_data(object) else { return "header" }
        let bytes = UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: git_odb_object_size(object))
        return malformedField(in: Array(bytes))
    }

    /// The first malformed header line's field in a raw commit: `author`/`committer` lines must read
    /// `Name <email> seconds ±hhmm` (an empty email `<>` is fine), `tree`/`parent` lines a 40-digit id.
    static func malformedField(in bytes: [UInt8]) -> String {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = Array(bytes[start..<end])
            if line.isEmpty { break }  // the end of the header
            if let space = line.firstIndex(of: 0x20) {
                let field = String(decoding: line[..<space], as: UTF8.self)
                let value = Array(line[(space + 1)...])
                switch field {
                case "author", "committer":
                    if !isSignature(value) { return field }
                case "tree", "parent":
                    if value.count != 40 || !value.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) {
                        return field
                    }
                default:
                    break
                }
            }
            start = end + 1
        }
        return "header"
    }

    /// `Name <email> 1764000000 +0000`: a `<`, then a `>` after it, then a time.
    static func isSignature(_ value: [UInt8]) -> Bool {
        guard let open = value.firstIndex(of: UInt8(ascii: "<")),
              let close = value[open...].firstIndex(of: UInt8(ascii: ">")) else { return false }
        let rest = value[(close + 1)...].drop { $0 == 0x20 }
        return rest.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }

    /// The error for commit `oid` that libgit2 failed to parse with `error`.
    static func error(_ repository: OpaquePointer, _ oid: UnsafePointer<git_oid>, _ error: GitError) -> GitError {
        let id = CommitID(oid)
        let field = malformedField(repository, oid)
        return GitError(code: error.code, errorClass: error.errorClass,
                        message: "commit \(id.hex) cannot be read: its \(field) line is malformed (libgit2: \(error.message))",
                        call: error.call, systemError: error.systemError, damagedCommit: id.hex)
    }
}

/// `git_commit_lookup`, with a commit libgit2 cannot parse reported by id and field (``DamagedCommit``).
func lookupCommit(_ commit: inout OpaquePointer?, _ repository: OpaquePointer?, _ oid: UnsafePointer<git_oid>) throws(GitError) {
    let result = ReadWatchdog.reading(oid) { git_commit_lookup(&commit, repository, oid) }
    guard result < 0 else { return }
    let error = GitError.last(result, "git_commit_lookup")
    if let repository, DamagedCommit.isParseFailure(error) { throw DamagedCommit.error(repository, oid, error) }
    throw error
}
