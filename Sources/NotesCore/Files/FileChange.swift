import Foundation

/// What a command does with the file it edits: write it, show the change, or check it is up to date.
public enum EditMode: Sendable, Equatable {
    /// Write the file atomically when it changes.
    case write
    /// Print a unified diff of what would change on stdout; write nothing.
    case dryRun
    /// Write nothing; fail with exit code 6 (`checkFailed`) and the diff on stderr when the file would change.
    case check
}

/// A file's bytes before and after an edit.
public struct FileChange: Sendable {
    /// The file's absolute path.
    public var path: String
    /// The path as messages show it.
    public var displayPath: String
    /// The bytes before, nil when the file does not exist.
    public var before: [UInt8]?
    /// The bytes after.
    public var after: [UInt8]
    /// What the edit did, for the summary line: "inserted the v1.2.3 section".
    public var summary: String
    /// The git folder whose write lock (``WriteLock``) `.write` takes; nil: no lock.
    public var lockDirectory: String?
    /// How long `.write` waits for another writer's lock (seconds).
    public var lockWait: Double = WriteLock.defaultWait
    /// Said whatever the mode: an entry kept as the user wrote it ("kept your 0.1.3 entry; --replace
    /// regenerates it").
    public var notice: String?
    /// True when the notice says the file lacks something (a kept entry misses commits): `--check` fails
    /// on it even when the bytes would not change.
    public var incomplete = false

    /// Who named the path, which ``WorkTreeBoundary`` holds the write to.
    public var scope: PathScope

    /// Makes a change to `path`, named as `scope` says.
    public init(path: String, displayPath: String, before: [UInt8]?, after: [UInt8], summary: String,
                scope: PathScope) {
        self.scope = scope
        self.path = path
        self.displayPath = displayPath
        self.before = before
        self.after = after
        self.summary = summary
    }

    /// True when applying it would change the file (or create it).
    public var changesFile: Bool { before != after }

    /// The unified diff of the change (empty when nothing changes).
    public var diff: String {
        guard changesFile else { return "" }
        return UnifiedDiff.make(
            old: String(decoding: before ?? [], as: UTF8.self), new: String(decoding: after, as: UTF8.self),
            oldName: before == nil ? "/dev/null" : "a/\(displayPath)", newName: "b/\(displayPath)")
    }

    /// What applying a change printed, for the command to pass on.
    public struct Outcome: Sendable, Equatable {
        /// Text for stdout (the diff of `--dry-run`).
        public var out: String
        /// Text for stderr (the summary line, or the diff of a failed `--check`).
        public var err: String
    }

    /// Applies the change in `mode`. Writes only in `.write` mode and only when the bytes differ.
    /// In `.check` mode a change is a `NotesError(.checkFailed)` whose message carries the diff.
    public func apply(_ mode: EditMode) throws -> Outcome {
        guard let notice else { return try applyChange(mode) }
        let said = "notes: \(displayPath): \(notice)\n"
        if incomplete, mode == .check, !changesFile {
            throw NotesError(.checkFailed, "\(displayPath) is not up to date: \(notice)",
                             hint: "add the missing changes to the entry, or run the same command with --replace")
        }
        guard changesFile else { return Outcome(out: "", err: said) }
        var outcome = try applyChange(mode)
        outcome.err = said + outcome.err
        return outcome
    }

    private func applyChange(_ mode: EditMode) throws -> Outcome {
        switch mode {
        case .write:
            guard changesFile else { return Outcome(out: "", err: "notes: \(displayPath) is up to date\n") }
            let lock = try lockDirectory.map { try WriteLock.acquire(gitDir: $0, command: "notes: \(displayPath)", wait: lockWait) }
            defer { lock?.release() }
            if lock != nil { AtomicFile.removeLeftoversOfDeadRuns(in: (path as NSString).deletingLastPathComponent) }
            // Another writer (an editor, a person) may change the file while notes works on it: it is checked
            // when the write begins and again right before the rename, and writing is refused if it moved.
            try AtomicFile.write(after, to: path, scope: scope, display: displayPath,
                                 expecting: AtomicFile.Expected(before))
            return Outcome(out: "", err: "notes: \(before == nil ? "created" : "updated") \(displayPath): \(summary)\n")
        case .dryRun:
            guard changesFile else { return Outcome(out: "", err: "notes: \(displayPath) is up to date\n") }
            return Outcome(out: diff, err: "notes: dry run, \(displayPath) not written: \(summary)\n")
        case .check:
            guard changesFile else { return Outcome(out: "", err: "notes: \(displayPath) is up to date\n") }
            let diff = diff.hasSuffix("\n") ? String(diff.dropLast()) : diff
            throw NotesError(.checkFailed, "\(displayPath) is not up to date: \(summary)\n\(diff)",
                             hint: "run the same command without --check to update it")
        }
    }
}
