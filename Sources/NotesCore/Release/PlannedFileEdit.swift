/// One file a release command changes: its bytes before and after, kept so a failed run can put them back.
public struct PlannedFileEdit: Sendable, Hashable {
    /// The file, relative to the work tree.
    public var path: String
    /// Its bytes now.
    public var original: [UInt8]
    /// Its new bytes.
    public var updated: [UInt8]
    /// What changes, for the user: `barter-python/Cargo.toml: [package] version 0.1.2 → 0.1.3`.
    public var summary: String
    /// False when the edit creates the file: undoing it removes the file.
    public var existed: Bool
    /// True for a file git ignores and does not track (a gitignored root Cargo.lock): written, never committed.
    public var isIgnored = false

    /// Makes an edit.
    public init(path: String, original: [UInt8], updated: [UInt8], summary: String, existed: Bool = true) {
        self.path = path
        self.original = original
        self.updated = updated
        self.summary = summary
        self.existed = existed
    }
}
