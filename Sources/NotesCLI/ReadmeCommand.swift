import ArgumentParser
import NotesCore

struct ReadmeCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "readme",
        abstract: "Put a release's short entry at the top of the README's \"Release Notes\" section.",
        discussion: """
            Finds the section whose heading is the title (any level, case-insensitive) and inserts a subsection \
            for VERSION at its top, one level below, copying the newest entry's heading and bullet style. An \
            existing entry for VERSION is regenerated when it matches what notes wrote, and kept (said so) when \
            it was edited by hand; --replace regenerates it anyway. Everything else stays as it is. The file is README.md at \
            the top of the work tree ([files] readme, inside the package's folder with --package) unless --file             is given. The entry is rendered with [templates] readme, .notes/templates/readme-entry.md or the             built-in template.

            Examples:
              notes readme 1.4.0 --package barter-python
              notes readme 1.4.0 --section "Changes" --keep 5
              notes readme 1.4.0 --create       # add the section when the README has none
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3.", valueName: "version"))
    var version: String

    @Option(help: ArgumentHelp("The section's heading text. Default: [readme] heading, else Release Notes.",
                               valueName: "title"))
    var section: String?

    @Option(help: ArgumentHelp("Keep only the newest N entries; older ones are removed. Default: [readme] keep, else all.", valueName: "n"))
    var keep: Int?

    @Flag(help: "Regenerate an existing entry for VERSION that differs from what notes would write; without it such an entry, edited by hand, is kept.")
    var replace = false

    @Flag(help: "When the README has no such section (or does not exist), add it at the end.")
    var create = false

    @OptionGroup var shared: SharedOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var template: TemplateOption
    @OptionGroup var edit: FileEditOptions

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1, got \(keep)") }
    }

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(
            template: template.path(invocation), readmeHeading: section, readmeKeep: keep), version: version)
        let (change, summary) = try UpdateReadme.run(
            try edit.request(settings, range: range.request(version: version), invocation, replace: replace),
            create: create)
        invocation.writeErr("notes: \(summary)\n")
        try edit.finish(change, invocation)
    }
}
