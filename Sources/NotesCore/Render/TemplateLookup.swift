import Foundation

/// Finds the template a command renders with, in this order: `--template FILE`, the configured template
/// (`[templates]`), the repository's template folder (`.notes/templates/NAME`), the built-in NAME.
/// A file given by flag or configuration must exist (the configuration checks its own at load); when
/// neither is given and nothing is found, the error lists every place searched.
public enum TemplateLookup {
    /// The template called `name` (`release-notes.md`) for a command.
    /// - Parameters:
    ///   - flag: `--template FILE`, absolute, when given.
    ///   - configured: the `[templates]` file for the command, absolute, when set.
    ///   - folder: the repository's template folder, absolute.
    ///   - boundary: the repository's boundary. The configured template and the folder's must be regular
    ///     files inside the work tree, at most ``ConfigurationLoader/maximumTemplateBytes`` (a configured one
    ///     is a configuration error, exit 5; a folder one a template error, exit 4); `--template` may name a
    ///     file anywhere.
    public static func find(name: String, flag: String?, configured: String?, folder: String,
                            boundary: WorkTreeBoundary) throws -> TemplateSource {
        if let flag { return try TemplateSource.file(flag, scope: PathScope(boundary, .commandLine)) }
        if let configured {
            return try TemplateSource.file(configured, scope: PathScope(boundary, .repository), failure: .configuration)
        }
        let inFolder = (folder.hasSuffix("/") ? folder : folder + "/") + name
        if let found = try boundary.readTarget(inFolder, origin: .repository, display: "template \(inFolder)", failure: .template,
                                               hint: Self.folderHint(name)),
           found.kind == .regular {
            return try TemplateSource.file(inFolder, scope: PathScope(boundary, .repository), failure: .template)
        }
        if let builtin = TemplateSource.builtin(name) { return builtin }
        throw NotesError(.template, "no template \(name) found; searched: --template (not given), [templates] in notes.toml (not set), \(inFolder), the built-in templates",
                         hint: "pass --template FILE, or put \(name) in \(folder)")
    }

    static func folderHint(_ name: String) -> String {
        "make it a regular file in the repository's template folder, remove it to use the built-in \(name), or pass --template FILE"
    }

    /// The template of `kind` for a command, found through `settings` (`--template`, `[templates] KIND`,
    /// the template folder, the built-in), compiled, and checked against the kind's view model (a built-in
    /// one was checked by the test suite).
    public static func renderer(_ kind: TemplateKind, settings: TemplateSettings) throws -> TemplateRenderer {
        let source = try find(name: kind.fileName, flag: settings.flag, configured: settings.configured[kind],
                              folder: settings.folder, boundary: settings.boundary)
        let renderer = try TemplateRenderer(source)
        if !source.isBuiltin { try kind.checkNames(source) }
        return renderer
    }
}

