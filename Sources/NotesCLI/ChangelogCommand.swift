import ArgumentParser
import NotesCore

struct ChangelogCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "Put a release's entry into CHANGELOG.md, in place.",
        discussion: """
            The entry goes below the preamble and any Unreleased entry, above the newest release; an existing \
            entry for VERSION is replaced in place and nothing else in the file changes. Without VERSION the \
            entry is "Unreleased". --all writes one entry per release tag. The heading style follows the \
            newest existing entry (Keep a Changelog by default). The file is CHANGELOG.md at the top of the \
            work tree ([files] changelog, inside the package's folder with --package) unless --file is given;             a missing file is created. The entry is rendered with [templates] changelog,             .notes/templates/changelog-entry.md or the built-in template.

            Examples:
              notes changelog 1.4.0             # add (or refresh) the 1.4.0 entry
              notes changelog --all             # one entry per release tag, to adopt notes
              notes changelog 1.4.0 --check     # in CI: fail when the entry is missing or stale
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3. Default: Unreleased.", valueName: "version"))
    var version: String?

    @Flag(help: "Regenerate an existing entry for VERSION that differs from what notes would write; without it such an entry, edited by hand, is kept.")
    var replace = false

    @Flag(help: "Write an entry for every release tag (to adopt the tool on an existing project).")
    var all = false

    @Option(name: .customLong("heading-style"), help: ArgumentHelp(
        "keep-a-changelog, commitizen, conventional, or a pattern with {version}, {tag}, {date}, {url}. "
            + "Default: the newest entry's style.", valueName: "style"))
    var headingStyle: String?

    @OptionGroup var shared: SharedOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var template: TemplateOption
    @OptionGroup var edit: FileEditOptions

    func validate() throws {
        if all, version != nil || range.from != nil || range.to != nil {
            throw ValidationError("--all writes every release: it takes no VERSION, --from or --to")
        }
    }

    func execute(_ invocation: Invocation) throws {
        let style = try headingStyle.map(Self.style)
        let settings = try shared.settings(invocation, SettingsFlags(template: template.path(invocation)),
                                           version: version, nearestFamily: true)
        let (change, ranges) = try UpdateChangelog.run(
            try edit.request(settings, range: range.request(version: version), invocation, replace: replace), all: all,
            headingStyle: style)
        if ranges.count == 1 {
            invocation.writeErr("notes: \(ranges[0])\n")
        } else {
            invocation.writeErr("notes: \(ranges.count) releases\n")
        }
        try edit.finish(change, invocation)
    }

    static func style(_ text: String) throws -> HeadingPattern {
        switch text.lowercased() {
        case "keep-a-changelog", "keepachangelog": return .keepAChangelog
        case "commitizen": return .commitizen
        case "conventional", "conventional-changelog": return .conventionalChangelog
        default:
            guard text.contains("{version}") || text.contains("{tag}") else {
                throw NotesError(.badInput, "--heading-style \(text) is neither a style name nor a pattern with {version} or {tag}",
                                 hint: "use keep-a-changelog, commitizen, conventional, or a pattern such as \"v{version} ({date})\"")
            }
            return HeadingPattern(text)
        }
    }
}
