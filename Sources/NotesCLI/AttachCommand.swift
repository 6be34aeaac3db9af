import ArgumentParser
import NotesCore

struct AttachCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach the release notes to a tag's commit as a git note (the CI step).",
        discussion: """
            Renders the notes of VERSION's existing tag and attaches them to the tagged commit under the notes \
            ref (default refs/notes/release), replacing the note there. The notes go to stdout, or to --output \
            for gh release create VERSION --notes-file FILE. When GITHUB_OUTPUT is set, writes the outputs \
            version (0.1.3), tag (v0.1.3), previous (the previous release tag, empty for the first) and notes \
            (multi-line); when GITHUB_STEP_SUMMARY is set, appends the notes to it. In a shallow clone whose \
            history does not reach the previous release, it fails with the fix (exit 3). The note is signed by \
            the committer identity, or github-actions[bot] in GitHub Actions when none is configured.

            Examples:
              notes attach "$GITHUB_REF_NAME" --output release-notes.md
              notes attach 0.1.3 --package barter-python
            """)

    @Argument(help: ArgumentHelp("The released version, whose tag exists: 1.2.3 or v1.2.3.", valueName: "version"))
    var version: String

    @OptionGroup var shared: SharedOptions
    @OptionGroup var template: TemplateOption

    @Option(name: .customLong("notes-ref"), help: ArgumentHelp(
        "The notes ref to write. Default: refs/notes/release.", valueName: "ref"))
    var notesRef: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the notes to FILE (atomically) instead of stdout.",
                                                      valueName: "file"))
    var output: String?

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(template: template.path(invocation),
                                                                     notesRef: notesRef),
                                           version: version)
        let result = try AttachNotes.run(AttachRequest(
            settings: settings, version: version, outputPath: output.map(invocation.path),
            context: try invocation.context()))
        let what = result.unchanged ? "already held these notes" : result.replaced ? "replaced" : "added"
        invocation.writeErr("notes: \(result.summary)\n")
        for line in result.warnings { invocation.writeErr("notes: \(line)\n") }
        invocation.writeErr("notes: note on \(result.target.short) (\(result.tagName)) under \(result.notesRef): \(what)\n")
        if let output { invocation.writeErr("notes: wrote \(output)\n") }
        if !result.githubOutputs.isEmpty {
            invocation.writeErr("notes: GITHUB_OUTPUT: \(result.githubOutputs.joined(separator: ", "))\n")
        }
        if result.wroteStepSummary { invocation.writeErr("notes: appended the notes to GITHUB_STEP_SUMMARY\n") }
        invocation.writeErr("notes: push the notes with: \(result.pushCommand)\n")
        if output == nil { invocation.writeOut(result.notes) }
    }
}
