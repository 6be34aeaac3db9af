import Foundation
/// What `notes bump` is asked for.
public struct BumpRequest: Sendable {
    /// The settings (package, version files, tag prefix, bump rules).
    public var settings: Settings
    /// The pre-release name (`rc`), nil for a release.
    public var preID: String?
    /// The version asked for with `--to`, nil to compute it.
    public var explicit: String?
    /// Compute and say, write nothing.
    public var dryRun: Bool
    /// Now.
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, preID: String? = nil, explicit: String? = nil, dryRun: Bool = false,
                context: RunContext) {
        self.settings = settings
        self.preID = preID
        self.explicit = explicit
        self.dryRun = dryRun
        self.context = context
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
        let lock = request.dryRun ? nil
            : try WriteLock.acquire(request.settings, command: "notes bump", environment: request.context.environment)
        defer { lock?.release() }
        let history = try request.context.history(request.settings)
        let workspace = try ReleaseWorkspace(history: history)
        let explicit = try request.explicit.map { try history.version($0) }
        // The version files first: one that cannot be read (a folder, a FIFO, a link loop) is the problem to
        // report, before "nothing to release" or a version computed from files notes cannot write.
        let files = try VersionFileSet.read(workspace)
        let plan = try VersionPlan.make(history, preID: request.preID, explicit: explicit, now: request.context.now)
        let (edits, lockNotes) = try files.edits(to: plan.next, in: workspace)
        var said: [String] = []
        if let lock {
            if let dead = lock.tookOverFrom { said.append(WriteLock.takeOverNote(dead)) }
            workspace.removeLeftoversOfDeadRuns(near: Array(files.paths(in: workspace)))
        }
        if !request.dryRun { try FileJournal.apply(edits, in: workspace) }
        return BumpResult(plan: plan, edits: edits, notes: said + files.sayings + lockNotes)
    }
}

