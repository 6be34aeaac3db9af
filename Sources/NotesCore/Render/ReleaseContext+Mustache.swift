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

/// A text field as the template engine sees it. swift-mustache renders a plain `String` by testing it
/// against several protocols (`MustacheCustomRenderable`, an optional, then `String(describing:)`'s own
/// tests), each a runtime conformance lookup; this type answers the first test, so `{{name}}` costs one
/// lookup instead of four. Transforms (`{{uppercased(name)}}`) are the `String` ones.
public struct TemplateText: MustacheCustomRenderable, MustacheTransformable, Sendable {
    /// The text.
    public let text: String

    @inline(__always)
    init(_ text: String) { self.text = text }

    /// The text itself.
    public var renderText: String { text }
    /// Never null: an empty text still opens a section, as a `String` does.
    public var isNull: Bool { false }
    /// The transforms of `String`.
    public func transform(_ name: String) -> Any? { text.transform(name) }
}

/// A view value as swift-mustache holds it: by reference. The renderer keeps every context in an `Any`
/// and casts it to `MustacheParent` (and to two other protocols) at each name lookup; a view struct
/// larger than an existential's inline buffer is copied into a new box at every such cast, retaining each
/// of its fields. A class instance is cast by copying one reference. Measured on a 100k-commit
/// `changelog --all`: the render stage's allocations and retains fell by about half.
///
/// It is also its own `MustacheCustomRepresentation`: the renderer asks every context for one before it
/// asks for `MustacheParent`, and a class instance that has none fails that cast only after the runtime
/// has checked whether it is a boxed Foundation value (`swift_unboxFromSwiftValueWithType`, 1,200
/// instructions, once per context searched: 3% of a 10k-commit `changelog --all`).
///
/// One class for every view, not one per view type: the runtime answers the first cast of each type to
/// each protocol by scanning all 6,000 conformance records of the binary (about 370,000 instructions), and
/// a process renders once; fewer types saved about 2M instructions a run (small, and free).
final class TemplateObject: TemplateFields, MustacheCustomRepresentation, CustomStringConvertible {
    let fields: any TemplateFields

    @inline(__always)
    init(_ fields: some TemplateFields) { self.fields = fields }

    /// The field called `name` of the view.
    func child(named name: String) -> Any? { fields.child(named: name) }

    /// Itself: the renderer then asks it for its fields.
    var representation: Any? { self }

    /// What `{{name}}` prints for a whole object: the view's own description, as before boxing.
    var description: String { String(describing: fields) }
}

/// A nested view value for the renderer (``TemplateObject``).
@inline(__always)
func templateObject(_ value: some TemplateFields) -> Any { TemplateObject(value) }

/// A nested optional view value for the renderer, `TemplateNull` for nil.
@inline(__always)
func templateObject<T: TemplateFields>(_ value: T?) -> Any {
    if let value { return TemplateObject(value) }
    return TemplateNull()
}

/// A list of views for the renderer: an array of ``TemplateObject``s (one array type for every view),
/// charged to the render's ``RenderBudget``; empty once the budget is spent.
@inline(__always)
func templateObjects<T: TemplateFields>(_ values: [T]) -> [TemplateObject] {
    if let budget = RenderBudget.current, !budget.charge(values.count) { return [] }
    return values.map { TemplateObject($0) }
}

/// `value`, or `TemplateNull` for nil.
@inline(__always)
func templateValue<T>(_ value: T?) -> Any {
    if let value { return value }
    return TemplateNull()
}

/// A text `value` as ``TemplateText``, or `TemplateNull` for nil.
@inline(__always)
func templateValue(_ value: String?) -> Any {
    if let value { return TemplateText(value) }
    return TemplateNull()
}

extension ReleaseContext: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "sections": templateObjects(sections)
        case "changes": templateObjects(changes)
        case "maintenance": templateObject(maintenance)
        case "release": templateObject(release)
        case "hasChanges": hasChanges
        case "breaking": templateObjects(breaking)
        case "issues": templateObjects(issues)
        case "contributors": templateObjects(contributors)
        case "newContributors": templateObjects(newContributors)
        case "commits": templateObjects(commits)
        case "stats": templateObject(stats)
        default: nil
        }
    }
}

extension ReleaseView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "version": templateValue(version)
        case "tag": templateValue(tag)
        case "tagExists": tagExists
        case "prerelease": prerelease
        case "previousTag": templateValue(previousTag)
        case "previousTagDate": templateValue(previousTagDate)
        case "date": TemplateText(date)
        case "range": templateObject(range)
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
        case "to": TemplateText(to)
        case "label": TemplateText(label)
        case "commitCount": commitCount
        default: nil
        }
    }
}

extension MaintenanceView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "count": count
        case "countLabel": TemplateText(countLabel)
        case "summary": TemplateText(summary)
        case "sections": templateObjects(sections)
        default: nil
        }
    }
}

extension SectionView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "entries": templateObjects(entries)
        case "title": TemplateText(title)
        case "id": TemplateText(id)
        default: nil
        }
    }
}

extension EntryView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "scope": templateValue(scope)
        case "description": TemplateText(description)
        case "issueLinks": templateValue(issueLinks)
        case "commitLinks": TemplateText(commitLinks)
        case "reverted": templateObject(reverted)
        case "breakingText": templateValue(breakingText)
        case "issues": templateObjects(issues)
        case "commits": templateObjects(commits)
        default: nil
        }
    }
}

extension LinkView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "link": TemplateText(link)
        case "text": TemplateText(text)
        case "id": TemplateText(id)
        case "url": templateValue(url)
        default: nil
        }
    }
}

extension RevertedView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "link": TemplateText(link)
        case "id": TemplateText(id)
        case "subject": templateValue(subject)
        default: nil
        }
    }
}

extension IssueView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "key": TemplateText(key)
        case "number": number
        case "url": templateValue(url)
        case "link": TemplateText(link)
        case "commitCount": commitCount
        case "closes": closes
        case "commitsLabel": TemplateText(commitsLabel)
        default: nil
        }
    }
}

extension ContributorView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "name": TemplateText(self.name)
        case "email": TemplateText(email)
        case "commitCount": commitCount
        case "commitsLabel": TemplateText(commitsLabel)
        case "handle": templateValue(handle)
        case "mention": TemplateText(mention)
        case "url": templateValue(url)
        case "bot": bot
        default: nil
        }
    }
}

extension NewContributorView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "name": TemplateText(self.name)
        case "email": TemplateText(email)
        case "handle": templateValue(handle)
        case "mention": TemplateText(mention)
        case "url": templateValue(url)
        case "commit": templateObject(commit)
        case "pullRequest": templateObject(pullRequest)
        case "firstContribution": templateObject(firstContribution)
        default: nil
        }
    }
}

extension CommitView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "id": TemplateText(id)
        case "subject": TemplateText(subject)
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
        case "edited": templateValue(edited)
        case "cancelledWith": templateValue(cancelledWith)
        case "bodyChange": templateValue(bodyChange)
        case "author": TemplateText(author)
        case "date": TemplateText(date)
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
