import ArgumentParser
import NotesCore

struct StatusCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print what notes infers about the repository's releases, package by package.",
        discussion: """
            For each package (notes.toml's [[package]]s, else the Cargo, Python and npm workspace members; \
            else the whole repository): its folder and manifest, its version files and version, its tag \
            scheme and where that comes from (notes.toml, the CI workflow whose tag trigger builds it, another \
            release tool's configuration, its existing tags), the CI workflows its next tag runs, its last \
            release (tag, date, commit) or where its first release starts, the changes since, the next version \
            and tag, and warnings: future versions whose tags older tags hold, a tag that runs no workflow, a \
            notes.toml or template CI will not see because it is not committed. Writes nothing; notes init \
            writes what it prints.

            Examples:
              notes status
              notes status --package barter-python --json
            """)

    @OptionGroup var shared: SharedOptions

    @Flag(help: "Print the report as JSON.")
    var json = false

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation)
        let report = try ProjectStatus.run(settings: settings, settingsFor: { name in
            var options = shared
            options.package = name
            return try options.settings(invocation)
        }, context: try invocation.context())
        invocation.writeOut(json ? try report.json() : report.text)
    }
}
