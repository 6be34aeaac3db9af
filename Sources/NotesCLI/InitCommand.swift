import ArgumentParser
import Foundation
import NotesCore

struct InitCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented notes.toml with the defaults, and optionally the templates to edit.",
        discussion: """
            Writes notes.toml at the repository root (or the --config file), every key commented out with its \
            default, plus what it finds: each Cargo workspace member and Python project as a [[package]], and \
            tags no package uses (an older crate's v0.8.4) as a proposed [tags] ignore; it reports the tag \
            schemes in use and other release tools' files (release-plz.toml, cliff.toml). When more than a third of the \
            last 1000 commits have no Conventional Commits type, it proposes [[rule]]s learned from their leading \
            verbs (Fix/Fixed → fixes, Add/Added → features, Remove/Removed → refactoring, ...), each with the number \
            of commits it moves; notes applies no such rule unless notes.toml has it. --force keeps the \
            [[package]] tables of the file it replaces. With --templates, also copies the built-in templates into the template folder \
            (.notes/templates/ unless [templates] folder says otherwise), where they take precedence over the \
            built-ins. An existing file is never overwritten without --force: init then writes nothing and \
            exits with code 8; --templates alone leaves an existing notes.toml as it is.

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
        let outcome = try InitProject.run(InitRequest(
            repositoryPath: repository.repositoryPath(invocation), configPath: repository.config.map(invocation.path),
            templates: templates, force: force))
        for line in outcome.findings { invocation.writeErr("notes: \(line)\n") }
        for path in outcome.written { invocation.writeErr("notes: wrote \(path)\n") }
    }
}
