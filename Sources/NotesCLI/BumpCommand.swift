import ArgumentParser
import NotesCore

struct BumpCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "bump",
        abstract: "Compute the next version and write it into the version files.",
        discussion: """
            The next version follows the commits since the previous release tag reachable from HEAD: a breaking \
            change bumps major, a feature minor, anything else patch; below 1.0.0 a breaking change bumps minor \
            and a feature patch. The version goes to stdout (VERSION=$(notes bump --dry-run)); what changed goes \
            to stderr. Only the bytes of each version string change. Exit 7 when there is nothing to release.

            Examples:
              notes bump --dry-run                 # print the next version
              notes bump --package barter-python   # write it into the package's version files
              notes bump --pre rc                  # 1.3.0-rc.1, then 1.3.0-rc.2
            """)

    @OptionGroup var shared: SharedOptions
    @OptionGroup var versionFile: VersionFileOptions

    @Option(name: .customLong("pre"), help: ArgumentHelp(
        "Make a pre-release: rc gives 1.3.0-rc.1, then 1.3.0-rc.2.", valueName: "name"))
    var preID: String?

    @Option(name: .customLong("to"), help: ArgumentHelp("Use this version instead of computing it.",
                                                        valueName: "version"))
    var explicit: String?

    @Flag(name: .customLong("dry-run"), help: "Print the version and write nothing.")
    var dryRun = false

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(versionFiles: versionFile.versionFiles))
        let result = try BumpVersion.run(BumpRequest(
            settings: settings, preID: preID, explicit: explicit, dryRun: dryRun, context: try invocation.context()))
        let from = result.plan.currentLabel.map { "\($0) → " } ?? ""
        invocation.writeErr("notes: \(result.plan.summary): \(from)\(result.plan.next.bare)\n")
        for line in result.notes { invocation.writeErr("notes: \(line)\n") }
        for edit in result.edits {
            invocation.writeErr("notes: \(dryRun ? "would update" : "updated") \(edit.summary)\n")
        }
        invocation.writeOut(result.plan.next.bare + "\n")
    }
}
