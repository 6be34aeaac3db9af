import Foundation
import NotesMarkdown

/// What `templates/changelog-entry.md` sees: the release's view model plus the heading made from the
/// file's heading style.
public struct ChangelogEntryView: Sendable, Encodable {
    /// The whole heading line: `## [1.2.3](url) - 2026-11-25`.
    public var heading: String
    /// The marks of subsection headings: `###`.
    public var subheading: String
    /// The release.
    public var release: ReleaseView
    /// Non-empty sections in display order.
    public var sections: [SectionView]
    /// Linked issues.
    public var issues: [IssueView]
    /// Contributors.
    public var contributors: [ContributorView]
    /// True when at least one commit is listed.
    public var hasChanges: Bool
    /// Contributors whose first commit is in this release; computed only when the template names them.
    public var newContributors: [NewContributorView] = []
}

/// What `templates/readme-entry.md` sees: short bullets for breaking changes, features and fixes.
public struct ReadmeEntryView: Sendable, Encodable {
    /// The whole heading line: `### 0.1.2 — 2025-10-04`.
    public var heading: String
    /// The bullet marker copied from the newest entry: `-`, `*` or `+`.
    public var bullet: String
    /// The release.
    public var release: ReleaseView
    /// Breaking changes.
    public var breaking: [EntryView]
    /// Features.
    public var features: [EntryView]
    /// Bug fixes.
    public var fixes: [EntryView]
    /// True when any of the three lists has an entry.
    public var hasItems: Bool
    /// The bullets' texts in the README's house style (`[readme] sections`, `max_bullets` applied, then
    /// "and N more"), without the marker.
    public var lines: [String] = []
    /// True when the README's entries have a blank line after the heading.
    public var blankLine = true
}

/// What `templates/todo.md` sees.
public struct TodoView: Sendable, Encodable {
    /// The whole heading line: `## Release v1.2.3 (2026-11-25)`.
    public var heading: String
    /// The release's tag name (`v1.2.3`).
    public var tag: String
    /// The release.
    public var release: ReleaseView
    /// Where to announce the release; empty for one generic task.
    public var channels: [String]
    /// Linked issues.
    public var issues: [IssueView]
    /// Breaking changes.
    public var breaking: [EntryView]
    /// Features, one README check each (three or fewer).
    public var features: [EntryView]
    /// Features checked as one task with a list (more than three).
    public var featureGroup: [EntryView] = []
    /// True when `featureGroup` is not empty.
    public var hasFeatureGroup = false
    /// The checklist's own follow-ups (`[todo] tasks`), placeholders replaced.
    public var tasks: [String] = []
    /// Branches the release was made on that are not merged into the main branch yet.
    public var hotfixBranches: [String]
    /// The main branch's name.
    public var mainBranch: String
}

extension ChangelogEntryView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "sections": templateObjects(sections)
        case "heading": TemplateText(heading)
        case "subheading": TemplateText(subheading)
        case "hasChanges": hasChanges
        case "release": templateObject(release)
        case "issues": templateObjects(issues)
        case "contributors": templateObjects(contributors)
        case "newContributors": templateObjects(newContributors)
        default: nil
        }
    }

    /// A complete example, for checking template names.
    public static let example = ChangelogEntryView(
        heading: "## [1.2.3] - 2026-11-25", subheading: "###", release: ReleaseContext.example.release,
        sections: ReleaseContext.example.sections, issues: ReleaseContext.example.issues,
        contributors: ReleaseContext.example.contributors, hasChanges: true,
        newContributors: ReleaseContext.example.newContributors)
}

extension ReadmeEntryView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "heading": TemplateText(heading)
        case "bullet": TemplateText(bullet)
        case "release": templateObject(release)
        case "breaking": templateObjects(breaking)
        case "features": templateObjects(features)
        case "fixes": templateObjects(fixes)
        case "hasItems": hasItems
        case "lines": lines
        case "blankLine": blankLine
        default: nil
        }
    }

    /// A complete example, for checking template names.
    public static let example = ReadmeEntryView(
        heading: "### 1.2.3 — 2026-11-25", bullet: "-", release: ReleaseContext.example.release,
        breaking: ReleaseContext.example.breaking, features: ReleaseContext.example.sections.first?.entries ?? [],
        fixes: ReleaseContext.example.sections.first?.entries ?? [], hasItems: true, lines: ["Add widgets"],
        blankLine: true)
}

extension TodoView: TemplateFields {
    /// The field called `name`, nil when there is none.
    public func child(named name: String) -> Any? {
        switch name {
        case "heading": TemplateText(heading)
        case "tag": TemplateText(tag)
        case "release": templateObject(release)
        case "channels": channels
        case "issues": templateObjects(issues)
        case "breaking": templateObjects(breaking)
        case "features": templateObjects(features)
        case "featureGroup": templateObjects(featureGroup)
        case "hasFeatureGroup": hasFeatureGroup
        case "tasks": tasks
        case "hotfixBranches": hotfixBranches
        case "mainBranch": TemplateText(mainBranch)
        default: nil
        }
    }

    /// A complete example, for checking template names.
    public static let example = TodoView(
        heading: "## Release v1.2.3 (2026-11-25)", tag: "v1.2.3", release: ReleaseContext.example.release,
        channels: ["Discord"], issues: ReleaseContext.example.issues, breaking: ReleaseContext.example.breaking,
        features: ReleaseContext.example.sections.first?.entries ?? [],
        featureGroup: ReleaseContext.example.sections.first?.entries ?? [], hasFeatureGroup: true,
        tasks: ["Monitor the release builds for v1.2.3"], hotfixBranches: ["hotfix/1.2.3"], mainBranch: "main")
}

extension ReleaseContext {
    /// The entries of the section with id `id`; none when the section is not shown.
    func entries(inSection id: String?) -> [EntryView] {
        guard let id else { return [] }
        return sections.first { $0.id == id }?.entries ?? []
    }
}

/// Renders one entry of a file notes edits (a changelog entry, a README entry, a task section).
enum EntryText {
    /// Renders `view`, trims trailing blank lines and ends the text with one line ending, and checks it
    /// starts with a heading of `level` (the file's entries are found by their headings).
    static func render(_ view: Any, with renderer: TemplateRenderer, level: Int) throws -> String {
        var text = try renderer.render(view)
        while let last = text.last, last == "\n" || last == " " || last == "\r\n" { text.removeLast() }
        text += "\n"
        let parsed = MarkdownDocument(text: firstBlockText(of: text))
        guard let first = parsed.topLevelBlocks.first, first.kind == .heading,
              parsed.headings.first?.level == level, parsed.headings.first?.startLine == 1 else {
            throw NotesError(.template, "\(renderer.source.displayName) must start with the entry's heading ({{heading}}) at level \(level)",
                             hint: "start the template with {{heading}} on its own line")
        }
        return text
    }

    /// The text up to its first blank line: enough for libcmark to tell what the first block is (a heading,
    /// ATX or setext, never spans a blank line; a block that does is not a heading in the prefix either),
    /// without parsing the whole entry (a tenth of rendering a large changelog).
    static func firstBlockText(of text: String) -> String {
        let utf8 = text.utf8
        var lineIsBlank = true
        var lineNumber = 1
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if lineIsBlank && lineNumber > 1 { return String(text[..<index]) }
                let next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    index = next
                }
                lineNumber += 1
                lineIsBlank = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                lineIsBlank = false
            }
            index = utf8.index(after: index)
        }
        return text
    }
}
