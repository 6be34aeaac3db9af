import ArgumentParser
import NotesCore

struct CheckCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the repository is ready to release VERSION.",
        discussion: """
            One line per check, ✓ or ✗ (and the fix), - for a check skipped because its file is neither \
            configured nor present: every version file holds VERSION; the tag does not exist yet (or points at \
            HEAD); the working tree is clean (untracked files do not count); CHANGELOG.md has a heading for \
            VERSION; the README's "Release Notes" section has a heading for VERSION; the clone is not shallow; \
            HEAD is on the release branch. Exit 6 when a check fails.

            Examples:
              notes check 1.4.0
              notes check 1.4.0 --package barter-python --json
            """)

    @Argument(help: ArgumentHelp("The version to check: 1.2.3 or v1.2.3.", valueName: "version"))
    var version: String

    @OptionGroup var shared: SharedOptions
    @OptionGroup var versionFile: VersionFileOptions

    @Option(help: ArgumentHelp("The branch releases are made from. Default: main.", valueName: "name"))
    var branch: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(
            versionFiles: versionFile.versionFiles, releaseBranch: branch), version: version)
        let report = try ReleaseCheck.run(CheckRequest(settings: settings, version: version,
                                                       context: try invocation.context()))
        invocation.writeOut(json ? try report.json() : report.text)
        if !report.ok { throw ExitStatus(code: NotesError.ExitCode.checkFailed.rawValue) }
    }
}
