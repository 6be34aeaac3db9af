/// Who a release's commits credit: each commit's author, and each `Co-authored-by: Name <email>` trailer,
/// mapped through the `.mailmap`, counted once per commit per person. With `mergeContributorsByName`
/// (`[contributors] merge_by = "name"`), one name (case-insensitive) is one person whatever the email;
/// otherwise the email decides. Bots (`[bot]`) go last, are left out, or sort with people (`[contributors] bots`).
enum ContributorCount {
    /// True for the footer token `Co-authored-by`, in any case (ASCII: no other letters lower-case to these).
    static func isCoAuthoredBy(_ token: String) -> Bool {
        let expected = "co-authored-by".utf8
        guard token.utf8.count == expected.count else { return false }
        return zip(token.utf8, expected).allSatisfy { byte, want in
            (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == want
        }
    }

    static func contributors(_ records: [CommitRecord], mailmap: Mailmap, rules: NoiseRules = NoiseRules()) -> [Contributor] {
        struct Pair: Hashable { let name: String; let email: String }
        struct Identity { let name: String; let email: String; let key: String; let hidden: Bool }
        var identities: [Pair: Identity] = [:]
        var byIdentity: [String: Contributor] = [:]
        var order: [String] = []
        for record in records {
            var people = [(record.author.name, record.author.email)]
            for footer in record.message.footers where isCoAuthoredBy(footer.token) {
                guard let open = footer.value.firstIndex(of: "<"), let close = footer.value.lastIndex(of: ">"),
                      open < close else { continue }
                people.append((footer.value[..<open].trimmingCharacters(in: .whitespaces),
                               String(footer.value[footer.value.index(after: open)..<close])))
            }
            // One person (no co-author trailer, the usual case) is counted once without hashing into the set.
            var counted = Set<String>()
            for (name, email) in people {
                // The same few people make most commits: resolve each (name, email) once per release.
                let identity: Identity
                if let known = identities[Pair(name: name, email: email)] {
                    identity = known
                } else {
                    let person = mailmap.resolve(name: name, email: email)
                    let byName = rules.mergeContributorsByName && !person.name.isEmpty
                    identity = Identity(
                        name: person.name, email: person.email,
                        key: byName ? "name:" + person.name.lowercased()
                            : person.email.isEmpty ? person.name : person.email.lowercased(),
                        hidden: rules.bots == .hide && Contributor.isBot(name: person.name, email: person.email))
                    identities[Pair(name: name, email: email)] = identity
                }
                if identity.hidden { continue }
                let key = identity.key
                let person = (name: identity.name, email: identity.email)
                if people.count > 1 { guard counted.insert(key).inserted else { continue } }
                if byIdentity[key] == nil {
                    order.append(key)
                    byIdentity[key] = Contributor(name: person.name, email: person.email, commitCount: 0)
                }
                byIdentity[key]?.commitCount += 1
            }
        }
        return order.compactMap { byIdentity[$0] }.sorted { lhs, rhs in
            if rules.bots == .last {
                let (left, right) = (Contributor.isBot(name: lhs.name, email: lhs.email),
                                     Contributor.isBot(name: rhs.name, email: rhs.email))
                if left != right { return right }
            }
            return lhs.commitCount != rhs.commitCount ? lhs.commitCount > rhs.commitCount : lhs.name < rhs.name
        }
    }
}
