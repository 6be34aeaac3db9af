import NotesGit

/// What `notes tag` is asked for.
public struct TagRequest: Sendable {
    /// The settings (tag prefix, tagger, templates, ...).
    public var settings: Settings
    /// The version to tag (`0.1.3`, `v0.1.3`).
    public var version: String
    /// Move an existing tag, and tag without the preflight (uncommitted changes, version files at another version).
    public var force: Bool
    /// Now (the tagger's time) and the environment (`GIT_COMMITTER_NAME`, `GIT_COMMITTER_EMAIL`).
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, version: String, force: Bool = false, context: RunContext) {
        self.settings = settings
        self.version = version
        self.force = force
        self.context = context
    }
}

/// The tag a command created.
public struct TagResult: Sendable {
    /// The tag's name (`v0.1.3`).
    public var name: String
    /// The commit it points at.
    public var target: CommitID
    /// The commit an existing tag pointed at before `--force` moved it.
    public var movedFrom: CommitID?
    /// Who signed it.
    public var tagger: GitIdentity
    /// The notes' range: `v0.1.2..HEAD, 3 commits`.
    public var summary: String

    /// `git push origin v0.1.3`.
    public var pushCommand: String { "git push origin \(name)" }
}

/// `notes tag VERSION`: an annotated tag on HEAD whose message is the release notes, exactly as
/// `notes draft VERSION` prints them.
public enum CreateTag {
    /// Creates the tag. An existing tag is an error unless `force` (and a no-op error when it already points
    /// at HEAD). Before a new tag, `notes release`'s preflight: nothing uncommitted, and the version files
    /// hold the version (``ReleasePreflight``); `force` skips it.
    public static func run(_ request: TagRequest) throws -> TagResult {
        try request.settings.requirePackage(for: "tag")
        try request.settings.requirePackage(forTag: request.version, command: "tag")
        let lock = try WriteLock.acquire(request.settings, command: "notes tag", environment: request.context.environment)
        defer { lock.release() }
        let history = try request.context.history(request.settings)
        let workspace = try ReleaseWorkspace(history: history)
        let version = try history.version(request.version)
        let tagger = try workspace.identity(environment: request.context.environment)
        let name = history.tagName(for: version, written: request.version)
        if !request.force, history.existingTag(named: name) == nil {
            try ReleasePreflight.checkTaggable(workspace, version: version)
            try ReleasePreconditions.require(workspace, version: version, tagName: name)
        }
        return try create(in: workspace, version: version, name: name,
                          tagger: tagger, force: request.force, now: request.context.now)
    }

    /// Creates the annotated tag `name` for `version` on HEAD in an open workspace.
    static func create(in workspace: ReleaseWorkspace, version: ReleaseVersion, name: String, tagger: GitIdentity,
                       force: Bool, now: Int64) throws -> TagResult {
        let head = try workspace.head()
        let existing = workspace.history.existingTag(named: name)
        if !force, workspace.history.tagBlockedByNonCommit(named: name) { throw workspace.history.nonCommitTagError(name) }
        if let existing, !force {
            if existing.tag.target == head {
                throw NotesError(.nothingToDo, "tag \(name) already exists and points at HEAD (\(head.short))",
                                 hint: "nothing to do; push it with git push origin \(name)")
            }
            throw NotesError(.badInput, "tag \(name) already exists and points at \(existing.tag.target.short)",
                             hint: "release another version, or pass --force to move \(name) to HEAD (\(head.short))")
        }
        let rendered = try ReleaseNotesText.render(
            workspace.history, RangeRequest(version: name, to: existing == nil ? nil : head.hex), now: now)
        do {
            try workspace.repository.createAnnotatedTag(
                named: name, target: head, tagger: tagger.signature(time: now), message: rendered.text, force: force)
        } catch let error as GitError {
            throw GitWriteFailure.error(error, "creating tag \(name)", gitDir: workspace.repository.gitDir)
        }
        return TagResult(name: name, target: head, movedFrom: existing?.tag.target, tagger: tagger,
                         summary: rendered.summary)
    }
}
