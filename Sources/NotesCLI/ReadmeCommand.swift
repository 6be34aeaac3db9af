import ArgumentParser
import NotesCore

struct ReadmeCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "readme",
        abstract: "Put a release's short entry at the top of the README's \"Release Notes\" section.",
        discussion: """
            Finds the section whose heading is the title (any level, case-insensitive) and inserts a subsection \
            for VERSION at its top, one level below, copying the newest entry's heading and bullet style. An \
            existing entry for VERSION is replaced. Everything else stays as it is. The file is README.md at \
            the top of the work tree unless --file is given.
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3.", valueName: "version"))
    var version: String

    @Option(help: ArgumentHelp("The section's heading text. Default: [readme] heading, else Release Notes.",
                               valueName: "title"))
    var section: String?

    @Option(help: ArgumentHelp("Keep only the newest N entries; older ones are removed.", valueName: "n"))
    var keep: Int?

    @Flag(help: "When the README has no such section (or does not exist), add it at the end.")
    var create = false

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var edit: FileEditOptions

    func execute(_ invocation: Invocation) throws {
        let mode = try edit.mode()
        let configuration = try range.settings(repository, invocation)
        let location = edit.location(invocation, configured: configuration.readmeFile, root: configuration.root)
        let settings = ReadmeSettings(
            path: location.path, displayPath: location.display, sectionTitle: section ?? configuration.readmeHeading,
            keep: keep ?? (configuration.readmeKeep > 0 ? configuration.readmeKeep : nil), create: create)
        var request = ReadmeRequest(
            repositoryPath: repository.repositoryPath(invocation), version: version, from: range.from, to: range.to,
            tagPrefix: configuration.tagPrefix, settings: settings, now: try invocation.now())
        request.configuration = configuration
        let (change, summary) = try UpdateReadme.run(request)
        invocation.writeErr("notes: \(summary)\n")
        try edit.finish(change, mode: mode, invocation)
    }
}
