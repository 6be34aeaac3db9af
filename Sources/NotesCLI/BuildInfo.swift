import CNotesBuildInfo
import NotesCore

/// What `notes --version` prints: the version and the commit the binary was built from.
enum BuildInfo {
    /// The git commit of the build (`NOTES_BUILD_COMMIT` when it was built, see Package.swift), else "unknown".
    static let commit = String(cString: notes_build_commit())

    /// `0.1.0 (commit 1afbb08c1f2e)`.
    static let versionText = "\(NotesVersion.current) (commit \(commit))"
}
