import Foundation
import NotesGit

/// The state of one `notes release`: what is released, what has been changed so far, and how to undo it.
public final class ReleaseRun {
    /// The repository and settings.
    public let workspace: ReleaseWorkspace
    /// The version released.
    public let version: ReleaseVersion
    /// Its tag (`v0.1.3`).
    public let tagName: String
    /// True for `--dry-run`: steps say and diff, and change nothing.
    public let dryRun: Bool
    /// Who commits and tags.
    public let committer: GitIdentity
    /// Who authors the commit (`GIT_AUTHOR_*`, else the committer).
    public let author: GitIdentity
    /// "Now" (unix seconds).
    public let now: Int64
    /// HEAD's commit before the run.
    public let startHead: CommitID
    /// The release commit's time: `now`, but never before its parent's committer time (a commit older than its
    /// parent, as a `SOURCE_DATE_EPOCH` in the past would make, confuses every date-ordered walk).
    public let commitTime: Int64
    /// The branch HEAD is on (`refs/heads/main`).
    public let branchRef: String
    /// Uncommitted changes to release files found before the run (a reviewed `notes bump`): committed with
    /// the files the steps change.
    public let carried: [String]
    /// Regenerate entries that differ from what notes would write (`--replace`).
    public let replace: Bool

    /// Files written so far (with their original bytes), in order; in a dry run, the files that would be.
    public private(set) var edits: [PlannedFileEdit] = []
    /// The release commit, once made.
    public private(set) var commit: CommitID?
    /// The tag, once created.
    public private(set) var createdTag: String?
    /// The diffs of a dry run.
    public private(set) var diffs: [String] = []
    private let journal: FileJournal
    private let sayLine: (String) -> Void

    init(workspace: ReleaseWorkspace, version: ReleaseVersion, tagName: String, dryRun: Bool, committer: GitIdentity,
         author: GitIdentity, now: Int64, startHead: CommitID, branchRef: String, carried: [String] = [],
         replace: Bool = false, say: @escaping (String) -> Void) {
        self.workspace = workspace
        self.version = version
        self.tagName = tagName
        self.dryRun = dryRun
        self.committer = committer
        self.author = author
        self.now = now
        self.startHead = startHead
        commitTime = max(now, (try? workspace.repository.commit(startHead).committer.time) ?? now)
        self.branchRef = branchRef
        self.carried = carried
        self.replace = replace
        journal = FileJournal(workspace)
        sayLine = say
    }

    /// Tells the user what happened (stderr).
    public func say(_ line: String) { sayLine(line) }

    /// Stages an edit: its new bytes are written and synced beside the file, which changes only when
    /// ``publishFiles()`` puts every staged file in place at once (so a full disk fails before anything
    /// changed). In a dry run, records its diff instead.
    /// - Throws: ``NotesError`` `.file` when the file cannot be staged (a full disk, a read-only folder), or
    ///   when an earlier step already changes the same file (two steps never write one file).
    public func write(_ edit: PlannedFileEdit) throws {
        guard edit.original != edit.updated else { return }
        if let earlier = edits.first(where: { $0.path == edit.path }) {
            throw NotesError(.badInput, "\(edit.path) would be written twice by this release (\(earlier.summary); "
                                 + "\(edit.summary)); nothing was written",
                             hint: "give the changelog, the README and the version files different paths")
        }
        if dryRun {
            diffs.append(UnifiedDiff.diff(path: edit.path, old: edit.original, new: edit.updated))
        } else {
            try journal.stage(edit)
        }
        edits.append(edit)
    }

    /// Puts every staged file in place (the commit step calls it first; the run calls it at the end when no
    /// step did). Each file is checked once more against the bytes notes read right before its rename.
    public func publishFiles() throws {
        guard !dryRun else { return }
        try journal.publish()
    }

    /// The run succeeded: removes the originals kept for undoing.
    func finish() {
        journal.finish()
        dropIndexCopy()
        dropBranchCopy()
    }

    /// The file commands' request for this release: its tag, the workspace's settings, the run's time.
    func fileRequest() -> FileEditRequest {
        FileEditRequest(settings: workspace.settings, range: RangeRequest(version: tagName),
                        context: RunContext(now: now), replace: replace)
    }

    /// The paths the release commit takes: the files written (not the ones git ignores) and the carried ones.
    var committedPaths: [String] {
        var paths = edits.filter { !$0.isIgnored }.map(\.path)
        for path in carried where !paths.contains(path) { paths.append(path) }
        return paths
    }

    /// Called before the commit step writes the index: from then on a rollback resets the committed paths'
    /// index entries, even when the commit or the branch update failed after the index was written.
    func recordIndexWrite() {
        indexWritten = true
        lock?.markGitWrites()
        keepBranchFile()
        let index = workspace.repository.gitDir + "/index"
        var status = stat()
        guard lstat(index, &status) == 0 else { return }
        indexBefore = AtomicFile.Snapshot(status)
        let copy = AtomicFile.temporaryName(for: index)
        if link(index, copy) == 0 { indexCopy = copy }
    }
    /// The index file before the commit step, and a hard link to it: undoing the index needs no new space.
    private var indexBefore: AtomicFile.Snapshot?
    private var indexCopy: String?

    /// Puts the index back: nothing to do when the commit step never wrote it; else its paths are reset to
    /// HEAD's entries, and when that fails (a full disk) the index file from before is renamed back.
    private func restoreIndex() -> String? {
        let index = workspace.repository.gitDir + "/index"
        defer { dropIndexCopy() }
        var status = stat()
        if let indexBefore, lstat(index, &status) == 0, AtomicFile.Snapshot(status) == indexBefore { return nil }
        do {
            try workspace.repository.resetIndex(paths: committedPaths, to: startHead)
            return nil
        } catch {
            if let indexCopy, rename(indexCopy, index) == 0 {
                self.indexCopy = nil
                return nil
            }
            return "the index entries of \(committedPaths.joined(separator: ", ")): \(error)"
        }
    }

    /// The branch's loose ref file before the commit step, kept as a hard link (nil: the branch was packed
    /// or its file could not be linked), so that moving the branch back needs no new space either.
    private var branchCopy: String?
    private var branchWasPacked = false
    private var branchFile: String {
        (workspace.repository.commonDir.hasSuffix("/") ? workspace.repository.commonDir
            : workspace.repository.commonDir + "/") + branchRef
    }

    private func keepBranchFile() {
        var status = stat()
        if lstat(branchFile, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else { return }
            // In the git folder's root, not beside the ref: a file in refs/heads/ could be read as a branch.
            let copy = AtomicFile.temporaryName(for: workspace.repository.commonDir + "/branch")
            if link(branchFile, copy) == 0 { branchCopy = copy }
        } else if errno == ENOENT {
            branchWasPacked = true
        }
    }

    /// Moves the branch back without libgit2 when its ref write failed (a full disk): the kept ref file is
    /// renamed back, or the loose file removed when the branch lived in packed-refs. True when done.
    private func restoreBranchFile() -> Bool {
        if let branchCopy, rename(branchCopy, branchFile) == 0 {
            self.branchCopy = nil
            return workspace.repository.referenceTarget(branchRef) == startHead
        }
        if branchWasPacked, unlink(branchFile) == 0 {
            return workspace.repository.referenceTarget(branchRef) == startHead
        }
        return false
    }

    private func dropBranchCopy() {
        if let branchCopy { unlink(branchCopy) }
        branchCopy = nil
    }

    private func dropIndexCopy() {
        if let indexCopy { unlink(indexCopy) }
        indexCopy = nil
    }
    /// The run's write lock (nil in a dry run).
    var lock: WriteLock?
    private var indexWritten = false

    func recordCommit(_ id: CommitID) { commit = id }
    func recordTag(_ name: String) { createdTag = name }

    /// Undoes everything the run did, newest first: deletes the tag, moves the branch back and resets the index
    /// entries of the committed files, puts back every file's original bytes. Returns what could not be undone.
    func rollBack() -> [String] {
        var failures: [String] = []
        let repository = workspace.repository
        if let createdTag {
            do { try repository.deleteTag(named: createdTag) } catch { failures.append("tag \(createdTag): \(error)") }
        }
        if commit != nil || repository.referenceTarget(branchRef) != startHead {
            do {
                try repository.setReference(branchRef, to: startHead)
            } catch {
                // Only for want of space: with a git process holding the ref's lock, its protocol is respected.
                let full = (error as? GitError).map {
                    GitWriteFailure.error($0, "", gitDir: repository.gitDir).exitCode == .file
                } ?? false
                if !(full && restoreBranchFile()) {
                    failures.append("\(branchRef) back to \(startHead.short): \(error)")
                }
            }
        }
        if indexWritten, let failure = restoreIndex() { failures.append(failure) }
        failures += journal.restore().map { "\($0): could not restore its original bytes" }
        dropBranchCopy()
        return failures
    }
}

