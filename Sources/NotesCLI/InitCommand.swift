import ArgumentParser
import Foundation
import NotesCore

struct InitCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented notes.toml with the defaults, and optionally the templates to edit.",
        discussion: """
            Writes notes.toml at the repository root (or the --config file), every key commented out with its \
            default. With --templates, also copies the built-in templates into the template folder \
            (.notes/templates/ unless [templates] folder says otherwise), where they take precedence over the \
            built-ins. An existing file is never overwritten without --force: init then writes nothing and \
            exits with code 8.

            Examples:
              notes init                    # notes.toml with every default, commented out
              notes init --templates        # and the templates, to edit
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Also copy the built-in templates into .notes/templates/ for editing.")
    var templates = false

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func execute(_ invocation: Invocation) throws {
        let written = try InitProject.run(InitRequest(
            repositoryPath: repository.repositoryPath(invocation), configPath: repository.config.map(invocation.path),
            templates: templates, force: force))
        for path in written { invocation.writeErr("notes: wrote \(path)\n") }
    }
}
