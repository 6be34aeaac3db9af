import Foundation

/// Writes a set of edits in two phases and can put them all back.
///
/// 1. **Stage** (``stage(_:)``): each file's new bytes go to a temporary file beside it, written and synced
///    (``AtomicFile/prepare(_:to:expecting:shown:)``). Nothing the user sees changes; a full disk or a
///    read-only folder fails here, naming the file, and the staged temporaries are removed.
/// 2. **Publish** (``publish()``): each temporary file is renamed over its file, after checking once more
///    that the file still holds what notes read; the replaced file is kept as a hard link beside it.
///
/// Undoing (``restore()``) renames the kept originals back, newest first: it needs no new space, so it works
/// on the full disk that made a later step fail. ``finish()`` removes the kept originals. A run killed
/// half-way leaves temporaries named `.NAME.notes-PID-N.tmp`; the next run that holds the write lock removes
/// those of dead processes (``AtomicFile/removeLeftoversOfDeadRuns(in:)``).
final class FileJournal {
    private struct Entry {
        var edit: PlannedFileEdit
        var prepared: AtomicFile.Prepared
    }

    private var staged: [Entry] = []
    private var written: [Entry] = []
    private var cleanedFolders: Set<String> = []
    let workspace: ReleaseWorkspace

    init(_ workspace: ReleaseWorkspace) { self.workspace = workspace }

    /// The edits published so far, in order.
    var writtenEdits: [PlannedFileEdit] { written.map(\.edit) }

    /// Writes `edits` (stage all, then publish all); on a failure, puts back those already published and
    /// rethrows.
    static func apply(_ edits: [PlannedFileEdit], in workspace: ReleaseWorkspace) throws {
        let journal = FileJournal(workspace)
        do {
            for edit in edits { try journal.stage(edit) }
            try journal.publish()
        } catch {
            journal.restore()
            throw error
        }
        journal.finish()
    }

    /// Prepares `edit`: checks the file still holds the bytes it was planned from (another writer may have
    /// changed it since it was read: then nothing is written and the error says so) and writes its new bytes
    /// to a synced temporary file. The file itself is not changed until ``publish()``.
    func stage(_ edit: PlannedFileEdit) throws {
        let path = workspace.absolute(edit.path)
        let folder = (path as NSString).deletingLastPathComponent
        if cleanedFolders.insert(folder).inserted { AtomicFile.removeLeftoversOfDeadRuns(in: folder) }
        let prepared = try AtomicFile.prepare(edit.updated, to: path, scope: workspace.scope, display: edit.path,
                                              expecting: AtomicFile.Expected(edit.existed ? edit.original : nil))
        staged.append(Entry(edit: edit, prepared: prepared))
    }

    /// True when `path` has an edit staged or published.
    func contains(_ path: String) -> Bool {
        staged.contains { $0.edit.path == path } || written.contains { $0.edit.path == path }
    }

    /// Renames every staged file into place, in order. On a failure the files published so far stay (the
    /// caller's ``restore()`` puts them back) and the rest are discarded.
    func publish() throws {
        while !staged.isEmpty {
            let entry = staged.removeFirst()
            do {
                try entry.prepared.commit(keepingOriginal: true)
            } catch {
                for rest in staged { rest.prepared.discard() }
                staged.removeAll()
                throw error
            }
            written.append(entry)
        }
    }

    /// Discards what is staged and puts back the original bytes of every file published, newest first;
    /// returns the paths it could not restore.
    @discardableResult
    func restore() -> [String] {
        for entry in staged { entry.prepared.discard() }
        staged.removeAll()
        var failed: [String] = []
        for entry in written.reversed() {
            let edit = entry.edit
            // Put back only what notes wrote: a file someone changed since keeps their bytes.
            guard (try? workspace.read(edit.path)) == edit.updated else {
                entry.prepared.discard()
                failed.append(edit.path + " (changed by someone else since notes wrote it: left as it is)")
                continue
            }
            do {
                try entry.prepared.restore()
            } catch {
                // No kept original (a file system without hard links): write the bytes back.
                do {
                    if edit.existed {
                        try AtomicFile.write(edit.original, to: workspace.absolute(edit.path), scope: workspace.scope,
                                             display: edit.path)
                    } else {
                        try FileManager.default.removeItem(atPath: workspace.absolute(edit.path))
                    }
                } catch {
                    failed.append(edit.path)
                }
            }
            entry.prepared.discard()
        }
        written.removeAll()
        return failed
    }

    /// The run succeeded: removes the kept originals.
    func finish() {
        for entry in staged { entry.prepared.discard() }
        for entry in written { entry.prepared.discard() }
        staged.removeAll()
        written.removeAll()
    }
}
