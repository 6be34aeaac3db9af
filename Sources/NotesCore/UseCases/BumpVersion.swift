import Foundation
/// What `notes bump` is asked for.
public struct BumpRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// Package, version files, tag prefix and bump rules.
    public var settings: ReleaseSettings
    /// The pre-release name (`rc`), nil for a release.
    public var preID: String?
    /// The version asked for with `--to`, nil to compute it.
    public var explicit: String?
    /// Compute and say, write nothing.
    public var dryRun: Bool
    /// "Now" (unix seconds).
    public var now: Int64

    /// Makes a request.
    public init(repositoryPath: String, settings: ReleaseSettings, preID: String? = nil, explicit: String? = nil,
                dryRun: Bool = false, now: Int64) {
        self.repositoryPath = repositoryPath
        self.settings = settings
        self.preID = preID
        self.explicit = explicit
        self.dryRun = dryRun
        self.now = now
    }
}

/// What `notes bump` did.
public struct BumpResult: Sendable {
    /// The next version and the range it was computed from.
    public var plan: VersionPlan
    /// The files changed (or that would be, with `--dry-run`).
    public var edits: [PlannedFileEdit]
    /// Lines for the user: followed workspace inheritance, skipped default files.
    public var notes: [String]
}

/// `notes bump`: the next version from the changes since the previous release, written into the version files.
public enum BumpVersion {
    /// Computes the next version and, unless `dryRun`, writes it into the version files (atomically; a failed
    /// write puts back the files already written).
    public static func run(_ request: BumpRequest) throws -> BumpResult {
        let workspace = try ReleaseWorkspace(repositoryPath: request.repositoryPath, settings: request.settings)
        let explicit = try request.explicit.map { try workspace.version($0) }
        let plan = try workspace.nextVersion(preID: request.preID, explicit: explicit, now: request.now)
        let files = try VersionFileSet.read(workspace)
        let edits = try files.edits(to: plan.next, in: workspace)
        if !request.dryRun { try FileJournal.apply(edits, in: workspace) }
        return BumpResult(plan: plan, edits: edits, notes: files.sayings)
    }
}

extension VersionFileSet {
    /// What to tell the user about how the files were found: workspace inheritance and skipped defaults.
    public var sayings: [String] {
        found.compactMap(\.note)
            + skipped.map { "\($0) does not exist: skipped (not configured)" }
            + (found.isEmpty ? ["no version files found: only the tag will carry the version"] : [])
    }
}

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
