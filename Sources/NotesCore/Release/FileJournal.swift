import Foundation

/// Writes a set of edits and remembers the original bytes, so they can all be put back.
final class FileJournal {
    private(set) var written: [PlannedFileEdit] = []
    let workspace: ReleaseWorkspace

    init(_ workspace: ReleaseWorkspace) { self.workspace = workspace }

    /// Writes `edits`; on a failure, puts back those already written and rethrows.
    static func apply(_ edits: [PlannedFileEdit], in workspace: ReleaseWorkspace) throws {
        let journal = FileJournal(workspace)
        do {
            for edit in edits { try journal.write(edit) }
        } catch {
            journal.restore()
            throw error
        }
    }

    /// Writes `edit` when the file still holds the bytes it was planned from (another writer may have
    /// changed it since it was read: then nothing is written and the error says so).
    func write(_ edit: PlannedFileEdit) throws {
        let current = try workspace.read(edit.path)
        guard current == (edit.existed ? edit.original : nil) else {
            throw NotesError(.file, "\(edit.path) changed while notes was working on it; nothing more was written",
                             hint: "run the command again")
        }
        try AtomicFile.write(edit.updated, to: workspace.absolute(edit.path), scope: workspace.scope, display: edit.path)
        written.append(edit)
    }

    /// Puts back the original bytes of every file written, newest first; returns the paths it could not restore.
    @discardableResult
    func restore() -> [String] {
        var failed: [String] = []
        for edit in written.reversed() {
            // Put back only what notes wrote: a file someone changed since keeps their bytes.
            guard (try? workspace.read(edit.path)) == edit.updated else {
                failed.append(edit.path + " (changed by someone else since notes wrote it: left as it is)")
                continue
            }
            do {
                if edit.existed {
                    try AtomicFile.write(edit.original, to: workspace.absolute(edit.path), scope: workspace.scope, display: edit.path)
                } else {
                    try FileManager.default.removeItem(atPath: workspace.absolute(edit.path))
                }
            } catch {
                failed.append(edit.path)
            }
        }
        written.removeAll()
        return failed
    }
}
