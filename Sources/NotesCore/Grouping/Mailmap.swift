/// A repository's `.mailmap`, as git reads it: maps the name and email a commit carries to the person's
/// canonical name and email, so one contributor with two addresses is counted once.
///
/// Lines: `Proper Name <proper@email>`, `<proper@email> <commit@email>`,
/// `Proper Name <proper@email> <commit@email>`, `Proper Name <proper@email> Commit Name <commit@email>`;
/// `#` starts a comment. Emails compare case-insensitively, names exactly.
public struct Mailmap: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var properName: String?
        var properEmail: String?
        var commitName: String?
        var commitEmail: String
    }

    private var entries: [Entry] = []

    /// No mapping.
    public init() {}

    /// Parses a `.mailmap` file's text; lines it cannot read are ignored, as git does.
    public init(_ text: String) {
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            var names: [String] = []
            var emails: [String] = []
            var rest = line
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                names.append(rest[..<open].trimmingCharacters(in: .whitespaces))
                emails.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            func name(_ index: Int) -> String? { index < names.count && !names[index].isEmpty ? names[index] : nil }
            switch emails.count {
            case 1:
                entries.append(Entry(properName: name(0), properEmail: nil, commitName: nil, commitEmail: emails[0]))
            case 2:
                entries.append(Entry(properName: name(0), properEmail: emails[0], commitName: name(1), commitEmail: emails[1]))
            default:
                continue
            }
        }
    }

    /// The canonical name and email for a commit's `name` and `email`.
    public func resolve(name: String, email: String) -> (name: String, email: String) {
        let lowered = email.lowercased()
        // A line naming the commit's name too is more specific than one naming only the email.
        let match = entries.last { $0.commitEmail.lowercased() == lowered && $0.commitName == name }
            ?? entries.last { $0.commitEmail.lowercased() == lowered && $0.commitName == nil }
        guard let match else { return (name, email) }
        return (match.properName ?? name, match.properEmail ?? email)
    }
}
