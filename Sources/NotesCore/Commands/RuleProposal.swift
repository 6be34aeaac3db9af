import NotesGit

/// `notes init`'s `[[rule]]` proposals for a history whose commits mostly have no Conventional Commits
/// type: rules learned from the history's own leading verbs (`Fix …`, `Fixed …`, `Add …`, `Added …`,
/// `Remove …`), each sending the commits it matches to a section, with the number of commits it would move.
///
/// Proposed only when more than a third of the commits looked at are not Conventional Commits (a
/// conventional history needs no rules), and only for verbs that start at least two of those commits.
/// notes itself applies no such rule unless notes.toml has it: the proposals are written into the new
/// notes.toml, where the maintainer reads, edits or deletes them.
public enum RuleProposal {
    /// A proposed rule.
    public struct Rule: Sendable, Equatable {
        /// The section it sends commits to.
        public var section: String
        /// The leading words it matches, as written in the history (lower-cased), most used first.
        public var words: [String]
        /// How many of the commits looked at it would move out of "Other changes".
        public var count: Int
        /// An example subject.
        public var example: String
        /// The areas (`time` of `time: fix the race`) that lead some of its commits' verbs, lower-cased,
        /// sorted; empty when every verb starts its subject.
        public var areas: [String] = []

        /// The subject pattern: one of the words, any case, followed by a space (so `fix: …` and
        /// `fix(api): …`, whose type decides, never match), after one of `areas` and `: ` when there are
        /// areas. The areas are listed one by one, never `\w+: `, so `docs: fix a typo` keeps its type.
        public var pattern: String {
            let verbs = "(" + words.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.joined(separator: "|") + ")\\s"
            guard !areas.isEmpty else { return "^(?i)" + verbs }
            return "^(?i)(?:(?:" + areas.map { $0.replacingOccurrences(of: ".", with: "\\.") }.joined(separator: "|") + "): )?" + verbs
        }
    }

    /// Leading words and the section commits starting with them belong to. Only unambiguous verbs: `Update`
    /// (a dependency, a feature or a fix?) is not here.
    static let sections: [String: String] = {
        var map: [String: String] = [:]
        func add(_ section: String, _ words: [String]) { for word in words { map[word] = section } }
        add("features", ["add", "adds", "added", "implement", "implements", "implemented", "introduce", "introduces",
                         "introduced", "support", "supports", "supported", "allow", "allows", "allowed", "enable",
                         "enables", "enabled", "create", "creates", "created", "new"])
        add("fixes", ["fix", "fixes", "fixed", "resolve", "resolves", "resolved", "correct", "corrects", "corrected",
                      "repair", "repairs", "repaired", "prevent", "prevents", "prevented", "handle", "handles", "handled"])
        add("refactoring", ["refactor", "refactors", "refactored", "remove", "removes", "removed", "delete", "deletes",
                            "deleted", "drop", "drops", "dropped", "rename", "renames", "renamed", "move", "moves", "moved",
                            "simplify", "simplifies", "simplified", "clean", "cleans", "cleaned", "cleanup"])
        add("documentation", ["document", "documents", "documented", "docs"])
        add("tests", ["test", "tests", "tested"])
        add("performance", ["optimize", "optimizes", "optimized", "optimise", "optimises", "optimised", "speed"])
        return map
    }()

    /// The proposals for `subjects` (the commits looked at, merges left out) and how many of them are not
    /// Conventional Commits; empty when at most a third are not. A header whose type is none of
    /// `knownTypes` (`time: fix the race`, `runtime: remove …`: the area of the code, as tokio, Go and
    /// Node.js write subjects) has no type either; its verb is the first word after the area.
    public static func propose(_ commits: [ParsedMessage], knownTypes: Set<String> = BodyChanges.standardTypes)
        -> (rules: [Rule], nonConventional: Int)
    {
        /// The area of a header whose type is no known type, nil for any other message.
        func area(_ message: ParsedMessage) -> String? {
            guard let conventional = message.conventional, !knownTypes.contains(conventional.type.lowercased()) else { return nil }
            return conventional.type
        }
        let others = commits.filter { $0.conventional == nil || area($0) != nil }
        guard others.count * 3 > commits.count else { return ([], others.count) }
        var bySection: [String: (words: [String: Int], areas: Set<String>, example: String)] = [:]
        for message in others {
            let area = area(message)
            // An area with a scope or `!` (`net(tcp)!: …`) is not what a proposed pattern matches.
            if area != nil, message.conventional?.scope != nil || message.conventional?.isBreaking == true { continue }
            let text = area == nil ? message.subject : message.conventional?.description ?? ""
            let word = text.prefix { $0.isLetter }.lowercased()
            guard let section = sections[word], text.dropFirst(word.count).first == " " else { continue }
            if let area, !area.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-./".contains($0)) }) { continue }
            var entry = bySection[section] ?? ([:], [], message.subject)
            entry.words[word, default: 0] += 1
            if let area { entry.areas.insert(area.lowercased()) }
            bySection[section] = entry
        }
        let rules = bySection.compactMap { section, entry -> Rule? in
            let count = entry.words.values.reduce(0, +)
            guard count >= 2 else { return nil }
            let words = entry.words.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            return Rule(section: section, words: words, count: count, example: entry.example, areas: entry.areas.sorted())
        }
        // Features and fixes first, as the sections are shown; then by how many commits each moves.
        let order = ["features", "fixes", "performance", "refactoring", "documentation", "tests"]
        return (rules.sorted { (order.firstIndex(of: $0.section) ?? 9, -$0.count) < (order.firstIndex(of: $1.section) ?? 9, -$1.count) },
                others.count)
    }

    /// The TOML of `rules`, each with a comment saying what it moves.
    public static func toml(_ rules: [Rule], nonConventional: Int, total: Int) -> String {
        guard !rules.isEmpty else { return "" }
        var text = "\n# Proposed by notes init: \(nonConventional) of the last \(total) commits have no Conventional Commits type\n"
            + "# and would be \"Other changes\". These rules, learned from their leading verbs, send them to sections.\n"
            + "# Read them, edit or delete them: notes applies only the rules written here.\n"
        for rule in rules {
            text += "\n# moves \(rule.count) commit\(rule.count == 1 ? "" : "s") to \(rule.section), such as: "
                // A commit's subject in a TOML comment: TOML allows no control character there but the tab.
                + UntrustedText.escapingControls(rule.example) + "\n"
                + "[[rule]]\nsubject = \(ProjectDetection.quoted(rule.pattern))\nsection = \"\(rule.section)\"\n"
        }
        return text
    }

    /// The commits `notes init` looks at: the newest `limit` commits of HEAD, merges left out; empty for an
    /// unborn HEAD.
    static func recentMessages(in repository: Repository, limit: Int = 1000) -> [ParsedMessage] {
        guard let head = try? repository.headCommit() else { return [] }
        var messages: [ParsedMessage] = []
        try? repository.walk(including: [head], excluding: []) { raw in
            if raw.parents.count <= 1 {
                messages.append(CommitMessageParser.parse(MessageDecoder.decode(raw.message, encoding: raw.encoding)))
            }
            return messages.count >= limit ? .stop : .continue
        }
        return messages
    }
}
