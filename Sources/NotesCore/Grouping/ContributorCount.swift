/// Who a release's commits credit: each commit's author, and each `Co-authored-by: Name <email>` trailer,
/// mapped through the `.mailmap`, counted once per commit per person.
enum ContributorCount {
    static func contributors(_ records: [CommitRecord], mailmap: Mailmap) -> [Contributor] {
        var byIdentity: [String: Contributor] = [:]
        var order: [String] = []
        for record in records {
            var people = [(record.author.name, record.author.email)]
            for footer in record.message.footers where footer.token.lowercased() == "co-authored-by" {
                guard let open = footer.value.firstIndex(of: "<"), let close = footer.value.lastIndex(of: ">"),
                      open < close else { continue }
                people.append((footer.value[..<open].trimmingCharacters(in: .whitespaces),
                               String(footer.value[footer.value.index(after: open)..<close])))
            }
            var counted = Set<String>()
            for (name, email) in people {
                let person = mailmap.resolve(name: name, email: email)
                let key = person.email.isEmpty ? person.name : person.email.lowercased()
                guard counted.insert(key).inserted else { continue }
                if byIdentity[key] == nil {
                    order.append(key)
                    byIdentity[key] = Contributor(name: person.name, email: person.email, commitCount: 0)
                }
                byIdentity[key]?.commitCount += 1
            }
        }
        return order.compactMap { byIdentity[$0] }.sorted {
            $0.commitCount != $1.commitCount ? $0.commitCount > $1.commitCount : $0.name < $1.name
        }
    }
}
