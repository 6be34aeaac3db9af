/// The notes of one release as the history pipeline gives them: the notes, their view model, and the
/// one-line range summary for stderr.
public struct ReleaseResult: Sendable {
    /// The notes.
    public var notes: ReleaseNotes
    /// The view model templates and `--context` see.
    public var context: ReleaseContext
    /// `v1.2.2..HEAD, 37 commits`.
    public var summary: String
}
