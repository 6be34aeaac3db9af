import NotesGit

/// What the notes leave out or fold by default so they read like what maintainers publish, each switchable
/// in notes.toml: release commits of any convention, dependency-bot updates, pull-request numbers in
/// "Linked issues", bots among the contributors.
public struct NoiseRules: Sendable, Equatable {
    /// Which references the "Linked issues" list shows (`[issues] list`).
    public enum IssueList: String, Sendable { case issues, all, none }
    /// Where bots go in the contributors list (`[contributors] bots`).
    public enum Bots: String, Sendable { case last, hide, mixed }

    /// `[commits] release_commits = "detect"`.
    public var detectReleaseCommits = true
    /// `[commits] dependency_updates = "fold"`.
    public var foldDependencyUpdates = true
    /// `[commits] merge_pull_requests`.
    public var mergePullRequests = true
    /// `[issues] list`.
    public var issueList = IssueList.issues
    /// `[contributors] bots`.
    public var bots = Bots.last
    /// `[commits] cherry_picks = "skip"`.
    public var skipCherryPicks = true

    /// The defaults.
    public init() {}

    /// The rules a configuration sets.
    public init(_ configuration: Configuration) {
        detectReleaseCommits = configuration.commits.releaseCommits != "chore-release"
        foldDependencyUpdates = configuration.commits.dependencyUpdates != "list"
        mergePullRequests = configuration.commits.mergePullRequests
        issueList = IssueList(rawValue: configuration.issues.list) ?? .issues
        bots = Bots(rawValue: configuration.contributors.bots) ?? .last
        skipCherryPicks = configuration.commits.cherryPicks != "list"
    }
}

/// Which commits are release commits: made by release tooling, not changes.
public enum ReleaseCommitRule {
    /// True for `chore(release): …`; with `detect`, also for a commit that is not a feature, fix,
    /// performance change or breaking change and whose subject names `version` (`release: v8.2.2`,
    /// `bump: version 4.12.1 → 4.13.0`, `release: cut the v22.1.5 release`), or that a release tag points at
    /// (`tagged`) and whose subject names any version or starts with `release`, `bump` or `version`.
    public static func isReleaseCommit(_ record: CommitRecord, version: ReleaseVersion?, tagged: Bool, detect: Bool) -> Bool {
        if let conventional = record.conventional, conventional.type == "chore",
           conventional.scope?.lowercased() == "release" { return true }
        guard detect else { return false }
        if let conventional = record.conventional {
            if conventional.isBreaking || ["feat", "fix", "perf"].contains(conventional.type) { return false }
        }
        let subject = record.subject
        if let version, names(subject, version.bare) { return true }
        guard tagged else { return false }
        let lower = subject.lowercased()
        if lower.hasPrefix("release") || lower.hasPrefix("bump") || lower.hasPrefix("version") { return true }
        return subject.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
            .contains { TagFamily.split(String($0))?.prefix == nil && TagFamily.split(String($0)) != nil }
    }

    /// True when `subject` has `bare` (`8.2.2`) as a word, alone or after `v`: not inside `18.2.21`.
    static func names(_ subject: String, _ bare: String) -> Bool {
        // Versions are ASCII: find them in the bytes, and judge an ASCII neighbour on its byte. A non-ASCII
        // neighbour (a digit of another script, say) is judged as a `Character`, as below.
        let needle = Array(bare.utf8)
        if !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }) {
            var decided: Bool?  // nil: undecided here (no contiguous bytes, or a non-ASCII neighbour)
            subject.utf8.withContiguousStorageIfAvailable { haystack in
                decided = false
                var from = 0
                while let start = needle.withUnsafeBufferPointer({ UTF8Scan.offset(of: $0, in: haystack, from: from) }) {
                    let end = start + needle.count
                    let before: UInt8? = start == 0 ? nil : haystack[start - 1]
                    let after: UInt8? = end == haystack.count ? nil : haystack[end]
                    if (before ?? 0) >= 0x80 || (after ?? 0) >= 0x80 { decided = nil; return }
                    let isDigit = UTF8Scan.isDigit
                    let beforeOK = before.map { !isDigit($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") } ?? true
                    let afterOK = after.map { byte in
                        !isDigit(byte) && byte != UInt8(ascii: "-")
                            && !(byte == UInt8(ascii: ".") && end + 1 < haystack.count && isDigit(haystack[end + 1]))
                    } ?? true
                    if beforeOK && afterOK { decided = true; return }
                    from = end  // the search goes on after the match, as `range(of:)` below does
                }
            }
            if let decided { return decided }
        }
        var search = subject.startIndex
        while let found = subject.range(of: bare, range: search..<subject.endIndex) {
            let before = found.lowerBound == subject.startIndex ? nil : subject[subject.index(before: found.lowerBound)]
            let after = found.upperBound == subject.endIndex ? nil : subject[found.upperBound]
            let beforeOK = before.map { !$0.isNumber && $0 != "." && $0 != "-" } ?? true
            let afterOK = after.map { !$0.isNumber && !($0 == "." && subject[found.upperBound...].dropFirst().first?.isNumber == true) && $0 != "-" } ?? true
            if beforeOK && afterOK { return true }
            search = found.upperBound
        }
        return false
    }
}

/// Dependency updates made by bots or by hand: `chore(deps): …`, `build(deps-dev): …`, and bots'
/// `Bump x from 1 to 2` / `Update dependency x` commits. Features, fixes, performance and breaking changes
/// never are: a project that types an update `fix(deps)` publishes it as a fix.
public enum DependencyUpdate {
    /// True when `record` is a dependency update.
    public static func matches(_ record: CommitRecord) -> Bool {
        if let conventional = record.conventional {
            // A feature or fix is a change the project chose to publish, even when it updates a dependency
            // (`fix(deps): update rollup`).
            if conventional.isBreaking || ["feat", "fix", "perf"].contains(conventional.type) { return false }
            if let scope = conventional.scope?.lowercased(), scope.hasPrefix("deps"),
               ["chore", "build", "ci"].contains(conventional.type) { return true }
        }
        guard Contributor.isBot(name: record.author.name, email: record.author.email) else { return false }
        let text = (record.conventional?.description ?? record.subject).lowercased()
        return text.hasPrefix("bump ") || text.hasPrefix("update ") || text.hasPrefix("upgrade ")
            || (record.conventional?.scope?.lowercased().hasPrefix("deps") ?? false)
    }
}

/// The pull-request numbers of `Merge pull request #N from …` commits, given to the commits each merge
/// brought in (reachable from its second parent and not from its first), within the range.
public enum MergePullRequests {
    /// Commit id → the pull request that brought it in (the newest merge wins).
    public static func numbers(in commits: [CommitRecord]) -> [CommitID: IssueReference] {
        let merges = commits.filter { $0.isMerge && $0.parents.count > 1 }
        guard !merges.isEmpty else { return [:] }
        var byID: [CommitID: Int] = [:]
        byID.reserveCapacity(commits.count)
        for (index, record) in commits.enumerated() { byID[record.id] = index }
        var result: [CommitID: IssueReference] = [:]
        // Oldest merge first, so a newer merge that brings in an older one's commits does not take them.
        for merge in merges.reversed() {
            guard let number = number(in: merge.subject) else { continue }
            let base = ancestors(of: merge.parents[0], in: byID, commits)
            var stack = [merge.parents[1]]
            var seen: Set<CommitID> = []
            while let id = stack.popLast() {
                guard !base.contains(id), seen.insert(id).inserted, let index = byID[id] else { continue }
                let record = commits[index]
                if !record.isMerge, result[id] == nil { result[id] = IssueReference(number: number) }
                stack.append(contentsOf: record.parents)
            }
        }
        return result
    }

    /// N in `Merge pull request #N from …`.
    static func number(in subject: String) -> Int? {
        let prefix = "Merge pull request #"
        guard subject.hasPrefix(prefix) else { return nil }
        return Int(subject.dropFirst(prefix.count).prefix(while: \.isNumber))
    }

    private static func ancestors(of start: CommitID, in byID: [CommitID: Int], _ commits: [CommitRecord])
        -> Set<CommitID>
    {
        var seen: Set<CommitID> = []
        var stack = [start]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let index = byID[id] else { continue }
            stack.append(contentsOf: commits[index].parents)
        }
        return seen
    }
}

extension Contributor {
    /// True for bot accounts: `[bot]` in the name or email (`dependabot[bot]`, `renovate[bot]`).
    public static func isBot(name: String, email: String) -> Bool {
        // "[bot]" is ASCII: compare bytes, ASCII letters folded, instead of lowercasing both strings and
        // searching with Foundation (a sixth of counting contributors).
        let marker = Array("[bot]".utf8)
        func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            for offset in 0..<marker.count {
                var byte = bytes[start + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != marker[offset] { return false }
            }
            return true
        }
        var name = name
        let suffix = name.withUTF8 { bytes in
            bytes.count >= marker.count && matches(bytes, at: bytes.count - marker.count)
        }
        if suffix { return true }
        var email = email
        return email.withUTF8 { bytes in
            guard bytes.count >= marker.count else { return false }
            for start in 0...(bytes.count - marker.count) where matches(bytes, at: start) { return true }
            return false
        }
    }
}
