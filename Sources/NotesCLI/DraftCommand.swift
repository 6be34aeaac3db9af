import ArgumentParser
import Foundation
import NotesCore

struct DraftCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print the release notes for a version.",
        discussion: """
            With VERSION whose tag exists, the notes cover the previous release tag (exclusive) to that tag; \
            when the tag does not exist yet, to HEAD, titled with the tag VERSION will get. The previous release \
            tag is the highest lower version of the same tag family, an ancestor or not (git's PREVIOUS..RELEASE; \
            see docs/ranges.md). Without VERSION the notes are titled "Unreleased" and start after the highest \
            release tag reachable from HEAD. A stable version starts after the previous stable tag ([tags] \
            stable_starts_after = "any": after its last pre-release); a pre-release after the previous tag of any kind. The \
            range and its size are said on stderr; the notes go to stdout or --output. They are exactly what \
            notes tag puts in the tag message and notes attach publishes. notes.toml (or --config) sets \
            sections, skip rules, links and templates; flags beat it.

            Examples:
              notes draft                          # what is unreleased since the latest tag
              notes draft 1.4.0 --output notes.md  # the notes v1.4.0 will get
              notes draft v1.3.0 --explain         # where each commit of v1.3.0 went, and why
              notes draft --package barter-python  # one package of a monorepo
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3, v1.3.0-rc.1.", valueName: "version"))
    var version: String?

    @OptionGroup var shared: SharedOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var template: TemplateOption

    @Flag(help: "Print the view model templates see, as JSON, instead of the notes.")
    var context = false

    @Flag(help: "Print one line per commit of the range, where it went and why, instead of the notes; then the changes a hand-edited CHANGELOG or README entry of the release leaves out.")
    var explain = false

    @Flag(help: "Fail with exit code 6, listing them, when the range has commits that are not Conventional Commits.")
    var strict = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write the notes to FILE (atomically) instead of stdout.",
                                                      valueName: "file"))
    var output: String?

    func validate() throws {
        if context && explain { throw ValidationError("--context and --explain both replace the notes; give one") }
    }

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(template: template.path(invocation)),
                                           version: version, nearestFamily: true)
        let outputScope = PathScope(settings.boundary, .commandLine)
        if let output { try AtomicFile.checkWritable(invocation.path(output), scope: outputScope, display: output) }
        let outcome = try DraftNotes.run(DraftRequest(
            settings: settings, range: range.request(version: version),
            output: context ? .context : explain ? .explain : .notes, strict: strict, context: try invocation.context()))
        if let scope = settings.scopeDescription { invocation.writeErr("notes: scope: \(scope)\n") }
        invocation.writeErr("notes: \(outcome.summary)\n")
        if let output {
            try AtomicFile.write(Array(outcome.text.utf8), to: invocation.path(output), scope: outputScope, display: output)
        } else {
            invocation.writeOut(outcome.text)
        }
    }
}
