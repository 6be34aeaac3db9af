import Mustache

/// Template access without reflection or key paths: swift-mustache otherwise finds each name through
/// `Mirror` (70% of rendering a 10k-commit release), and a `PartialKeyPath` table still cost a key-path
/// projection and an `Optional` cast per lookup. Each view type answers its names with one `switch`;
/// a test checks the names against the JSON of `--context`, so templates and `--context` see the same names.
///
/// A field holding `nil` answers `TemplateNull` rather than "no such name": it is falsy, renders as
/// nothing, and, as the Mustache spec asks of a name that is present, ends the search for the name, so
/// the renderer does not look it up again in every enclosing context (which cost a third of rendering).
protocol TemplateFields: MustacheParent {}

/// The value of a template field that is `nil`: falsy in sections, empty in `{{name}}`, and found (so
/// the name is not searched for in the enclosing contexts).
public struct TemplateNull: MustacheCustomRenderable, Sendable {
    /// Renders as nothing.
    public var renderText: String { "" }
    /// Sections treat it as false.
    public var isNull: Bool { true }
}

/// `value`, or `TemplateNull` for nil.
@inline(__always)
func templateValue<T>(_ value: T?) -> Any {
    if let value { return value }
    return TemplateNull()
}

extension ReleaseContext: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "sections": sections
        case "release": release
        case "hasChanges": hasChanges
        case "breaking": breaking
        case "issues": issues
        case "contributors": contributors
        case "commits": commits
        case "stats": stats
        default: nil
        }
    }
}

extension ReleaseView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "version": templateValue(version)
        case "tag": templateValue(tag)
        case "tagExists": tagExists
        case "prerelease": prerelease
        case "previousTag": templateValue(previousTag)
        case "previousTagDate": templateValue(previousTagDate)
        case "date": date
        case "range": range
        case "compareURL": templateValue(compareURL)
        case "compareLabel": templateValue(compareLabel)
        case "repositoryURL": templateValue(repositoryURL)
        default: nil
        }
    }
}

extension RangeView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "from": templateValue(from)
        case "to": to
        case "label": label
        case "commitCount": commitCount
        default: nil
        }
    }
}

extension SectionView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "entries": entries
        case "title": title
        case "id": id
        default: nil
        }
    }
}

extension EntryView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "scope": templateValue(scope)
        case "description": description
        case "issueLinks": templateValue(issueLinks)
        case "commitLinks": commitLinks
        case "reverted": templateValue(reverted)
        case "breakingText": templateValue(breakingText)
        case "issues": issues
        case "commits": commits
        default: nil
        }
    }
}

extension LinkView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "link": link
        case "text": text
        case "id": id
        case "url": templateValue(url)
        default: nil
        }
    }
}

extension RevertedView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "link": link
        case "id": id
        case "subject": templateValue(subject)
        default: nil
        }
    }
}

extension IssueView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "number": number
        case "url": templateValue(url)
        case "link": link
        case "commitCount": commitCount
        case "closes": closes
        case "commitsLabel": commitsLabel
        default: nil
        }
    }
}

extension ContributorView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "email": email
        case "commitCount": commitCount
        case "commitsLabel": commitsLabel
        default: nil
        }
    }
}

extension CommitView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "subject": subject
        case "type": templateValue(type)
        case "scope": templateValue(scope)
        case "breaking": breaking
        case "conventional": conventional
        case "nonConformance": templateValue(nonConformance)
        case "issues": issues
        case "section": templateValue(section)
        case "skipped": templateValue(skipped)
        case "skipRule": templateValue(skipRule)
        case "rule": templateValue(rule)
        case "cancelledWith": templateValue(cancelledWith)
        case "author": author
        case "date": date
        default: nil
        }
    }
}

extension StatsView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "total": total
        case "listed": listed
        case "nonConventional": nonConventional
        case "merges": merges
        case "releases": releases
        case "reverted": reverted
        default: nil
        }
    }
}
