@testable import NotesCore
import NotesGit

/// A commit graph in memory, for the planner's table tests: commits named by labels, each with its parents
/// and the whole tree (path → text), tags by name, HEAD. No libgit2.
final class FakeReleaseFacts: ReleaseFacts {
    struct Commit {
        let label: String
        let parents: [String]
        let files: [String: String]
        let subject: String
    }

    private(set) var commits: [String: Commit] = [:]
    /// Labels in the order made: newer commits come later.
    private(set) var order: [String] = []
    private var tags: [TagRef] = []
    private(set) var head: String?
    /// How many ancestry questions were asked (the planner should ask few).
    private(set) var ancestryQuestions = 0

    /// A commit on top of `parents` (default: HEAD), its tree the first parent's with `changes` applied
    /// (nil deletes a file). HEAD moves to it.
    @discardableResult
    func commit(_ label: String, parents: [String]? = nil, _ changes: [String: String?] = [:],
                subject: String? = nil) -> FakeReleaseFacts {
        let parents = parents ?? head.map { [$0] } ?? []
        var files = parents.first.flatMap { commits[$0]?.files } ?? [:]
        for (path, text) in changes { files[path] = text }
        commits[label] = Commit(label: label, parents: parents, files: files, subject: subject ?? "commit \(label)")
        order.append(label)
        head = label
        return self
    }

    /// A tag on the commit `label` (default HEAD); `onTree` makes one whose target is no commit.
    @discardableResult
    func tag(_ name: String, at label: String? = nil, onTree: Bool = false) -> FakeReleaseFacts {
        let target = onTree ? Self.id("tree:" + name) : Self.id(label ?? head ?? "")
        tags.append(TagRef(name: name, target: target, verified: !onTree))
        return self
    }

    /// Moves HEAD.
    @discardableResult
    func checkout(_ label: String) -> FakeReleaseFacts {
        head = label
        return self
    }

    /// A stable commit id for a label.
    static func id(_ label: String) -> CommitID {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hex = ""
        for round in 0..<3 {
            for byte in (label + "#\(round)").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hex += String(hash, radix: 16).leftPadded(16)
        }
        return CommitID(hex: String(hex.prefix(40)))!
    }

    func label(of id: CommitID) -> String? { order.first { Self.id($0) == id } }

    private func commit(_ id: CommitID) -> Commit? { label(of: id).flatMap { commits[$0] } }

    private func reachable(from start: CommitID) -> Set<String> {
        guard let first = label(of: start) else { return [] }
        var seen: Set<String> = [first]
        var stack = [first]
        while let next = stack.popLast() {
            for parent in commits[next]?.parents ?? [] where seen.insert(parent).inserted { stack.append(parent) }
        }
        return seen
    }

    // MARK: ReleaseFacts

    func listedTags() throws -> [TagRef] { tags.sorted { $0.name < $1.name } }

    func pointsAtCommit(_ tag: TagRef) -> Bool { commit(tag.target) != nil }

    func headCommit() throws -> CommitID? { head.map(Self.id) }

    func resolve(_ revision: String, option: String) throws -> CommitID {
        if revision == "HEAD", let head { return Self.id(head) }
        if commits[revision] != nil { return Self.id(revision) }
        if let tag = tags.first(where: { $0.name == revision }) { return tag.target }
        throw NotesError(.badInput, "\(option) \"\(revision)\" names no commit")
    }

    func isAncestor(_ ancestor: CommitID, of descendant: CommitID, rangeLabel: String) throws -> Bool {
        ancestryQuestions += 1
        return label(of: ancestor).map { reachable(from: descendant).contains($0) } ?? false
    }

    func firstReachable(_ candidates: [VersionTag], from start: CommitID, rangeLabel: String) throws -> VersionTag? {
        ancestryQuestions += 1
        let set = reachable(from: start)
        return candidates.first { label(of: $0.tag.target).map(set.contains) ?? false }
    }

    func contents(of path: String, at commit: CommitID) -> [UInt8]? {
        self.commit(commit)?.files[path].map { Array($0.utf8) }
    }

    func hasFolder(_ path: String, at commit: CommitID) -> Bool {
        self.commit(commit)?.files.keys.contains { $0.hasPrefix(path + "/") } ?? false
    }

    func fileChanges(of path: String, from start: CommitID, _ visit: (FileChangeFact) -> Bool) {
        let set = reachable(from: start)
        for label in order.reversed() where set.contains(label) {
            guard let commit = commits[label] else { continue }
            let after = commit.files[path]
            let before = commit.parents.first.flatMap { commits[$0]?.files[path] }
            guard after != before else { continue }
            let fact = FileChangeFact(commit: Self.id(label), subject: commit.subject,
                                      contents: after.map { Array($0.utf8) }, previous: before.map { Array($0.utf8) })
            if !visit(fact) { return }
        }
    }

    func subject(of commit: CommitID) -> String { self.commit(commit)?.subject ?? "" }
}

extension String {
    fileprivate func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

/// A Cargo.toml holding `version`.
func cargo(_ version: String, name: String = "crate") -> String {
    "[package]\nname = \"\(name)\"\nversion = \"\(version)\"\n"
}
