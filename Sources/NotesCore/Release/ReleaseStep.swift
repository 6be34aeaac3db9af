import Foundation
import NotesGit
import NotesMarkdown

/// One step of `notes release`. Steps run in order against a ``ReleaseRun``, write files only through
/// ``ReleaseRun/write(_:)`` (so a failure can put them back) and say what they did through ``ReleaseRun/say(_:)``.
public protocol ReleaseStep {
    /// A short name for messages (`version files`, `commit`, `tag`).
    var name: String { get }
    /// Does the step; in a dry run, says what it would do.
    func run(_ run: ReleaseRun) throws
}


/// Puts the release's entry into the changelog, as `notes changelog VERSION` would (same settings, same
/// template, same history). A default changelog that does not exist is skipped and said so; one that
/// notes.toml names is created.
public struct ChangelogStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `changelog`.
    public var name: String { "changelog" }

    /// Adds or replaces the entry for the release.
    public func run(_ run: ReleaseRun) throws {
        let workspace = run.workspace
        let settings = workspace.settings
        let relative = workspace.relative(settings.changelogFile)
        guard workspace.exists(relative) || settings.changelogConfigured else {
            run.say("changelog: skipped, \(relative) is not present (run notes changelog\(settings.packageHint) to start one)")
            return
        }
        let (change, _) = try UpdateChangelog.run(run.fileRequest(), history: workspace.history)
        try apply(change, relative: relative, in: run)
    }
}

/// Puts the release's entry at the top of the README's release-notes section, as `notes readme VERSION`
/// would. A README without that section (or no README) is skipped and said so: the release still happens.
public struct ReadmeStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `readme`.
    public var name: String { "readme" }

    /// Adds or replaces the README entry for the release.
    public func run(_ run: ReleaseRun) throws {
        let workspace = run.workspace
        let settings = workspace.settings
        let title = settings.readmeHeading
        let relative = workspace.relative(settings.readmeFile)
        guard let bytes = try workspace.read(relative) else {
            run.say("readme: skipped, \(relative) is not present")
            return
        }
        let document = try MarkdownDocument(bytes: bytes)
        guard !ReadmeSection.headings(in: document, title: title).isEmpty else {
            run.say("readme: skipped, \(relative) has no \"\(title)\" section (notes readme --create\(settings.packageHint) adds one)")
            return
        }
        let (change, _) = try UpdateReadme.run(run.fileRequest(), history: workspace.history)
        try apply(change, relative: relative, in: run)
    }
}

/// Hands a file command's change to the release run, which writes it (or diffs it) and can undo it.
private func apply(_ change: FileChange, relative: String, in run: ReleaseRun) throws {
    guard change.changesFile else {
        run.say(change.notice.map { "\(relative): \($0)" } ?? "\(relative) already has the \(run.version.bare) entry")
        return
    }
    try run.write(PlannedFileEdit(path: relative, original: change.before ?? [], updated: change.after,
                                  summary: "\(relative): \(change.summary)", existed: change.before != nil))
    run.say((run.dryRun ? "would update " : "updated ") + "\(relative): \(change.summary)")
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
        let (edits, notes) = try files.edits(to: run.version, in: run.workspace)
        for line in notes { run.say(line) }
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
        let paths = run.committedPaths
        for edit in run.edits where edit.isIgnored {
            run.say("\(edit.path) is ignored by git: \(run.dryRun ? "would be " : "")updated on disk, not committed")
        }
        guard !paths.isEmpty else {
            try run.publishFiles()  // ignored files only
            run.say("no file changed: no release commit, the tag goes on HEAD")
            return
        }
        let count = "\(paths.count) file\(paths.count == 1 ? "" : "s")"
        if run.dryRun {
            run.say("would commit \"\(message)\" with \(count): \(paths.joined(separator: ", "))")
            return
        }
        try run.publishFiles()
        run.recordIndexWrite()
        do {
            let id = try run.workspace.repository.commitFiles(
                paths, message: message + "\n", author: run.author.signature(time: run.commitTime),
                committer: run.committer.signature(time: run.commitTime))
            run.recordCommit(id)
            run.say("committed \"\(message)\" (\(id.short)) with \(count)")
        } catch let error as GitError {
            throw GitWriteFailure.error(error, "committing the release", gitDir: run.workspace.repository.gitDir)
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
        let result = try CreateTag.create(in: run.workspace, version: run.version, name: run.tagName,
                                          tagger: run.committer, force: false, now: run.now)
        run.recordTag(result.name)
        run.say("tagged \(result.target.short) as \(result.name) (notes: \(result.summary))")
    }
}
