/// What `notes changelog`, `notes readme` and `notes todo` are asked for: which release, which file, and
/// the settings (which hold everything else: the files, heading, keep, placement, channels, templates).
public struct FileEditRequest: Sendable {
    /// The settings.
    public var settings: Settings
    /// Which release (version, `--from`, `--to`).
    public var range: RangeRequest
    /// `--file`, absolute: overrides the file the settings name.
    public var file: String?
    /// How messages show `file` (as the user typed it).
    public var fileDisplay: String?
    /// Now, environment, progress.
    public var context: RunContext
    /// Regenerate an existing entry for the version that differs from what notes would write (`--replace`);
    /// without it, such an entry is kept: it was edited by hand.
    public var replace: Bool

    /// Makes a request.
    public init(settings: Settings, range: RangeRequest, file: String? = nil, fileDisplay: String? = nil,
                context: RunContext, replace: Bool = false) {
        self.settings = settings
        self.range = range
        self.file = file
        self.fileDisplay = fileDisplay
        self.context = context
        self.replace = replace
    }

    /// The file to edit: `--file`, else `configured` (from the settings), with the path messages show. A bare
    /// repository has no work tree to find the configured file in: exit 3 (the file would land in the git
    /// folder), unless `--file` names one.
    /// `--file` is named on the command line, the configured file by the repository: ``WorkTreeBoundary``
    /// holds each to its rule (`scope`).
    func location(configured: String, in history: ReleaseHistory) throws -> (path: String, display: String, scope: PathScope) {
        if let file { return (file, fileDisplay ?? file, PathScope(settings.boundary, .commandLine)) }
        guard history.repository.workdir != nil else {
            throw NotesError(.repository, "the repository at \(history.repository.gitDir) is bare: it has no work tree for \(settings.display(configured))",
                             hint: "run notes in a clone with a work tree, or pass --file")
        }
        return (configured, settings.display(configured), PathScope(settings.boundary, .repository))
    }
}

