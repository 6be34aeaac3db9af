import ArgumentParser
import Foundation
import NotesCore
import NotesGit

/// The options every release command (`bump`, `check`, `tag`, `attach`, `release`) takes.
struct ReleaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder inside the repository to use.", valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read this configuration file instead of notes.toml at the repository's root.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "A [[package]] of notes.toml (its folder, tag prefix and version files); without notes.toml, the "
            + "package's folder (barter-python). Default: the repository's root.",
        valueName: "name"))
    var package: String?

    @Option(name: .customLong("version-file"), help: ArgumentHelp(
        "A file holding the version, relative to the package's folder; repeat for several. Cargo.toml and "
            + "pyproject.toml by name, FILE:dotted.key for another TOML file, any other FILE by its "
            + "`notes:version` marker line. Default: [files] version_files, else Cargo.toml and pyproject.toml "
            + "where they exist.",
        valueName: "file"))
    var versionFiles: [String] = []

    @Option(name: .customLong("tag-prefix"), help: ArgumentHelp(
        "Release tags are PREFIX followed by the version. Default: the package's or [tags] prefix, else the "
            + "style of the latest release tag, else v.",
        valueName: "prefix"))
    var tagPrefix: String?

    func repositoryPath(_ invocation: Invocation) -> String {
        repo.map(invocation.path) ?? invocation.workingDirectory
    }

    /// Settings resolved in one place: flags over notes.toml over the defaults.
    func settings(_ invocation: Invocation, releaseBranch: String? = nil, notesRef: String? = nil) throws
        -> ReleaseSettings
    {
        let repositoryPath = repositoryPath(invocation)
        let root = try SettingsLoader.root(repositoryPath: repositoryPath)
        let loaded = try ConfigurationLoader.load(explicitPath: config.map(invocation.path), displayPath: config,
                                                  root: root)
        let configured = loaded.configuration.package.first { $0.name == package }
        let resolved = try Settings.resolve(
            configuration: loaded,
            flags: SettingsFlags(tagPrefix: tagPrefix, package: configured == nil ? nil : package))

        var settings = ReleaseSettings()
        if let configured {
            settings.packagePath = configured.paths.first { !$0.contains(where: { "*?[".contains($0) }) } ?? ""
            settings.paths = PathFilter(paths: resolved.paths, excludes: resolved.excludes)
        } else if let package {
            settings.packagePath = invocation.path(package)
        }
        if !versionFiles.isEmpty {
            settings.versionFiles = versionFiles.map(VersionFileSpec.parse)
        } else if !resolved.versionFiles.isEmpty {
            settings.versionFiles = resolved.versionFiles.map(VersionFileSpec.parse)
        }
        settings.tagPrefix = tagPrefix ?? (configured != nil || loaded.configuration.tags.prefix != nil
            ? resolved.tagPrefix : nil)
        settings.releaseBranch = releaseBranch ?? resolved.releaseBranch
        settings.notesRef = notesRef ?? resolved.notesRef
        settings.bumpRules = BumpRules(breakingBelowOneBumpsMinor: resolved.breakingBelowOneBumpsMinor,
                                       featureBelowOneBumpsPatch: resolved.featureBelowOneBumpsPatch)
        if let name = resolved.taggerName, let email = resolved.taggerEmail { settings.tagger = (name, email) }
        settings.readmeHeading = resolved.readmeHeading
        settings.readmeKeep = resolved.readmeKeep > 0 ? resolved.readmeKeep : nil
        if loaded.file != nil {
            settings.changelogPath = resolved.changelogFile
            settings.readmePath = resolved.readmeFile
            settings.changelogConfigured = loaded.configuration.files.changelog != "CHANGELOG.md"
                || configured?.changelog != nil
        }
        return settings
    }
}
