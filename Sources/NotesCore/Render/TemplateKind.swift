/// The templates notes renders, one per kind of text, each with the built-in file it defaults to and the
/// `[templates]` key that replaces it. `notes tag` and `notes attach` render the `draft` template, so the
/// tag message and the published notes are exactly what `notes draft` previews.
public enum TemplateKind: String, CaseIterable, Sendable, Hashable {
    /// The release notes: `notes draft`, the tag message of `notes tag`/`release`, `notes attach`.
    case draft
    /// One CHANGELOG.md entry: `notes changelog`, `notes release`.
    case changelog
    /// One README entry: `notes readme`, `notes release`.
    case readme
    /// One task-list section: `notes todo`.
    case todo

    /// The built-in template's file name, also the name looked for in the template folder.
    public var fileName: String {
        switch self {
        case .draft: "release-notes.md"
        case .changelog: "changelog-entry.md"
        case .readme: "readme-entry.md"
        case .todo: "todo.md"
        }
    }

    /// The `[templates]` key.
    public var key: String { rawValue }

    /// Checks that every name `source` uses exists in this kind's view model.
    func checkNames(_ source: TemplateSource) throws {
        switch self {
        case .draft: try TemplateNameCheck.check(source, example: ReleaseContext.example)
        case .changelog: try TemplateNameCheck.check(source, example: ChangelogEntryView.example)
        case .readme: try TemplateNameCheck.check(source, example: ReadmeEntryView.example)
        case .todo: try TemplateNameCheck.check(source, example: TodoView.example)
        }
    }
}

extension Configuration.Templates {
    /// The configured file for `kind`, as written in notes.toml.
    public func path(for kind: TemplateKind) -> String? {
        switch kind {
        case .draft: draft
        case .changelog: changelog
        case .readme: readme
        case .todo: todo
        }
    }
}
