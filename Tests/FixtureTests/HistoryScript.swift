import Foundation
import NotesGit

/// Builds a real repository, with libgit2, from a small script: the `history` file of a fixture case.
///
/// ```
/// # comment
/// remote origin https://github.com/acme/widget.git
/// commit feat(api): add widget              one-line message
/// commit{author=Bob <bob@example.com>; files=python/a.py,core/b.rs; id=w} fix: crash
/// | body line (every `| ` line continues the message; a lone `|` is a blank line)
/// tag v1.0.0                                 lightweight tag on HEAD
/// tag v1.0.0 annotated                       annotated tag on HEAD
/// tag v0.9.0 at HEAD~2                       tag another commit
/// branch feature                             create a branch at HEAD and switch to it
/// switch main
/// merge feature                              merge commit "Merge branch 'feature'"
/// merge feature: Merge pull request #5 from acme/feature
/// revert w [as r]                            `Revert "<subject>"` + `This reverts commit <id>.` (labelled r)
/// shallow HEAD~3                             make the clone shallow at that commit
/// checkout                                   make the index and the work tree match HEAD (git checkout -f)
/// write dir/file.txt some text               write `some text` + newline into the work tree (a change)
/// config user.name Ada                       set a value in the repository's config
/// tag-tree v9.9.9                            a tag pointing at HEAD's tree, not at a commit
/// skip-worktree dir/file.txt                 mark it skip-worktree and delete it from the work tree (sparse)
/// pack-refs                                  move every ref into packed-refs, annotated tags peeled (as a clone has them)
/// symlink CHANGELOG.md ../outside.md         a symbolic link in the work tree (not committed), target as written
/// fifo notes.toml                            a FIFO in the work tree (not committed)
/// ```
/// Commit attributes: `author`, `date` (unix seconds), `files` (comma-separated paths),
/// `encoding` (write the message in that encoding with an encoding header), `raw-latin1`
/// (Latin-1 bytes without a header), `raw-author` (the author line as given, unchecked: `Bad <bad@example.com`
/// makes a commit libgit2 cannot parse; later commits are then written raw on top of it), `id` (a label for `revert`), `worktree` (the commit also takes every
/// file in the work tree: the case's `files/`, copied in before the history runs). Dates start at
/// 2025-01-01T00:00:00Z and advance one hour per commit; tags are dated one minute after HEAD.
struct HistoryScript {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let startDate: Int64 = 1_735_689_600

    let repository: Repository
    var clock = startDate
    var counter = 0
    var currentBranch = "main"
    var branchFiles: [String: [String: [UInt8]]] = ["main": [:]]
    var labels: [String: (CommitID, String)] = [:]
    var pendingShallow: String?
    /// After a `raw-author` commit (which libgit2 cannot parse), every commit is written raw on top of it.
    var rawHead: (id: CommitID, tree: CommitID)?

    static func build(script: String, at path: String) throws -> Repository {
        var builder = HistoryScript(repository: try Repository.create(at: path, initialBranch: "main"))
        var lines = script.components(separatedBy: "\n")[...]
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var message = ""
            if trimmed.hasPrefix("commit") {
                var body: [String] = []
                while let next = lines.first, next.hasPrefix("|") {
                    lines.removeFirst()
                    lineNumber += 1
                    body.append(next == "|" ? "" : String(next.dropFirst(2)))
                }
                message = body.isEmpty ? "" : "\n" + body.joined(separator: "\n")
            }
            do {
                try builder.perform(trimmed, continuation: message)
            } catch {
                throw Failure(description: "history line \(lineNumber): \(error)")
            }
        }
        if let shallow = builder.pendingShallow { try builder.makeShallow(at: shallow) }
        return try Repository.open(at: path)
    }

    mutating func perform(_ line: String, continuation: String) throws {
        let (keyword, rest) = split(line)
        switch keyword {
        case "remote":
            let (name, url) = split(rest)
            try repository.addRemote(named: name, url: url)
        case "commit":
            var attributes: [String: String] = [:]
            var subject = rest
            if line.hasPrefix("commit{"), let close = line.firstIndex(of: "}") {
                let inner = line[line.index(line.startIndex, offsetBy: 7)..<close]
                for pair in inner.split(separator: ";") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    attributes[parts[0].trimmingCharacters(in: .whitespaces)] =
                        parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                }
                subject = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            }
            let id = try commit(message: subject + continuation, attributes: attributes)
            if let label = attributes["id"] { labels[label] = (id, subject) }
        case "tag":
            let words = rest.split(separator: " ").map(String.init)
            guard let name = words.first else { throw Failure(description: "tag needs a name") }
            var target = try head()
            if let at = words.firstIndex(of: "at"), at + 1 < words.count {
                target = try repository.resolveCommit(words[at + 1])
            }
            let date = clock + 60
            if words.contains("annotated") {
                try repository.createAnnotatedTag(
                    named: name, target: target,
                    tagger: Signature(name: "Releaser", email: "release@example.com", time: date, offsetMinutes: 0),
                    message: "Release \(name)\n")
            } else {
                try repository.createLightweightTag(named: name, target: target)
            }
        case "branch":
            branchFiles[rest] = branchFiles[currentBranch]
            try repository.setReference("refs/heads/\(rest)", to: try head())
            currentBranch = rest
            try repository.setHead("refs/heads/\(rest)")
        case "switch":
            guard branchFiles[rest] != nil else { throw Failure(description: "no branch \(rest)") }
            currentBranch = rest
            try repository.setHead("refs/heads/\(rest)")
        case "merge":
            let parts = rest.split(separator: ":", maxSplits: 1)
            let branch = parts[0].trimmingCharacters(in: .whitespaces)
            let message = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "Merge branch '\(branch)'"
            let other = try repository.resolveCommit("refs/heads/\(branch)")
            let otherFiles = branchFiles[branch] ?? [:]
            try commit(message: message, attributes: [:], extraParents: [other], extraFiles: otherFiles)
        case "revert":
            let words = rest.split(separator: " ").map(String.init)
            guard let label = words.first, let (id, subject) = labels[label] else {
                throw Failure(description: "no commit labelled \(rest)")
            }
            let revertSubject = "Revert \"\(subject)\""
            let revertID = try commit(message: "\(revertSubject)\n\nThis reverts commit \(id.hex).", attributes: [:])
            if words.count == 3, words[1] == "as" { labels[words[2]] = (revertID, revertSubject) }
        case "shallow":
            pendingShallow = rest
        case "checkout":
            try repository.checkoutHead()
        case "write":
            let (path, text) = split(rest)
            let full = try workdir() + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try (text + "\n").write(toFile: full, atomically: true, encoding: .utf8)
        case "symlink":
            let (path, target) = split(rest)
            let full = try workdir() + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: full)
            try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        case "fifo":
            let full = try workdir() + "/" + rest
            try? FileManager.default.removeItem(atPath: full)
            guard mkfifo(full, 0o644) == 0 else { throw Failure(description: "mkfifo \(rest) failed") }
        case "skip-worktree":
            // A sparse checkout's view of PATH: marked skip-worktree in the index and absent from the work tree.
            try repository.setSkipWorktree([rest])
            try? FileManager.default.removeItem(atPath: try workdir() + "/" + rest)
        case "config":
            let (key, value) = split(rest)
            try repository.setConfig(key, value)
        case "pack-refs":
            try repository.packReferences()
        case "tag-tree":
            try repository.setReference("refs/tags/" + rest, to: try repository.treeID(of: try head()))
        default:
            throw Failure(description: "unknown instruction \(keyword)")
        }
    }

    func split(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "{" }) else { return (text, "") }
        return (String(text[..<space]), text[space...].trimmingCharacters(in: .whitespaces))
    }

    func head() throws -> CommitID {
        if let rawHead { return rawHead.id }
        guard let head = try repository.headCommit() else { throw Failure(description: "no commit yet") }
        return head
    }

    @discardableResult
    mutating func commit(message: String, attributes: [String: String], extraParents: [CommitID] = [],
                         extraFiles: [String: [UInt8]] = [:]) throws -> CommitID {
        counter += 1
        clock += 3600
        let date = attributes["date"].flatMap { Int64($0) } ?? clock
        var author = Signature(name: "Alice Example", email: "alice@example.com", time: date, offsetMinutes: 0)
        if let text = attributes["author"], let open = text.firstIndex(of: "<"), let close = text.firstIndex(of: ">") {
            author.name = text[..<open].trimmingCharacters(in: .whitespaces)
            author.email = String(text[text.index(after: open)..<close])
        }
        if attributes["raw-author"] != nil || rawHead != nil {
            // `raw-author=Bad <bad@example.com` writes the author line as given: an unclosed `<` makes a commit
            // `git log` shows and libgit2 cannot parse (issue 24 item 8).
            let parent = try head()
            let tree = try rawHead?.tree ?? repository.treeID(of: parent)
            let line = attributes["raw-author"].map { "\($0) \(date) +0000" } ?? "\(author.name) <\(author.email)> \(date) +0000"
            let id = try repository.createRawCommit(tree: tree, parents: [parent], author: line,
                                                    committer: "\(author.name) <\(author.email)> \(date) +0000",
                                                    message: message + "\n")
            rawHead = (id, tree)
            return id
        }
        var changes: [String: [UInt8]?] = [:]
        for (path, content) in extraFiles { changes[path] = content }
        if attributes["worktree"] != nil {
            for (path, content) in try workTreeFiles() { changes[path] = content }
        }
        if extraParents.isEmpty, attributes["worktree"] == nil || attributes["files"] != nil {
            let paths = attributes["files"].map { $0.split(separator: ",").map(String.init) } ?? ["files/\(counter).txt"]
            for path in paths { changes[path] = Array("change \(counter)\n".utf8) }
        }
        for (path, content) in changes { branchFiles[currentBranch, default: [:]][path] = content ?? [] }
        var bytes = Array(message.utf8)
        var encoding: String?
        if let name = attributes["encoding"] {
            encoding = name
            bytes = try encode(message, name)
        } else if attributes["raw-latin1"] != nil {
            bytes = try encode(message, "ISO-8859-1")
        }
        let parents = (try repository.headCommit()).map { [$0] } ?? []
        return try repository.createCommit(
            changes: changes, message: bytes + [0x0A], author: author, committer: author,
            parents: parents + extraParents, encoding: encoding, updateRef: "HEAD")
    }

    func workdir() throws -> String {
        guard let workdir = repository.workdir else { throw Failure(description: "the repository is bare") }
        return workdir
    }

    /// Every file in the work tree outside `.git`, by relative path.
    func workTreeFiles() throws -> [String: [UInt8]] {
        let root = try workdir()
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let item = enumerator?.nextObject() as? String {
            if item == ".git" || item.hasPrefix(".git/") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: root + "/" + item) {
                files[item] = Array(data)
            }
        }
        return files
    }

    func encode(_ text: String, _ name: String) throws -> [UInt8] {
        let encodings: [String: String.Encoding] = [
            "iso-8859-1": .isoLatin1, "latin1": .isoLatin1, "windows-1252": .windowsCP1252,
            "cp1252": .windowsCP1252, "shift_jis": .shiftJIS, "euc-jp": .japaneseEUC,
        ]
        guard let encoding = encodings[name.lowercased()], let data = text.data(using: encoding) else {
            throw Failure(description: "cannot encode the message as \(name)")
        }
        return Array(data)
    }

    /// Makes the repository shallow at `revision`: lists it in `<gitdir>/shallow` and deletes the loose
    /// commit objects of its ancestors, as a `git clone --depth` would have left them out.
    func makeShallow(at revision: String) throws {
        let boundary = try repository.resolveCommit(revision)
        let parents = try repository.commit(boundary).parents
        var ancestors: [CommitID] = []
        if !parents.isEmpty {
            try repository.walk(including: parents, excluding: []) { raw in
                ancestors.append(raw.id)
                return .continue
            }
        }
        let gitDir = repository.gitDir.hasSuffix("/") ? repository.gitDir : repository.gitDir + "/"
        try (boundary.hex + "\n").write(toFile: gitDir + "shallow", atomically: true, encoding: .utf8)
        for id in ancestors {
            let path = gitDir + "objects/" + id.hex.prefix(2) + "/" + id.hex.dropFirst(2)
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
