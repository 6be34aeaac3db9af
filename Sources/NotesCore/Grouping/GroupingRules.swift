import Foundation

/// The configuration's grouping rules, ready to apply: sections in order and the types each receives,
/// hidden types, shown scopes, and compiled `[[skip]]` rules. `standard` reproduces the built-in sections.
public struct GroupingRules: Sendable {
    /// A compiled `[[skip]]` rule.
    public struct Rule: Sendable {
        /// Its number, from 1 in file order.
        public var number: Int
        let subject: LinearRegex?
        let body: LinearRegex?
        let author: String?
        /// The rule as written, for `--explain`.
        public var summary: String
    }

    /// The sections in display order; always ends with (or contains) `other`.
    public private(set) var sections: [SectionKind]
    private var typeSections: [String: SectionKind] = [:]
    private var hiddenTypes: Set<String>
    private var scopes: Set<String>
    /// The skip rules, in order.
    public private(set) var rules: [Rule] = []
    /// How commits' identities become people: `.mailmap`, shared addresses and handles, `[contributors]`.
    public var people = PeopleRules()
    /// The corrections of the edits file (`notes edit`), by commit.
    public var edits = CommitEdits()
    /// Each section's types, in the order the configuration lists them (an edit's section decides the type
    /// the bump sees: its first).
    private var sectionTypes: [String: [String]] = [:]
    /// The repository's `.mailmap`, for counting contributors.
    public var mailmap: Mailmap {
        get { people.mailmap }
        set { people.mailmap = newValue }
    }
    private var hasBreaking: Bool
    private var hasReverts: Bool
    /// Release commits, dependency updates, issue and contributor lists (`NoiseRules`).
    public var noise = NoiseRules()
    /// The `[[rule]]` tables.
    public private(set) var commitRules = CommitRuleSet()
    /// The lower-case types a header line of a body must have to be a change of its own (`BodyChanges`):
    /// the built-in ones and every type a section lists.
    public private(set) var changeTypes = BodyChanges.standardTypes
    /// Section ids the release notes fold into one line (`[commits] maintenance`).
    public private(set) var maintenanceSections = Set(Configuration.Commits.defaultMaintenance)

    /// The built-in sections and no rules: what notes does without a configuration.
    public static let standard = GroupingRules(sectionsOf: Configuration())

    /// The sections, hidden types and scopes of a configuration, without its skip rules.
    private init(sectionsOf configuration: Configuration) {
        sections = configuration.section.map { SectionKind(id: $0.id, title: $0.title) }
        if !sections.contains(.other) { sections.append(.other) }
        for section in configuration.section {
            for type in section.types { typeSections[type.lowercased()] = SectionKind(id: section.id, title: section.title) }
            sectionTypes[section.id] = section.types.map { $0.lowercased() }
        }
        hiddenTypes = Set(configuration.commits.hiddenTypes.map { $0.lowercased() })
        scopes = Set(configuration.commits.scopes.map { $0.lowercased() })
        hasBreaking = sections.contains(.breaking)
        hasReverts = sections.contains(.reverts)
        noise = NoiseRules(configuration)
        people = PeopleRules(configuration)
        changeTypes.formUnion(typeSections.keys)
        maintenanceSections = Set(configuration.commits.maintenance)
    }

    /// Compiles a configuration's rules. The loader has checked the regular expressions already; one
    /// that still fails is a configuration error.
    public init(_ configuration: Configuration) throws {
        self.init(sectionsOf: configuration)
        commitRules = try CommitRuleSet(configuration)
        for (index, rule) in configuration.skip.enumerated() {
            func compile(_ pattern: String?, _ key: String) throws -> LinearRegex? {
                try LinearRegex.configured(pattern, key: "skip rule \(index + 1): \(key)")
            }
            var parts: [String] = []
            if let subject = rule.subject { parts.append("subject ~ /\(subject)/") }
            if let body = rule.body { parts.append("body ~ /\(body)/") }
            if let author = rule.author { parts.append("author = \(author)") }
            rules.append(Rule(number: index + 1, subject: try compile(rule.subject, "subject"),
                              body: try compile(rule.body, "body"), author: rule.author?.lowercased(),
                              summary: parts.joined(separator: ", ")))
        }
    }

    /// The id of the section commits of Conventional Commits `type` go to (`feat` → `features` by
    /// default); nil when no section lists the type.
    public func sectionID(forType type: String) -> String? {
        typeSections[type.lowercased()]?.rawValue
    }

    /// The area a subject such as `time: fix the timer race` starts with (`time`): a header whose type is no
    /// type notes knows (no section, hidden or built-in type lists it), as projects that prefix subjects with
    /// the part of the code they touch write them (tokio, Go, Node.js); nil for every other commit. When a
    /// rule or a correction moves such a commit out of Other changes, the area is shown as its scope.
    public func area(of record: CommitRecord) -> String? {
        guard let conventional = record.conventional, conventional.scope == nil else { return nil }
        let type = conventional.type.lowercased()
        return changeTypes.contains(type) || hiddenTypes.contains(type) ? nil : conventional.type
    }

    /// Every type notes knows: the built-in ones, those sections list, and the hidden ones.
    public var knownTypes: Set<String> { changeTypes.union(hiddenTypes) }

    /// The section with id `id`, nil when there is none.
    public func section(id: String) -> SectionKind? { sections.first { $0.rawValue == id } }

    /// The type a commit listed in `section` has for the bump: the section's first type; nil for a section
    /// without types (`breaking`, `other`).
    public func bumpType(of section: SectionKind) -> String? { sectionTypes[section.rawValue]?.first }

    /// The section `record` is listed in.
    public func section(for record: CommitRecord) -> SectionKind {
        if let conventional = record.conventional {
            if conventional.isBreaking && hasBreaking { return .breaking }
            return typeSections[conventional.type.lowercased()] ?? otherSection
        }
        return record.revert != nil && hasReverts ? sections.first { $0 == .reverts } ?? .reverts : otherSection
    }

    /// Why `record` went to `section`, for `--explain`.
    public func reason(for record: CommitRecord, in section: SectionKind) -> String {
        if let conventional = record.conventional {
            let deviation = record.message.nonConformance.map { "; \($0)" } ?? ""
            if conventional.isBreaking && section == .breaking { return "breaking change" + deviation }
            let type = conventional.type.lowercased()
            return (typeSections[type] != nil ? "type \(type)" : "type \(type) is in no section") + deviation
        }
        if record.revert != nil && section == .reverts { return "git revert of \(record.revert?.revertedID.prefix(7) ?? "")" }
        return "not conventional" + (record.message.nonConformance.map { ": \($0)" } ?? "")
    }

    private var otherSection: SectionKind { sections.first { $0 == .other } ?? .other }

    /// Why the configuration leaves `record` out, and by which rule; nil when it does not.
    public func skip(_ record: CommitRecord) -> (reason: SkipReason, rule: Int?)? {
        if let rule = rules.first(where: { matches($0, record) }) { return (.rule, rule.number) }
        if let conventional = record.conventional, !conventional.isBreaking,
           hiddenTypes.contains(conventional.type.lowercased()) {
            return (.hidden, nil)
        }
        if !scopes.isEmpty, let scope = record.conventional?.scope, !scopes.contains(scope.lowercased()) {
            return (.scope, nil)
        }
        return nil
    }

    private func matches(_ rule: Rule, _ record: CommitRecord) -> Bool {
        if let subject = rule.subject, !subject.matches(record.subject) { return false }
        if let body = rule.body, !body.matches(Self.body(of: record)) { return false }
        if let author = rule.author, record.author.name.lowercased() != author, record.author.email.lowercased() != author {
            return false
        }
        return true
    }

    /// The message after the subject: body, then footers as `token: value` lines.
    static func body(of record: CommitRecord) -> String {
        let footers = record.message.footers.map { "\($0.token): \($0.value)" }.joined(separator: "\n")
        return [record.message.body ?? "", footers].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
