import ArgumentParser
import NotesCore

/// The options every release command (`bump`, `check`, `tag`, `attach`, `release`) takes.
struct ReleaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder inside the repository to use.", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp(
        "The package's folder, which holds its version files (barter-python). Default: the repository's root.",
        valueName: "dir"))
    var package: String?

    @Option(name: .customLong("version-file"), help: ArgumentHelp(
        "A file holding the version, relative to the package's folder; repeat for several. Cargo.toml and "
            + "pyproject.toml by name, FILE:dotted.key for another TOML file, any other FILE by its "
            + "`notes:version` marker line. Default: Cargo.toml and pyproject.toml where they exist.",
        valueName: "file"))
    var versionFiles: [String] = []

    @Option(name: .customLong("tag-prefix"), help: ArgumentHelp(
        "Release tags are PREFIX followed by the version. Default: the style of the latest release tag, else v.",
        valueName: "prefix"))
    var tagPrefix: String?

    func repositoryPath(_ invocation: Invocation) -> String {
        repo.map(invocation.path) ?? invocation.workingDirectory
    }

    /// Settings from the flags over the defaults.
    func settings(_ invocation: Invocation, releaseBranch: String? = nil, notesRef: String? = nil) -> ReleaseSettings {
        var settings = ReleaseSettings()
        if let package { settings.packagePath = invocation.path(package) }
        if !versionFiles.isEmpty { settings.versionFiles = versionFiles.map(VersionFileSpec.parse) }
        settings.tagPrefix = tagPrefix
        if let releaseBranch { settings.releaseBranch = releaseBranch }
        if let notesRef { settings.notesRef = notesRef }
        return settings
    }
}
