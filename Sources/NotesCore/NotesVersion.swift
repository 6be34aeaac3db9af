/// The version of notes itself.
public enum NotesVersion {
    /// Shown by `notes --version`.
    public static let current = "0.1.0"
}
