/// What the release planner needs to know about the package a command acts on: its folder, tag scheme,
/// version files and neighbours. Made from the resolved ``Settings`` (flags, notes.toml, then what the
/// repository declares), so the planner reads no configuration itself.
public struct ReleaseScope: Sendable {
    /// Another package of the repository: its version files are evidence that a tag of a shared scheme is
    /// its release, not this package's.
    public struct Neighbour: Sendable, Hashable {
        /// Its name (`barter`).
        public var name: String
        /// Its folder, repository-relative ("" for the root).
        public var folder: String
        /// Its version files, repository-relative.
        public var versionFiles: [VersionFileSpec]

        /// Makes a neighbour.
        public init(name: String, folder: String, versionFiles: [VersionFileSpec]) {
            self.name = name
            self.folder = folder
            self.versionFiles = versionFiles
        }
    }

    /// The package's name, for messages; nil for the whole repository.
    public var package: String?
    /// The package's folder, repository-relative; "" for the root (or the whole repository).
    public var folder: String
    /// Release tags are this prefix plus a version; nil accepts `v1.2.3` and `1.2.3`.
    public var tagPrefix: String?
    /// Tags that are never release tags.
    public var tagFilter: TagFilter
    /// Where a stable release's notes start.
    public var stableStart: PreviousTagRule.StableStart
    /// The package's version files, repository-relative.
    public var versionFiles: [VersionFileSpec]
    /// The package's `bootstrap` revision.
    public var bootstrap: String?
    /// The repository's other packages.
    public var neighbours: [Neighbour]

    /// Makes a scope.
    public init(package: String? = nil, folder: String = "", tagPrefix: String? = nil, tagFilter: TagFilter = TagFilter(),
                stableStart: PreviousTagRule.StableStart = .stable, versionFiles: [VersionFileSpec] = [],
                bootstrap: String? = nil, neighbours: [Neighbour] = []) {
        self.package = package
        self.folder = folder
        self.tagPrefix = tagPrefix
        self.tagFilter = tagFilter
        self.stableStart = stableStart
        self.versionFiles = versionFiles
        self.bootstrap = bootstrap
        self.neighbours = neighbours
    }

    /// The scope of resolved settings.
    public init(_ settings: Settings) {
        self.init(package: settings.package ?? (settings.packageFolder.isEmpty ? nil : settings.packageFolder),
                  folder: settings.packageFolder, tagPrefix: settings.tagPrefix, tagFilter: settings.tagFilter,
                  stableStart: settings.stableStart, versionFiles: settings.versionFiles,
                  bootstrap: settings.bootstrap, neighbours: settings.neighbours)
    }

    /// True when the package's tags are the repository's plain `v1.2.3` (or `1.2.3`) tags while it is one
    /// package among others (a folder of a workspace, or a root package beside members): such a tag may be
    /// another package's release (an older crate's `v0.8.4`), and the repository's files at its commit
    /// say whose (``ReleasePlanner``). A prefix of the package's own (`barter-python-v`) is never shared.
    public var sharesScheme: Bool {
        (tagPrefix == nil || tagPrefix == "v" || tagPrefix == "V")
            && (!folder.isEmpty || (package != nil && !neighbours.isEmpty))
    }
}
