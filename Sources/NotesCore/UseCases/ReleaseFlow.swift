import NotesGit

/// What `notes release` is asked for.
public struct ReleaseRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// The version to release; nil computes it as `notes bump` does.
    public var version: String?
    /// The pre-release name when the version is computed (`rc`).
    public var preID: String?
    /// Settings.
    public var settings: ReleaseSettings
    /// Show every change as a diff and change nothing.
    public var dryRun: Bool
    /// "Now" (unix seconds): the commit's and the tag's time.
    public var now: Int64
    /// The environment (`GIT_COMMITTER_*`, `GIT_AUTHOR_*`).
    public var environment: [String: String]

    /// Makes a request.
    public init(repositoryPath: String, version: String?, preID: String? = nil, settings: ReleaseSettings,
                dryRun: Bool = false, now: Int64, environment: [String: String]) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.preID = preID
        self.settings = settings
        self.dryRun = dryRun
        self.now = now
        self.environment = environment
    }
}

/// One step of `notes release`. Steps run in order against a ``ReleaseRun``, write files only through
/// ``ReleaseRun/write(_:)`` (so a failure can put them back) and say what they did through ``ReleaseRun/say(_:)``.
public protocol ReleaseStep {
    /// A short name for messages (`version files`, `commit`, `tag`).
    var name: String { get }
    /// Does the step; in a dry run, says what it would do.
    func run(_ run: ReleaseRun) throws
}

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
         author: GitIdentity, now: Int64, startHead: CommitID, branchRef: String, say: @escaping (String) -> Void) {
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
        journal = FileJournal(workspace)
        sayLine = say
    }

    /// Tells the user what happened (stderr).
    public func say(_ line: String) { sayLine(line) }

    /// Writes an edit, remembering the original bytes; in a dry run, records its diff instead.
    public func write(_ edit: PlannedFileEdit) throws {
        guard edit.original != edit.updated else { return }
        if dryRun {
            diffs.append(UnifiedDiff.diff(path: edit.path, old: edit.original, new: edit.updated))
        } else {
            try journal.write(edit)
        }
        if let index = edits.firstIndex(where: { $0.path == edit.path }) {
            edits[index] = PlannedFileEdit(path: edit.path, original: edits[index].original, updated: edit.updated,
                                           summary: edits[index].summary + "; " + edit.summary,
                                           existed: edits[index].existed)
        } else {
            edits.append(edit)
        }
    }

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
        if commit != nil {
            do {
                try repository.setReference(branchRef, to: startHead)
                try repository.resetIndex(paths: edits.map(\.path), to: startHead)
            } catch {
                failures.append("\(branchRef) back to \(startHead.short): \(error)")
            }
        }
        failures += journal.restore().map { "\($0): could not restore its original bytes" }
        return failures
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
    /// The standard steps, in order.
    public static var standardSteps: [ReleaseStep] {
        [VersionFilesStep(), ChangelogStep(), ReadmeStep(), CommitStep(), TagStep()]
    }

    /// Runs the release. Preconditions (checked before anything is written): the tag does not exist, HEAD is on
    /// the release branch, tracked files are unchanged, an identity is configured, the version does not go
    /// backwards. On any failure every change is undone and the error is rethrown.
    public static func run(_ request: ReleaseRequest, steps: [ReleaseStep] = standardSteps,
                           say: @escaping (String) -> Void) throws -> ReleaseOutcome {
        let workspace = try ReleaseWorkspace(repositoryPath: request.repositoryPath, settings: request.settings)
        let repository = workspace.repository
        let explicit = try request.version.map { try workspace.version($0) }
        let plan = try workspace.nextVersion(preID: request.preID, explicit: explicit, now: request.now)
        let version = plan.next
        let tagName = workspace.tagName(for: version)

        if let existing = workspace.existingTag(named: tagName) {
            throw NotesError(.badInput, "tag \(tagName) already exists (on \(existing.tag.target.short))",
                             hint: "release another version; notes release never moves a tag")
        }
        let branch = workspace.settings.releaseBranch
        guard let branchRef = repository.headReferenceName(), let current = repository.headBranch() else {
            throw NotesError(.repository, "HEAD is detached: a release commit needs a branch",
                             hint: "git switch \(branch)")
        }
        guard current == branch else {
            throw NotesError(.repository, "HEAD is on \(current), not on the release branch \(branch)",
                             hint: "git switch \(branch), or pass --branch \(current) to release from \(current)")
        }
        let status = try gitCall { try repository.workTreeStatus() }
        guard status.isClean else {
            let paths = status.changed.prefix(5).map(\.path).joined(separator: ", ")
            throw NotesError(.repository, "the working tree has uncommitted changes: \(paths)",
                             hint: "commit or stash them first; the release commit takes only the files notes changes")
        }
        let committer = try workspace.identity(environment: request.environment)
        let author = GitIdentity.resolve(environment: request.environment, author: true) { repository.config($0) }
            ?? committer
        let run = ReleaseRun(
            workspace: workspace, version: version, tagName: tagName, dryRun: request.dryRun, committer: committer,
            author: author, now: request.now, startHead: try workspace.head(), branchRef: branchRef, say: say)
        say("releasing \(version.bare) as \(tagName) (\(plan.summary))\(request.dryRun ? ", dry run" : "")")
        do {
            for step in steps { try step.run(run) }
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
        return ReleaseOutcome(version: version.bare, tagName: tagName, commit: run.commit, branch: current,
                              changedFiles: run.edits.map(\.path), diffs: run.diffs)
    }
}

/// Writes the version into the version files.
public struct VersionFilesStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `version files`.
    public var name: String { "version files" }

    /// Writes every version file (and Cargo.lock); says which were followed or skipped.
    public func run(_ run: ReleaseRun) throws {
        let files = try VersionFileSet.read(run.workspace)
        for line in files.sayings { run.say(line) }
        let edits = try files.edits(to: run.version, in: run.workspace)
        if edits.isEmpty, !files.found.isEmpty { run.say("the version files already hold \(run.version.bare)") }
        for edit in edits {
            try run.write(edit)
            run.say((run.dryRun ? "would update " : "updated ") + edit.summary)
        }
    }
}

/// Commits the files the earlier steps changed as `chore(release): VERSION`.
public struct CommitStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `commit`.
    public var name: String { "commit" }

    /// Commits exactly the changed files; with none, says so and makes no commit.
    public func run(_ run: ReleaseRun) throws {
        let message = "chore(release): \(run.version.bare)"
        let paths = run.edits.map(\.path)
        guard !paths.isEmpty else {
            run.say("no file changed: no release commit, the tag goes on HEAD")
            return
        }
        let count = "\(paths.count) file\(paths.count == 1 ? "" : "s")"
        if run.dryRun {
            run.say("would commit \"\(message)\" with \(count): \(paths.joined(separator: ", "))")
            return
        }
        do {
            let id = try run.workspace.repository.commitFiles(
                paths, message: message + "\n", author: run.author.signature(time: run.commitTime),
                committer: run.committer.signature(time: run.commitTime))
            run.recordCommit(id)
            run.say("committed \"\(message)\" (\(id.short)) with \(count)")
        } catch let error as GitError {
            throw NotesError(.repository, "committing the release failed: \(error.message)")
        }
    }
}

/// Creates the annotated tag on the release commit, its message the release notes.
public struct TagStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `tag`.
    public var name: String { "tag" }

    /// Creates the tag on HEAD (the release commit).
    public func run(_ run: ReleaseRun) throws {
        if run.dryRun {
            run.say("would create the annotated tag \(run.tagName) with the release notes as its message")
            return
        }
        let result = try CreateTag.create(in: run.workspace, version: run.version, tagger: run.committer,
                                          force: false, now: run.now)
        run.recordTag(result.name)
        run.say("tagged \(result.target.short) as \(result.name) (notes: \(result.summary))")
    }
}
