import ArgumentParser
import NotesCore

struct ReleaseCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Bump the version files, commit them and tag the release, in one step.",
        discussion: """
            Writes VERSION (or the computed next version) into the version files and Cargo.lock, commits only \
            those files as "chore(release): VERSION" on the release branch, and creates the annotated tag with \
            the release notes as its message. Before writing anything it requires: the tag does not exist, HEAD \
            is on the release branch, no tracked file has uncommitted changes other than to the files the release \
            writes with the version files already at VERSION (what notes bump, notes changelog and notes readme \
            leave for review; the release commit takes them), a committer identity. A gitignored file (a root \
            Cargo.lock) is updated on disk and never committed. Changelog and README entries for VERSION edited \
            by hand are kept; --replace regenerates them. It stops at \
            the first failure and restores every file, the branch and the tag. --dry-run prints every change as \
            a diff and changes nothing. Prints the tag's name; the push command goes to stderr.

            Examples:
              notes release --dry-run                  # every change as a diff
              notes release 0.1.3 --package barter-python
            """)

    @Argument(help: ArgumentHelp("The version to release; default: computed as notes bump does.",
                                 valueName: "version"))
    var version: String?

    @OptionGroup var shared: SharedOptions
    @OptionGroup var versionFile: VersionFileOptions

    @Option(name: .customLong("pre"), help: ArgumentHelp(
        "Without VERSION, make a pre-release: rc gives 1.3.0-rc.1.", valueName: "name"))
    var preID: String?

    @Option(help: ArgumentHelp("The branch releases are made from. Default: main.", valueName: "name"))
    var branch: String?

    @Flag(help: "Regenerate changelog and README entries for VERSION that were edited by hand (kept otherwise).")
    var replace = false

    @Flag(name: .customLong("dry-run"), help: "Print every change as a diff and change nothing.")
    var dryRun = false

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(
            versionFiles: versionFile.versionFiles, releaseBranch: branch), version: version)
        let outcome = try ReleaseFlow.run(
            ReleaseRequest(settings: settings, version: version, preID: preID, dryRun: dryRun,
                           replace: replace, context: try invocation.context()),
            say: { invocation.writeErr("notes: \($0)\n") })
        if dryRun {
            invocation.writeOut(outcome.diffs.joined())
        } else {
            invocation.writeErr("notes: push the release with: \(outcome.pushCommand)\n")
            invocation.writeOut(outcome.tagName + "\n")
        }
    }
}
