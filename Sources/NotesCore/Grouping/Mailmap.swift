/// A `.mailmap` (git's format), read from the work tree's root: the name and email a contributor is listed
/// under. Lines are `Proper Name <proper@email>`, `<proper@email> <commit@email>`,
/// `Proper Name <proper@email> <commit@email>` or `Proper Name <proper@email> Commit Name <commit@email>`;
/// `#` starts a comment. Emails compare case-insensitively, as git does.
public struct Mailmap: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String?
        var email: String?
    }

    /// By commit email, and by commit name + email.
    private var byEmail: [String: Entry] = [:]
    private var byNameAndEmail: [String: Entry] = [:]

    /// No mappings.
    public init() {}

    /// Parses a `.mailmap`'s text; lines it cannot read are ignored, as git ignores them.
    public init(_ text: String) {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            var parts: [(name: String, email: String)] = []
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                let name = rest[..<open].trimmingCharacters(in: .whitespaces)
                parts.append((name, String(rest[rest.index(after: open)..<close]).lowercased()))
                rest = rest[rest.index(after: close)...]
            }
            switch parts.count {
            case 1:
                guard !parts[0].name.isEmpty else { continue }
                byEmail[parts[0].email, default: Entry()].name = parts[0].name
            case 2:
                let proper = Entry(name: parts[0].name.isEmpty ? nil : parts[0].name, email: parts[0].email)
                if parts[1].name.isEmpty {
                    byEmail[parts[1].email] = proper
                } else {
                    byNameAndEmail[parts[1].name.lowercased() + "\u{0}" + parts[1].email] = proper
                }
            default:
                continue
            }
        }
    }

    /// True when it maps nothing.
    public var isEmpty: Bool { byEmail.isEmpty && byNameAndEmail.isEmpty }

    /// The name and email `name <email>` is listed under.
    public func resolve(name: String, email: String) -> (name: String, email: String) {
        let key = email.lowercased()
        let entry = byNameAndEmail[name.lowercased() + "\u{0}" + key] ?? byEmail[key]
        return (entry?.name ?? name, entry?.email ?? email)
    }
}
