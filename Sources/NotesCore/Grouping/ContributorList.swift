/// The contributors of a release: the authors of its listed commits with their counts, most commits first,
/// then by name. With `mergeContributorsByName`, one name (case-insensitive) is one person whatever the
/// email; otherwise the email decides. The repository's `.mailmap` maps identities first. Bots (`[bot]`) go last, are left out, or sort with people.
enum ContributorList {
    static func build(_ records: [CommitRecord], rules: NoiseRules) -> [Contributor] {
        var byIdentity: [String: Contributor] = [:]
        var order: [String] = []
        for record in records {
            let author = rules.mailmap.isEmpty ? (record.author.name, record.author.email)
                : rules.mailmap.resolve(name: record.author.name, email: record.author.email)
            let isBot = Contributor.isBot(name: author.0, email: author.1)
            if isBot && rules.bots == .hide { continue }
            let email = author.1.lowercased()
            let name = author.0.lowercased()
            let key = rules.mergeContributorsByName && !name.isEmpty ? "name:" + name : (email.isEmpty ? "name:" + name : email)
            if byIdentity[key] == nil {
                order.append(key)
                byIdentity[key] = Contributor(name: author.0, email: author.1, commitCount: 0)
            }
            byIdentity[key]?.commitCount += 1
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
