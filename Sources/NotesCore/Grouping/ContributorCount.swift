import NotesGit

/// Who a release's commits credit: each commit's author, and each `Co-authored-by: Name <email>` trailer,
/// mapped through the `.mailmap` and joined into people (``PeopleRules``: a shared address, GitHub handle or,
/// with `[contributors] merge_by = "name"`, name), counted once per commit per person. A person is shown by
/// their most used name and address. Bots (`[bot]`) go last, are left out, or sort with people
/// (`[contributors] bots`).
enum ContributorCount {
    /// True for the footer token `Co-authored-by`, in any case (ASCII: no other letters lower-case to these).
    static func isCoAuthoredBy(_ token: String) -> Bool {
        let expected = "co-authored-by".utf8
        guard token.utf8.count == expected.count else { return false }
        return zip(token.utf8, expected).allSatisfy { byte, want in
            (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == want
        }
    }

    /// The name and address of a `Co-authored-by` value (`Name <email>`), nil when it has no `<…>`.
    static func coAuthor(_ value: String) -> (name: String, email: String)? {
        guard let open = value.firstIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close else { return nil }
        return (value[..<open].trimmingCharacters(in: .whitespaces), String(value[value.index(after: open)..<close]))
    }

    /// The people of `records` (oldest first, as listed), most commits first, then by name.
    static func contributors(_ records: [CommitRecord], people rules: PeopleRules, noise: NoiseRules = NoiseRules())
        -> [Contributor]
    {
        struct Pair: Hashable { let name: String; let email: String }
        var index = PeopleIndex(rules: rules)
        // The same few people make most commits: resolve each (name, email) once per release.
        var known: [Pair: Int] = [:]
        var hidden: Set<Int> = []
        func identity(_ name: String, _ email: String) -> Int {
            let pair = Pair(name: name, email: email)
            if let found = known[pair] { return found }
            let resolved = rules.identity(name: name, email: email)
            let added = index.add(resolved)
            if noise.bots == .hide && Contributor.isBot(name: resolved.name, email: resolved.email) { hidden.insert(added) }
            known[pair] = added
            return added
        }
        // Each commit's identities, flattened: `credits[starts[i]..<starts[i + 1]]` are record i's.
        var credits: [Int] = []
        credits.reserveCapacity(records.count)
        var starts: [Int] = [0]
        starts.reserveCapacity(records.count + 1)
        for record in records {
            credits.append(identity(record.author.name, record.author.email))
            for footer in record.message.footers where isCoAuthoredBy(footer.token) {
                if let person = coAuthor(footer.value) { credits.append(identity(person.name, person.email)) }
            }
            starts.append(credits.count)
        }

        // Joined only now: an identity seen late can join two earlier ones.
        struct Tally {
            var commits = 0
            var names: [String: Int] = [:]
            var emails: [String: Int] = [:]
            var handles: [String: Int] = [:]
            var keys: Set<String> = []
            var oldest: CommitID?
        }
        // In place, by slot: taking a tally out of a dictionary to change it would copy its tables per commit.
        var tallies: [Tally] = []
        var slotOf: [Int: Int] = [:]
        var order: [Int] = []
        var handleOf: [Int: String?] = [:]
        var joined: Set<Int> = []  // identities whose keys and handle are in their person's tally
        for (position, record) in records.enumerated() {
            var counted: [Int] = []
            for credit in starts[position]..<starts[position + 1] {
                let member = credits[credit]
                if hidden.contains(member) { continue }
                let person = index.root(member)
                let first = !counted.contains(person)
                if first { counted.append(person) }
                let slot: Int
                if let known = slotOf[person] {
                    slot = known
                } else {
                    slot = tallies.count
                    slotOf[person] = slot
                    tallies.append(Tally())
                    order.append(person)
                }
                if first {
                    tallies[slot].commits += 1
                    // Records come oldest first: the first seen is the person's oldest in the range.
                    if tallies[slot].oldest == nil { tallies[slot].oldest = record.id }
                }
                let who = index.identities[member]
                tallies[slot].names[who.name, default: 0] += 1
                tallies[slot].emails[who.email, default: 0] += 1
                let handle: String?
                if let cached = handleOf[member] { handle = cached } else {
                    handle = rules.handle(of: who)
                    handleOf[member] = .some(handle)
                }
                if let handle { tallies[slot].handles[handle, default: 0] += 1 }
                if joined.insert(member).inserted { tallies[slot].keys.formUnion(index.keys[member]) }
            }
        }
        func mostUsed(_ counts: [String: Int]) -> String? {
            counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        let people = order.compactMap { person -> Contributor? in
            guard let slot = slotOf[person] else { return nil }
            let tally = tallies[slot]
            let name = mostUsed(tally.names) ?? ""
            let email = mostUsed(tally.emails) ?? ""
            var contributor = Contributor(name: name, email: email, commitCount: tally.commits)
            contributor.handle = mostUsed(tally.handles)
            contributor.firstCommit = tally.oldest
            contributor.keys = tally.keys
            contributor.isBot = Contributor.isBot(name: name, email: email)
            return contributor
        }
        return people.sorted { lhs, rhs in
            if noise.bots == .last, lhs.isBot != rhs.isBot { return rhs.isBot }
            return lhs.commitCount != rhs.commitCount ? lhs.commitCount > rhs.commitCount : lhs.name < rhs.name
        }
    }
}
