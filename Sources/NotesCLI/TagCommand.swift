import ArgumentParser
import NotesCore

struct TagCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Create the annotated release tag on HEAD, its message the release notes.",
        discussion: """
            The tag is named with --tag-prefix, else in the style of the latest release tag (v0.1.2 gives \
            v0.1.3), else v. The tagger is GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL, else git config \
            user.name/user.email. An existing tag is never moved without --force (exit 2; exit 7 when it already \
            points at HEAD). Prints the tag's name; the push command goes to stderr.

            Examples:
              notes tag 1.4.0                         # v1.4.0, with the notes notes draft 1.4.0 prints
              notes tag 0.1.3 --package barter-python  # barter-python-v0.1.3
            """)

    @Argument(help: ArgumentHelp("The version to tag: 1.2.3 or v1.2.3.", valueName: "version"))
    var version: String

    @OptionGroup var shared: SharedOptions
    @OptionGroup var template: TemplateOption

    @Flag(help: "Move the tag to HEAD when it exists; tag even when files are uncommitted or the version files hold another version.")
    var force = false

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation, SettingsFlags(template: template.path(invocation)),
                                           version: version)
        let result = try CreateTag.run(TagRequest(settings: settings, version: version, force: force,
                                                  context: try invocation.context()))
        let moved = result.movedFrom.map { " (moved from \($0.short))" } ?? ""
        invocation.writeErr("notes: tagged \(result.target.short) as \(result.name)\(moved), tagger "
            + "\(result.tagger.name) <\(result.tagger.email)>; notes: \(result.summary)\n")
        invocation.writeErr("notes: push it with: \(result.pushCommand)\n")
        invocation.writeOut(result.name + "\n")
    }
}
