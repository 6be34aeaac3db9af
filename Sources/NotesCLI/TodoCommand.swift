import ArgumentParser
import NotesCore

struct TodoCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "todo",
        abstract: "Add a release's follow-up tasks to .agent/todo.md.",
        discussion: """
            Adds a "## Release VERSION (date)" section with a task list: announce the release, close or update \
            each linked issue, document each breaking change, check the README for each feature, merge a hotfix \
            branch back. Running it again for the same VERSION only adds tasks that are not there yet: ticked \
            and hand-added tasks stay. The file is .agent/todo.md at the top of the work tree unless --file is \
            given; a missing file is created.
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3.", valueName: "version"))
    var version: String

    @Option(name: .customLong("channel"), help: ArgumentHelp(
        "Where the release is announced (repeatable): one task per channel.", valueName: "name"))
    var channels: [String] = []

    @Option(help: ArgumentHelp("Put a new section after the section with this heading.", valueName: "heading"))
    var after: String?

    @Option(help: ArgumentHelp("Put a new section before this heading.", valueName: "heading"))
    var before: String?

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var edit: FileEditOptions

    func execute(_ invocation: Invocation) throws {
        let mode = try edit.mode()
        if after != nil, before != nil {
            throw NotesError(.badInput, "--after and --before cannot be used together", hint: "give one of them")
        }
        let configuration = try range.settings(repository, invocation)
        var placement: TodoPlacement = after.map { .after($0) } ?? before.map { .before($0) } ?? .end
        if after == nil, before == nil, let heading = configuration.todoHeading {
            placement = configuration.todoPlacement == "before" ? .before(heading)
                : configuration.todoPlacement == "after" ? .after(heading) : .end
        }
        let location = edit.location(invocation, configured: configuration.todoFile, root: configuration.root)
        let settings = TodoSettings(path: location.path, displayPath: location.display, placement: placement,
                                    channels: channels.isEmpty ? configuration.announceChannels : channels)
        var request = TodoRequest(
            repositoryPath: repository.repositoryPath(invocation), version: version, from: range.from, to: range.to,
            tagPrefix: configuration.tagPrefix, settings: settings, now: try invocation.now())
        request.configuration = configuration
        let (change, summary) = try UpdateTodo.run(request)
        invocation.writeErr("notes: \(summary)\n")
        try edit.finish(change, mode: mode, invocation)
    }
}
