import NotesGit

/// Loads a repository's configuration and resolves the settings a command runs with, before any work.
public enum SettingsLoader {
    /// Finds the repository containing `repositoryPath`, reads `configPath` (`--config`, absolute; shown as
    /// `configDisplay`) or the repository's `notes.toml`, and resolves `flags` over it.
    public static func load(repositoryPath: String, configPath: String?, configDisplay: String? = nil,
                            flags: SettingsFlags) throws -> Settings {
        let root = try self.root(repositoryPath: repositoryPath)
        let loaded = try ConfigurationLoader.load(explicitPath: configPath, displayPath: configDisplay, root: root)
        return try Settings.resolve(configuration: loaded, flags: flags)
    }

    /// The work tree root of the repository containing `repositoryPath` (the git folder for a bare one).
    public static func root(repositoryPath: String) throws -> String {
        let repository = try RepositoryAccess.open(repositoryPath)
        return repository.workdir ?? repository.gitDir
    }
}
