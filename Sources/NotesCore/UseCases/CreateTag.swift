import NotesGit

/// What `notes tag` is asked for.
public struct TagRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// The version to tag (`0.1.3`, `v0.1.3`).
    public var version: String
    /// Tag prefix and the rest.
    public var settings: ReleaseSettings
    /// Move an existing tag.
    public var force: Bool
    /// "Now" (unix seconds): the tagger's time.
    public var now: Int64
    /// The environment (`GIT_COMMITTER_NAME`, `GIT_COMMITTER_EMAIL`).
    public var environment: [String: String]

    /// Makes a request.
    public init(repositoryPath: String, version: String, settings: ReleaseSettings, force: Bool = false, now: Int64,
                environment: [String: String]) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.settings = settings
        self.force = force
        self.now = now
        self.environment = environment
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

/// `notes tag VERSION`: an annotated tag on HEAD whose message is the release notes.
public enum CreateTag {
    /// Creates the tag. An existing tag is an error unless `force` (and a no-op error when it already points
    /// at HEAD).
    public static func run(_ request: TagRequest) throws -> TagResult {
        let workspace = try ReleaseWorkspace(repositoryPath: request.repositoryPath, settings: request.settings)
        let version = try workspace.version(request.version)
        let tagger = try workspace.identity(environment: request.environment)
        return try create(in: workspace, version: version, tagger: tagger, force: request.force, now: request.now)
    }

    /// Creates the annotated tag for `version` on HEAD in an open workspace.
    static func create(in workspace: ReleaseWorkspace, version: ReleaseVersion, tagger: GitIdentity, force: Bool,
                       now: Int64) throws -> TagResult {
        let name = workspace.tagName(for: version)
        let head = try workspace.head()
        let existing = workspace.existingTag(named: name)
        if let existing, !force {
            if existing.tag.target == head {
                throw NotesError(.nothingToDo, "tag \(name) already exists and points at HEAD (\(head.short))",
                                 hint: "nothing to do; push it with git push origin \(name)")
            }
            throw NotesError(.badInput, "tag \(name) already exists and points at \(existing.tag.target.short)",
                             hint: "release another version, or pass --force to move \(name) to HEAD (\(head.short))")
        }
        let rendered = try ReleaseNotesText.render(workspace.source, tagName: name, to: existing == nil ? nil : head,
                                                   now: now)
        do {
            try workspace.repository.createAnnotatedTag(
                named: name, target: head, tagger: tagger.signature(time: now), message: rendered.text, force: force)
        } catch let error as GitError {
            throw NotesError(.repository, "creating tag \(name) failed: \(error.message)")
        }
        return TagResult(name: name, target: head, movedFrom: existing?.tag.target, tagger: tagger,
                         summary: rendered.summary)
    }
}

/// Release notes rendered with the built-in template, for a tag message, a git note or a GitHub release.
struct ReleaseNotesText {
    var text: String
    var result: DraftResult
    var summary: String { result.summary }

    /// The notes of the release tagged (or to be tagged) `tagName`, ending at `to`.
    static func render(_ source: ReleaseSource, tagName: String, to: CommitID?, now: Int64) throws -> ReleaseNotesText {
        guard let template = TemplateSource.builtin("release-notes.md") else {
            throw NotesError(.internalError, "the built-in template release-notes.md is missing")
        }
        let renderer = try TemplateRenderer(template)
        let result = try source.release(RangeRequest(version: tagName, to: to?.hex), now: now)
        var text = renderer.render(result.context)
        if !text.hasSuffix("\n") { text += "\n" }
        return ReleaseNotesText(text: text, result: result)
    }
}
