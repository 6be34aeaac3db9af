import ArgumentParser
import NotesCore

struct TodoCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "todo",
        abstract: "Add a release's follow-up tasks to .agent/todo.md.",
        discussion: """
            Adds a "## Release VERSION (date)" section with a task list: announce the release, close or update \
            each linked issue (pull request numbers are not issues), document each breaking change, check the \
            README for the features, the [todo] tasks follow-ups, merge a hotfix branch back. Running it again for the same VERSION only adds tasks that are not there yet: ticked \
            and hand-added tasks stay. The file is .agent/todo.md at the top of the work tree unless --file is \
            given ([files] todo); a missing file is created. A new section goes above the sections of done \
            work that end the file (## Completed, ## Done, ## Archive), else at the end; or --before/--after the \
            section with that heading ([todo] placement and heading). It is rendered with [templates] todo, .notes/templates/todo.md or the built-in template.

            Examples:
              notes todo 1.4.0 --channel Discord --channel "mailing list"
              notes todo 1.4.0 --before "Completed"
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3.", valueName: "version"))
    var version: String

    @Option(name: .customLong("channel"), help: ArgumentHelp(
        "Where the release is announced (repeatable): one task per channel. Default: [todo] announce.", valueName: "name"))
    var channels: [String] = []

    @Option(help: ArgumentHelp("Put a new section after the section with this heading.", valueName: "heading"))
    var after: String?

    @Option(help: ArgumentHelp("Put a new section before this heading.", valueName: "heading"))
    var before: String?

    @OptionGroup var shared: SharedOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var template: TemplateOption
    @OptionGroup var edit: FileEditOptions

    func validate() throws {
        if after != nil, before != nil { throw ValidationError("--after and --before cannot be used together; give one") }
    }

    func execute(_ invocation: Invocation) throws {
        let placement: TodoPlacement? = after.map { .after($0) } ?? before.map { .before($0) }
        let settings = try shared.settings(invocation, SettingsFlags(
            template: template.path(invocation), todoPlacement: placement, announceChannels: channels),
            version: version)
        let (change, summary) = try UpdateTodo.run(
            try edit.request(settings, range: range.request(version: version), invocation))
        invocation.writeErr("notes: \(summary)\n")
        try edit.finish(change, invocation)
    }
}
