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

    func write(_ edit: PlannedFileEdit) throws {
        try AtomicFile.write(edit.updated, to: workspace.absolute(edit.path))
        written.append(edit)
    }

    /// Puts back the original bytes of every file written, newest first; returns the paths it could not restore.
    @discardableResult
    func restore() -> [String] {
        var failed: [String] = []
        for edit in written.reversed() {
            do {
                if edit.existed {
                    try AtomicFile.write(edit.original, to: workspace.absolute(edit.path))
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
