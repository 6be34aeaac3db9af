import Foundation

/// The `[[rule]]` tables of notes.toml, compiled: in file order, the first rule whose conditions all hold
/// sends a commit to a section, skips it, or rewrites its description (git-cliff's commit parsers and
/// preprocessors in one list).
public struct CommitRuleSet: Sendable {
    /// A compiled rule.
    public struct Rule: Sendable {
        /// Its number, from 1 in file order.
        public var number: Int
        let subject: LinearRegex?
        let body: LinearRegex?
        let author: LinearRegex?
        let path: LinearRegex?
        /// The section it sends commits to.
        public var section: SectionKind?
        /// True when it skips commits.
        public var skip: Bool
        let description: String?
        /// The rule as written, for `--explain`.
        public var summary: String
    }

    /// What a rule does to one commit.
    public struct Match {
        /// The rule's number.
        public var number: Int
        /// The section it sends the commit to, if any.
        public var section: SectionKind?
        /// True when it skips the commit.
        public var skip: Bool
        /// The rewritten description, if any.
        public var description: String?
    }

    /// The rules, in order.
    public private(set) var rules: [Rule] = []

    /// No rules.
    public init() {}

    /// Compiles a configuration's `[[rule]]` tables (the loader has checked them).
    public init(_ configuration: Configuration) throws {
        for (index, rule) in configuration.rule.enumerated() {
            func compile(_ pattern: String?, _ key: String) throws -> LinearRegex? {
                try LinearRegex.configured(pattern, key: "rule \(index + 1): \(key)")
            }
            let section = rule.section.flatMap { id in
                configuration.section.first { $0.id == id }.map { SectionKind(id: $0.id, title: $0.title) }
            }
            var parts: [String] = []
            if let subject = rule.subject { parts.append("subject ~ /\(subject)/") }
            if let body = rule.body { parts.append("body ~ /\(body)/") }
            if let author = rule.author { parts.append("author ~ /\(author)/") }
            if let path = rule.path { parts.append("path ~ /\(path)/") }
            var actions: [String] = []
            if rule.skip == true { actions.append("skip") }
            if let id = rule.section { actions.append("section \(id)") }
            if let description = rule.description { actions.append("description \"\(description)\"") }
            rules.append(Rule(number: index + 1, subject: try compile(rule.subject, "subject"),
                              body: try compile(rule.body, "body"), author: try compile(rule.author, "author"),
                              path: try compile(rule.path, "path"),
                              section: section, skip: rule.skip == true, description: rule.description,
                              summary: parts.joined(separator: ", ") + " → " + actions.joined(separator: ", ")))
        }
    }

    /// True when a rule looks at the paths a commit changes: the walk then reads them.
    public var needsPaths: Bool { rules.contains { $0.path != nil } }

    /// The first rule that matches `record` (which changes `paths`, when read), and what it does.
    public func match(_ record: CommitRecord, paths: [String]? = nil) -> Match? {
        guard !rules.isEmpty else { return nil }
        let subject = record.subject
        // Built once per commit, when a rule first asks, not once per rule.
        var body: String?
        var author: String?
        for rule in rules {
            var subjectMatch: RegexMatch?
            if let expression = rule.subject {
                if rule.description != nil {
                    guard let found = expression.firstMatch(in: subject) else { continue }
                    subjectMatch = found
                } else if !expression.matches(subject) {
                    continue
                }
            }
            if let expression = rule.body {
                if body == nil { body = GroupingRules.body(of: record) }
                if !expression.matches(body ?? "") { continue }
            }
            if let expression = rule.author {
                if author == nil { author = "\(record.author.name) <\(record.author.email)>" }
                if !expression.matches(author ?? "") { continue }
            }
            if let expression = rule.path, !(paths ?? []).contains(where: expression.matches) { continue }
            var description: String?
            if let template = rule.description {
                if let subjectMatch, let expression = rule.subject {
                    description = expression.expand(template, with: subjectMatch)
                } else {
                    description = template
                }
            }
            return Match(number: rule.number, section: rule.section, skip: rule.skip, description: description)
        }
        return nil
    }
}
