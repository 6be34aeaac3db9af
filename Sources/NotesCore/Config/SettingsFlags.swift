/// What the command line says, before the configuration fills the gaps. nil (or empty) means "not given".
/// Every flag that a key of notes.toml also sets is here, so that ``Settings/resolve(configuration:flags:)``
/// is the one place where a flag beats the file.
public struct SettingsFlags: Sendable {
    /// `--tag-prefix`.
    public var tagPrefix: String?
    /// `--package NAME`.
    public var package: String?
    /// `--path DIR` (repeatable), repository-relative.
    public var paths: [String]
    /// `--template FILE`, absolute.
    public var template: String?
    /// `--version-file FILE` (repeatable), relative to the package's folder.
    public var versionFiles: [String]
    /// `--branch`.
    public var releaseBranch: String?
    /// `--notes-ref`.
    public var notesRef: String?
    /// `readme --section`.
    public var readmeHeading: String?
    /// `readme --keep`.
    public var readmeKeep: Int?
    /// `todo --after` / `--before`.
    public var todoPlacement: TodoPlacement?
    /// `todo --channel` (repeatable).
    public var announceChannels: [String]
    /// The VERSION argument as written, when the command took one: an existing tag's name sets its tag
    /// family's prefix (and package) unless `--tag-prefix` or `--package` is given.
    public var version: String?
    /// With no VERSION, choose the tag family of the nearest release tag when the tags fall in several
    /// (`draft`, `changelog`).
    public var chooseNearestFamily = false
    /// The folder notes runs in (`--repo`, else the current directory), absolute: without `--package`, the
    /// `[[package]]` whose folder holds it is selected.
    public var workingDirectory: String?
    /// Read the edits file (`[files] edits`); false for `notes init`, which writes files, never notes.
    public var readsEdits = true

    /// Makes flags.
    public init(tagPrefix: String? = nil, package: String? = nil, paths: [String] = [], template: String? = nil,
                versionFiles: [String] = [], releaseBranch: String? = nil, notesRef: String? = nil,
                readmeHeading: String? = nil, readmeKeep: Int? = nil, todoPlacement: TodoPlacement? = nil,
                announceChannels: [String] = []) {
        self.tagPrefix = tagPrefix
        self.package = package
        self.paths = paths
        self.template = template
        self.versionFiles = versionFiles
        self.releaseBranch = releaseBranch
        self.notesRef = notesRef
        self.readmeHeading = readmeHeading
        self.readmeKeep = readmeKeep
        self.todoPlacement = todoPlacement
        self.announceChannels = announceChannels
    }
}
