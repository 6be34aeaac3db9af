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
            """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Also copy the built-in templates into .notes/templates/ for editing.")
    var templates = false

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func execute(_ invocation: Invocation) throws {
        // With --force the file is replaced by the defaults, so it is not read at all (a broken notes.toml is
        // what --force repairs): the defaults, template folder included, apply.
        let settings: Settings
        if force {
            let root = try SettingsLoader.root(repositoryPath: repository.repositoryPath(invocation))
            settings = try Settings.resolve(configuration: LoadedConfiguration(root: root), flags: SettingsFlags())
        } else {
            settings = try repository.settings(invocation, flags: SettingsFlags())
        }
        let root = settings.root.hasSuffix("/") ? settings.root : settings.root + "/"
        var writes: [(path: String, text: String)] = [
            (repository.config.map(invocation.path) ?? root + ConfigurationLoader.fileName,
             ConfigurationReference.commentedFile),
        ]
        if templates {
            let folder = settings.templateFolder.hasSuffix("/") ? settings.templateFolder : settings.templateFolder + "/"
            for name in BuiltinTemplates.files.keys.sorted() {
                writes.append((folder + name, BuiltinTemplates.files[name] ?? ""))
            }
        }
        let existing = writes.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty && !force {
            throw NotesError(.file, "not overwriting what exists: \(existing.map { display($0, root: root) }.joined(separator: ", "))",
                             hint: "pass --force to overwrite, or move the file away first")
        }
        for write in writes {
            let folder = (write.path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw NotesError(.file, "cannot create the folder \(folder): \(error.localizedDescription)")
            }
            try AtomicFile.write(Array(write.text.utf8), to: write.path)
            invocation.writeErr("notes: wrote \(display(write.path, root: root))\n")
        }
    }

    func display(_ path: String, root: String) -> String {
        path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
