import NotesGit

/// What `notes readme` and `notes todo` are asked for: one release of one repository, and the file's
/// settings.
public struct ReleaseFileRequest<FileSettings: Sendable>: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// The version.
    public var version: String
    /// Range overrides, as for `draft`.
    public var from: String?
    /// Range overrides, as for `draft`.
    public var to: String?
    /// Tag prefix.
    public var tagPrefix: String?
    /// The file settings.
    public var settings: FileSettings
    /// "Today" (unix seconds).
    public var now: Int64
    /// The resolved notes.toml settings (tag prefix, package paths, links, grouping), when read.
    public var configuration: Settings?
    /// Only commits touching these paths (overrides the configuration's); nil: as configured.
    public var paths: PathFilter?

    /// Makes a request.
    public init(repositoryPath: String, version: String, from: String? = nil, to: String? = nil,
                tagPrefix: String? = nil, settings: FileSettings, now: Int64) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.from = from
        self.to = to
        self.tagPrefix = tagPrefix
        self.settings = settings
        self.now = now
    }

    /// The repository and its release tags, as the request's settings and paths select them.
    func source() throws -> ReleaseSource {
        try ReleaseSource(repositoryPath: repositoryPath, tagPrefix: tagPrefix, settings: configuration, paths: paths)
    }
}
