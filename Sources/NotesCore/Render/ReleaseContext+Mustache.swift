import Mustache

/// Template access without reflection: swift-mustache otherwise finds each name through `Mirror`,
/// which was 70% of rendering a 10k-commit release. Each view type lists its fields once, by key path;
/// a test checks the lists against the JSON of `--context`, so templates and `--context` see the same names.
/// The tables are immutable after initialisation, hence `nonisolated(unsafe)` (key paths are not `Sendable`).
protocol TemplateFields: MustacheParent {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension TemplateFields {
    public func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        if let optional = value as? any OptionalValue { return optional.wrappedAny }
        return value
    }
}

/// Lets a field holding `nil` read as missing (falsy) rather than as a present value.
protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}

extension ReleaseContext: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReleaseContext>] = [
        "release": \.release, "sections": \.sections, "breaking": \.breaking, "issues": \.issues,
        "contributors": \.contributors, "commits": \.commits, "stats": \.stats, "hasChanges": \.hasChanges,
    ]
}

extension ReleaseView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReleaseView>] = [
        "title": \.title, "version": \.version, "tag": \.tag, "tagExists": \.tagExists, "prerelease": \.prerelease,
        "previousTag": \.previousTag, "previousTagDate": \.previousTagDate, "date": \.date, "range": \.range,
        "compareURL": \.compareURL, "compareLabel": \.compareLabel, "repositoryURL": \.repositoryURL,
    ]
}

extension RangeView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RangeView>] = [
        "from": \.from, "to": \.to, "label": \.label, "commitCount": \.commitCount,
    ]
}

extension SectionView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<SectionView>] = ["id": \.id, "title": \.title, "entries": \.entries]
}

extension EntryView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EntryView>] = [
        "scope": \.scope, "description": \.description, "breakingText": \.breakingText, "issues": \.issues,
        "commits": \.commits, "issueLinks": \.issueLinks, "commitLinks": \.commitLinks, "reverted": \.reverted,
    ]
}

extension LinkView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LinkView>] = ["text": \.text, "id": \.id, "url": \.url, "link": \.link]
}

extension RevertedView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RevertedView>] = ["id": \.id, "subject": \.subject, "link": \.link]
}

extension IssueView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<IssueView>] = [
        "key": \.key, "number": \.number, "url": \.url, "link": \.link, "commitCount": \.commitCount,
        "closes": \.closes, "commitsLabel": \.commitsLabel,
    ]
}

extension ContributorView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ContributorView>] = [
        "name": \.name, "email": \.email, "commitCount": \.commitCount, "commitsLabel": \.commitsLabel,
    ]
}

extension CommitView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CommitView>] = [
        "id": \.id, "subject": \.subject, "type": \.type, "scope": \.scope, "breaking": \.breaking,
        "conventional": \.conventional, "nonConformance": \.nonConformance, "issues": \.issues,
        "section": \.section, "skipped": \.skipped, "skipRule": \.skipRule, "cancelledWith": \.cancelledWith,
        "author": \.author, "date": \.date,
    ]
}

extension StatsView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<StatsView>] = [
        "total": \.total, "listed": \.listed, "nonConventional": \.nonConventional, "merges": \.merges,
        "releases": \.releases, "reverted": \.reverted,
    ]
}
