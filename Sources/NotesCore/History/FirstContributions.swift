import NotesGit

/// Finds which of a release's people contributed before it: a walk of the history before the range, newest
/// first, that stops as soon as every person has been met (``PriorContributionSearch``).
///
/// Why a bounded walk and no cache: a person who contributed before usually did so recently, so the walk
/// ends within a few hundred commits of the range, whatever the history's size. Only a release with a
/// genuinely new contributor reads the whole history before it (the only way to know nobody was there),
/// about 1 s per 100k commits. A cache in `.git` would make `draft` write into the repository, which notes
/// never does for a read; and the answer is never stale, since nothing is stored.
extension ReleaseHistory {
    /// The contributors of `notes` whose first commit in the repository's whole history is in the release:
    /// none of their identities (joined as ``PeopleRules`` says) authored or co-authored a non-merge commit
    /// before the range (an ancestor of its start). Bots are never new contributors. A release without a
    /// start (the first release: the whole history) has none: everyone would be new, which the contributors
    /// list says already. In a shallow clone whose history ends before every person was met, the answer is
    /// unknown: none, and a warning.
    func newContributors(of notes: ReleaseNotes) throws -> [NewContributor] {
        guard let from = notes.info.from else { return [] }
        let candidates = notes.contributors.filter { !$0.isBot && $0.firstCommit != nil }
        guard !candidates.isEmpty else { return [] }
        var search = PriorContributionSearch(people: candidates.map(\.keys), rules: settings.grouping.people)
        try Self.readHistory(repository, rangeLabel: "the history before \(notes.info.rangeLabel)") {
            try repository.walk(including: [from], excluding: []) { raw in
                search.visit(raw) ? .stop : .continue
            }
        }
        if !search.isComplete, repository.isShallow {
            say("warning: this is a shallow clone: new contributors are not listed (the history before the release is missing)")
            return []
        }
        let new = candidates.indices.filter { !search.found.contains($0) }
        guard !new.isEmpty else { return [] }
        let records = notes.commits.map(\.record)
        let pullRequests = notes.pullRequests ?? MergePullRequests.numbers(in: records)
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return new.compactMap { index in
            let person = candidates[index]
            guard let commit = person.firstCommit else { return nil }
            let suffix = byID[commit].flatMap { SquashSuffix.split($0.conventional?.description ?? $0.subject).number }
            return NewContributor(contributor: person, commit: commit,
                                  pullRequest: pullRequests[commit] ?? suffix.map { IssueReference(number: $0) })
        }
    }
}

/// The pure part of the search for earlier contributions: given each person's keys (``PeopleRules/keys(of:)``),
/// it takes the commits before a release one at a time and records which people they credit (author and
/// `Co-authored-by` trailers, after the `.mailmap`; merge commits credit nobody, as in the notes). Two
/// identities sharing any key are one person, so a person was there before exactly when an earlier commit
/// credits an identity sharing a key with one of theirs.
struct PriorContributionSearch {
    private let rules: PeopleRules
    /// Key → the people (indices) having it.
    private var owners: [String: [Int]] = [:]
    /// The people met so far.
    private(set) var found: Set<Int> = []
    private let count: Int
    private struct Pair: Hashable { let name: String; let email: String }
    /// Keys of identities already read, so each (name, email) is resolved once.
    private var keysOf: [Pair: [String]] = [:]

    init(people: [Set<String>], rules: PeopleRules) {
        self.rules = rules
        count = people.count
        for (index, keys) in people.enumerated() {
            for key in keys { owners[key, default: []].append(index) }
        }
    }

    /// True when every person has been met.
    var isComplete: Bool { found.count == count }

    /// Reads one earlier commit; true when every person has now been met (the walk can stop).
    mutating func visit(_ raw: RawCommit) -> Bool {
        guard raw.parents.count <= 1 else { return isComplete }
        credit(name: raw.author.name, email: raw.author.email)
        for person in Self.coAuthors(in: raw.message) { credit(name: person.name, email: person.email) }
        return isComplete
    }

    private mutating func credit(name: String, email: String) {
        let pair = Pair(name: name, email: email)
        let keys: [String]
        if let known = keysOf[pair] {
            keys = known
        } else {
            keys = rules.keys(of: rules.identity(name: name, email: email))
            keysOf[pair] = keys
        }
        for key in keys {
            guard let people = owners[key] else { continue }
            for person in people { found.insert(person) }
        }
    }

    /// The `Co-authored-by: Name <email>` trailers of a raw message (any case), read on the bytes: most
    /// messages have none, and the history before a release can be every commit of the repository.
    static func coAuthors(in message: [UInt8]) -> [(name: String, email: String)] {
        let token = Array("co-authored-by:".utf8)
        var result: [(name: String, email: String)] = []
        var start = 0
        let count = message.count
        while start < count {
            var end = start
            while end < count, message[end] != 0x0A { end += 1 }
            if end - start > token.count {
                var matches = true
                for offset in 0..<token.count {
                    var byte = message[start + offset]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != token[offset] { matches = false; break }
                }
                if matches {
                    let value = String(decoding: message[(start + token.count)..<end], as: UTF8.self)
                    if let person = ContributorCount.coAuthor(value) { result.append(person) }
                }
            }
            start = end + 1
        }
        return result
    }
}
