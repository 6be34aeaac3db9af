import NotesGit

/// What `notes release` is asked for.
public struct ReleaseRequest: Sendable {
    /// The settings (version files, files, branch, tagger, templates, ...).
    public var settings: Settings
    /// The version to release; nil computes it as `notes bump` does.
    public var version: String?
    /// The pre-release name when the version is computed (`rc`).
    public var preID: String?
    /// Show every change as a diff and change nothing.
    public var dryRun: Bool
    /// Regenerate changelog and README entries for the version that differ from what notes would write
    /// (kept otherwise: they were edited by hand).
    public var replace = false
    /// Now (the commit's and the tag's time), the environment (`GIT_COMMITTER_*`, `GIT_AUTHOR_*`).
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, version: String?, preID: String? = nil, dryRun: Bool = false,
                replace: Bool = false, context: RunContext) {
        self.settings = settings
        self.version = version
        self.preID = preID
        self.dryRun = dryRun
        self.replace = replace
        self.context = context
    }
}

/// The outcome of `notes release`.
public struct ReleaseOutcome: Sendable {
    /// The version released, bare.
    public var version: String
    /// The tag (`v0.1.3`).
    public var tagName: String
    /// The release commit; nil when no file changed (the tag is on the old HEAD) or in a dry run.
    public var commit: CommitID?
    /// The branch released from (`main`).
    public var branch: String
    /// The files changed, relative to the work tree.
    public var changedFiles: [String]
    /// A dry run's diffs, one per file.
    public var diffs: [String]

    /// `git push origin main v0.1.3`, the atomic push of the release commit and its tag.
    public var pushCommand: String { "git push --atomic origin \(branch) \(tagName)" }
}

/// `notes release`: the pre-tag checklist in one command, as a list of steps that stop at the first failure and
/// leave the repository as it was.
///
/// The steps are the version files, the changelog entry, the README's release-notes entry, the release commit
/// (`chore(release): VERSION`, only the files the steps changed) and the annotated tag.
public enum ReleaseFlow {
    /// `error` (from computing the version) with hints that name what `notes release` takes: VERSION, not `--to`.
    static func releaseHints(_ error: NotesError, packageHint: String) -> NotesError {
        guard let hint = error.hint, hint.contains("--to") else { return error }
        var fixed = error
        fixed.hint = hint.replacingOccurrences(of: "pass --to <version> to release anyway", with: "give the version: notes release <version>\(packageHint)")
            .replacingOccurrences(of: "pass --to <version>", with: "give the version: notes release <version>\(packageHint)")
            .replacingOccurrences(of: "pass a version above", with: "release a version above")
            .replacingOccurrences(of: " to --to, such as", with: ", such as")
        return fixed
    }

    /// The standard steps, in order.
    public static var standardSteps: [ReleaseStep] {
        [VersionFilesStep(), ChangelogStep(), ReadmeStep(), CommitStep(), TagStep()]
    }

    /// Runs the release. Preconditions (checked before anything is written): the tag does not exist, HEAD is on
    /// the release branch, tracked files are unchanged, an identity is configured, the version does not go
    /// backwards. On any failure every change is undone and the error is rethrown.
    public static func run(_ request: ReleaseRequest, steps: [ReleaseStep] = standardSteps,
                           say: @escaping (String) -> Void) throws -> ReleaseOutcome {
        try request.settings.requirePackage(for: "release")
        if let version = request.version { try request.settings.requirePackage(forTag: version, command: "release") }
        let lock = request.dryRun ? nil
            : try WriteLock.acquire(request.settings, command: "notes release", environment: request.context.environment)
        defer { lock?.release() }
        let history = try request.context.history(request.settings)
        let workspace = try ReleaseWorkspace(history: history)
        let repository = workspace.repository
        if let lock {
            if let dead = lock.tookOverFrom { say(WriteLock.takeOverNote(dead)) }
            let settings = workspace.settings
            workspace.removeLeftoversOfDeadRuns(
                near: settings.versionFiles.map(\.path) + [settings.changelogFile, settings.readmeFile,
                                                          repository.gitDir + "/index", repository.commonDir + "/branch"])
        }
        // A version file that is no file (a folder, a FIFO, a device, a link loop) is the problem to report,
        // before "nothing to release"; what is in the files is checked later, after the tree's state.
        for spec in workspace.settings.versionFiles { _ = try workspace.read(spec.path) }
        let explicit = try request.version.map { try history.version($0) }
        let plan: VersionPlan
        do {
            plan = try VersionPlan.make(history, preID: request.preID, explicit: explicit, now: request.context.now)
        } catch let error as NotesError {
            throw releaseHints(error, packageHint: request.settings.packageHint)
        }
        let version = plan.next
        let tagName = history.tagName(for: version, written: request.version)

        if history.tagBlockedByNonCommit(named: tagName) { throw history.nonCommitTagError(tagName) }
        if let existing = history.existingTag(named: tagName) {
            if let foreign = ReleasePreconditions.foreignTagItem(workspace, existing) {
                throw NotesError(.badInput, foreign.message, hint: foreign.fix)
            }
            throw NotesError(.badInput, "tag \(tagName) already exists (on \(existing.tag.target.short))",
                             hint: "release another version; notes release never moves a tag")
        }
        try ReleasePreconditions.require(workspace, version: version, tagName: tagName)
        let branch = workspace.settings.releaseBranch
        guard let branchRef = repository.headReferenceName(), let current = repository.headBranch() else {
            throw NotesError(.repository, "HEAD is detached: a release commit needs a branch",
                             hint: "git switch \(branch)")
        }
        guard current == branch else {
            throw NotesError(.repository, "HEAD is on \(current), not on the release branch \(branch)",
                             hint: "git switch \(branch), or pass --branch \(current) to release from \(current)")
        }
        if let lock {
            // A run killed while git was writing leaves git's own lock files; only those it said it made go.
            for file in lock.removeGitLocksLeftByDeadHolder(
                ["index.lock", branchRef + ".lock", "refs/tags/\(tagName).lock", "packed-refs.lock", "HEAD.lock"]) {
                say("removed \(file), left by the notes run that ended without finishing")
            }
        }
        _ = try workspace.status()  // a damaged object store is exit 3 here, not "uncommitted changes"
        let carried = try ReleasePreflight.carriedChanges(workspace, version: version)
            + ReleasePreflight.untrackedReleaseFiles(workspace)
        let environment = request.context.environment
        let committer = try workspace.identity(environment: environment)
        let author = GitIdentity.resolve(environment: environment, author: true) { repository.config($0) }
            ?? committer
        let run = ReleaseRun(
            workspace: workspace, version: version, tagName: tagName, dryRun: request.dryRun, committer: committer,
            author: author, now: request.context.now, startHead: try workspace.head(), branchRef: branchRef,
            carried: carried, replace: request.replace, say: say)
        run.lock = lock
        if !carried.isEmpty {
            say("the release commit takes the uncommitted \(carried.joined(separator: ", ")): the files it writes, "
                + "already holding \(version.bare)")
        }
        say("releasing \(version.bare) as \(tagName) (\(plan.summary))\(request.dryRun ? ", dry run" : "")")
        do {
            for step in steps { try step.run(run) }
            try run.publishFiles()
        } catch {
            guard !request.dryRun else { throw error }
            let failures = run.rollBack()
            if failures.isEmpty {
                say("failed; undone: the files, commit and tag are as they were")
            } else {
                say("failed, and these could not be undone: " + failures.joined(separator: "; "))
            }
            throw error
        }
        run.finish()
        return ReleaseOutcome(version: version.bare, tagName: tagName, commit: run.commit, branch: current,
                              changedFiles: run.edits.map(\.path), diffs: run.diffs)
    }
}

