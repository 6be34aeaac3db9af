import NotesGit

/// Where a notes ref's history starts before `notes attach` adds a note, so that the push after it is a
/// fast-forward from the second release on.
///
/// `actions/checkout` fetches branches and tags, not `refs/notes/*`. When the local notes ref exists, the
/// note goes on top of it. When it does not, but a fetched copy does (`refs/remotes/<remote>/notes/<name>`,
/// or `refs/notes/<remote>/<name>`), the local ref is started at that copy, never rewriting what the remote
/// has. When neither exists and the repository has the remote, the push may be rejected because the remote
/// has notes this clone never saw: attach says so, with the fetch command, and still writes the note (a
/// first release has no notes anywhere).
enum NotesRefStart {
    /// What happened, for stderr; nil when the local notes ref was there.
    struct Outcome {
        var said: String?
    }

    static func prepare(_ notesRef: String, in repository: Repository, remote: String) throws -> Outcome {
        guard notesRef.hasPrefix("refs/notes/") else { return Outcome(said: nil) }
        if repository.referenceTarget(notesRef) != nil { return Outcome(said: nil) }
        let name = String(notesRef.dropFirst("refs/notes/".count))
        for copy in ["refs/remotes/\(remote)/notes/\(name)", "refs/notes/\(remote)/\(name)"] {
            if let target = repository.referenceTarget(copy) {
                do {
                    try repository.setReference(notesRef, to: target)
                } catch let error as GitError {
                    throw NotesError(.repository, "starting \(notesRef) from \(copy) failed: \(error.message)")
                }
                return Outcome(said: "\(notesRef) started from the fetched \(copy) (\(target.short)), so the push is a fast-forward")
            }
        }
        guard repository.remoteURL(named: remote) != nil else { return Outcome(said: nil) }
        return Outcome(said: "warning: \(notesRef) was not fetched from \(remote): if \(remote) already has release notes, "
            + "pushing \(notesRef) will be rejected; fetch them first with "
            + "git fetch \(remote) '+\(notesRef):\(notesRef)' and run notes attach again "
            + "(the notes action does this)")
    }
}
