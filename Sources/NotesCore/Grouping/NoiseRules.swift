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
    /// `[commits] split_body`.
    public var splitBody = true

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
        splitBody = configuration.commits.splitBody
    }
}

/// Which commits are release commits: made by release tooling, not changes.
public enum ReleaseCommitRule {
    /// True when `reason` finds one.
    public static func isReleaseCommit(_ record: CommitRecord, version: ReleaseVersion?, tagged: Bool, detect: Bool) -> Bool {
        reason(record, version: version, tagged: tagged, detect: detect) != nil
    }

    /// Why `record` is a release commit, for `--explain`; nil when it is a change. `chore(release): …` always
    /// is. With `detect`, so is a commit that is not a feature, fix, performance change or breaking change
    /// and that
    /// - is a release tool's release commit for any package or family: `chore: release (#1234)`,
    ///   `chore(main): release 17.11.1 (#2864)`, `chore: release main`, `release: plugin-legacy@8.2.3`,
    ///   `Version Packages (#812)` (changesets), `Release v1.2.3`;
    /// - names `version` (`release: v8.2.2`, `bump: version 4.12.1 → 4.13.0`, `release: cut the v22.1.5 release`);
    /// - or that a release tag points at (`tagged`) and whose subject names any version or starts with
    ///   `release`, `bump` or `version`.
    public static func reason(_ record: CommitRecord, version: ReleaseVersion?, tagged: Bool, detect: Bool) -> String? {
        if let conventional = record.conventional, conventional.type == "chore",
           conventional.scope?.lowercased() == "release" { return "chore(release)" }
        guard detect else { return nil }
        if let conventional = record.conventional {
            if conventional.isBreaking || ["feat", "fix", "perf"].contains(conventional.type) { return nil }
        }
        let subject = record.subject
        if let tool = releaseToolSubject(record) { return tool }
        if let version, names(subject, version.bare) { return "its subject names \(version.bare)" }
        if record.conventional == nil, versionBumpName(subject) != nil {
            return "its subject is a package name and a version"
        }
        // `Revert "axum-core 0.5.6"`: undoing a release commit is release machinery too.
        if let reverted = record.revert?.revertedSubject, versionBumpName(reverted) != nil {
            return "it reverts a package name and a version"
        }
        guard tagged else { return nil }
        let lower = subject.lowercased()
        if lower.hasPrefix("release") || lower.hasPrefix("bump") || lower.hasPrefix("version") {
            return "a release tag points at it"
        }
        if subject.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
            .contains(where: { TagFamily.split(String($0))?.prefix == nil && TagFamily.split(String($0)) != nil }) {
            return "a release tag points at it"
        }
        return nil
    }

    /// Words after `release` that make it something other than a release: `chore: release notes`.
    private static let notReleased: Set<String> = [
        "notes", "note", "script", "scripts", "workflow", "workflows", "process", "docs", "doc", "please", "pipeline",
        "tooling", "config", "configuration", "job", "jobs", "action", "actions", "tool", "tools", "automation",
        "checklist", "build", "builds", "branch", "branches", "ci", "template", "templates", "drafter", "instructions",
    ]

    /// The release commit of a release tool, for this package or another (`release: plugin-legacy@8.2.3` in
    /// vite, where each package has its tag family): the reason, or nil.
    static func releaseToolSubject(_ record: CommitRecord) -> String? {
        let text: String
        if let conventional = record.conventional {
            if conventional.type == "release" {
                // `release: plugin-legacy@8.2.3`, `release: v8.2.2`: a release type naming any version.
                return containsVersion(conventional.description) ? "release: names a version" : nil
            }
            guard ["chore", "build", "ci"].contains(conventional.type) else { return nil }
            text = conventional.description
        } else {
            text = record.subject
        }
        let words = SquashSuffix.split(text).text.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" })
        guard let first = words.first else { return nil }
        if words.count == 2, first == "version", words[1] == "packages" { return "changesets' Version Packages" }
        guard first == "release" || first == "releasing" else { return nil }
        let rest = words.dropFirst()
        // `release`, `release main`, `release 1.2.3`, `release foo@1.2.3 bar-v2.0.0`.
        if rest.isEmpty { return "a release pull request" }
        if rest.allSatisfy({ containsVersion(String($0)) }) { return "a release names a version" }
        if rest.count == 1, !notReleased.contains(String(rest.first!)), record.conventional != nil {
            return "a release pull request"
        }
        if rest.count >= 2, rest.contains(where: { containsVersion(String($0)) }),
           rest.allSatisfy({ containsVersion(String($0)) || $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" || $0 == "/" } }),
           rest.count <= 4 {
            return "a release names a version"
        }
        return nil
    }

    /// The package a subject of exactly `<package> <version>` names (`axum-core 0.5.6`, `barter-data v0.9.1`:
    /// workspaces that bump each crate in a commit of its own, then tag it), or nil. The name is a package
    /// name (letters, digits, `-`, `_`, `.`, `@`, `/`, starting with a letter or `@`); the version is strict
    /// SemVer with an optional `v`.
    static func versionBumpName(_ subject: String) -> String? {
        let words = subject.trimmedWhitespace().split(separator: " ")
        guard words.count == 2, let first = words[0].first, first.isLetter || first == "@",
              words[0].allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.@/".contains($0) }),
              ReleaseVersion(String(words[1])) != nil else { return nil }
        return String(words[0])
    }

    /// True when `text` has a version: digits, a dot, digits (`8.2.3`, `v1.2`, `plugin-legacy@8.2.3`).
    static func containsVersion(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where index + 2 < scalars.count {
            if ("0"..."9").contains(scalars[index]), scalars[index + 1] == ".", ("0"..."9").contains(scalars[index + 2]) {
                return true
            }
        }
        return false
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
    /// Commit id → the pull request that brought it in: for each `Merge pull request #N` merge, oldest first,
    /// the commits reachable from its second parent and not from its first, that no older merge took.
    ///
    /// Near linear: each merge paints from both parents at once, newest first (the walk's order, `commits`'
    /// index), and stops as soon as no commit only the second parent reaches is left queued, so it reads the
    /// merged branch and the first parent's commits of the same stretch of time, not the whole history
    /// below the merge (which made a 100k-commit range quadratic: 1,500 merges × the history).
    public static func numbers(in commits: [CommitRecord]) -> [CommitID: IssueReference] {
        let merges = commits.indices.filter { commits[$0].isMerge && commits[$0].parents.count > 1 }
        guard !merges.isEmpty else { return [:] }
        var byID: [CommitID: Int] = [:]
        byID.reserveCapacity(commits.count)
        for (index, record) in commits.enumerated() { byID[record.id] = index }
        var result: [CommitID: IssueReference] = [:]
        // Oldest merge first, so a newer merge that brings in an older one's commits does not take them.
        for merge in merges.reversed() {
            guard let number = number(in: commits[merge].subject) else { continue }
            for index in broughtIn(by: merge, commits, byID) where result[commits[index].id] == nil {
                result[commits[index].id] = IssueReference(number: number)
            }
        }
        return result
    }

    /// The non-merge commits (indices) reachable from the second parent of `commits[merge]` and not from its
    /// first, within `commits` (newest first: a parent has a higher index than its children).
    static func broughtIn(by merge: Int, _ commits: [CommitRecord], _ byID: [CommitID: Int]) -> [Int] {
        let base: UInt8 = 1, side: UInt8 = 2
        var flags: [Int: UInt8] = [:]
        var heap = IndexHeap()
        var onlySide = Set<Int>()  // queued commits only the second parent reaches so far
        func mark(_ id: CommitID, _ flag: UInt8) {
            guard let index = byID[id] else { return }
            let old = flags[index] ?? 0
            let new = old | flag
            guard new != old else { return }
            flags[index] = new
            if old == 0 { heap.push(index) }
            if new == side { onlySide.insert(index) } else { onlySide.remove(index) }
        }
        let parents = commits[merge].parents
        mark(parents[0], base)
        mark(parents[1], side)
        var result: [Int] = []
        while !onlySide.isEmpty, let index = heap.pop() {
            let flag = flags[index] ?? 0
            onlySide.remove(index)
            if flag == side && !commits[index].isMerge { result.append(index) }
            for parent in commits[index].parents { mark(parent, flag) }
        }
        return result
    }

    /// N in `Merge pull request #N from …`.
    static func number(in subject: String) -> Int? {
        let prefix = "Merge pull request #"
        guard subject.hasPrefix(prefix) else { return nil }
        return Int(subject.dropFirst(prefix.count).prefix(while: \.isNumber))
    }
}

/// A min-heap of indices: the newest commit (lowest index) first.
struct IndexHeap {
    private var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard !items.isEmpty else { return nil }
        let first = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var index = 0
        while true {
            var child = 2 * index + 1
            if child >= items.count { break }
            if child + 1 < items.count, items[child + 1] < items[child] { child += 1 }
            guard items[child] < items[index] else { break }
            items.swapAt(child, index)
            index = child
        }
        return first
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
