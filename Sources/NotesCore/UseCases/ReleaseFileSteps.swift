import Foundation
import NotesMarkdown

/// Puts the release's entry into the changelog, as `notes changelog VERSION` would. The file is the
/// package's (or the repository's) CHANGELOG.md, or the configured one; a default CHANGELOG.md that does not
/// exist is skipped and said so, a configured one is created.
public struct ChangelogStep: ReleaseStep {
    /// Makes the step.
    public init() {}
    /// `changelog`.
    public var name: String { "changelog" }

    /// Adds or replaces the entry for the release.
    public func run(_ run: ReleaseRun) throws {
        let workspace = run.workspace
        let name = workspace.settings.changelogPath
        let relative = workspace.findPackageOrRootFile(name)
            ?? (workspace.settings.changelogConfigured ? workspace.packageFile(name) : nil)
        guard let relative else {
            run.say("changelog: skipped, \(name) is not present (run notes changelog to start one)")
            return
        }
        var request = ChangelogRequest(
            repositoryPath: workspace.workdir, version: run.tagName, tagPrefix: workspace.settings.tagPrefix,
            settings: ChangelogSettings(path: workspace.absolute(relative), displayPath: relative),
            now: run.now)
        request.paths = workspace.settings.paths
        let (change, _) = try UpdateChangelog.run(request)
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
        let title = workspace.settings.readmeHeading
        guard let relative = workspace.findPackageOrRootFile(workspace.settings.readmePath) else {
            run.say("readme: skipped, \(workspace.settings.readmePath) is not present")
            return
        }
        let document = try MarkdownDocument(bytes: workspace.read(relative) ?? [])
        guard document.headings.contains(where: { $0.plainText.lowercased() == title.lowercased() }) else {
            run.say("readme: skipped, \(relative) has no \"\(title)\" section (notes readme --create adds one)")
            return
        }
        var request = ReadmeRequest(
            repositoryPath: workspace.workdir, version: run.tagName, tagPrefix: workspace.settings.tagPrefix,
            settings: ReadmeSettings(path: workspace.absolute(relative), displayPath: relative, sectionTitle: title,
                                     keep: workspace.settings.readmeKeep),
            now: run.now)
        request.paths = workspace.settings.paths
        let (change, _) = try UpdateReadme.run(request)
        try apply(change, relative: relative, in: run)
    }
}

/// Hands a file command's change to the release run, which writes it (or diffs it) and can undo it.
private func apply(_ change: FileChange, relative: String, in run: ReleaseRun) throws {
    guard change.changesFile else {
        run.say("\(relative) already has the \(run.version.bare) entry")
        return
    }
    try run.write(PlannedFileEdit(path: relative, original: change.before ?? [], updated: change.after,
                                  summary: "\(relative): \(change.summary)", existed: change.before != nil))
    run.say((run.dryRun ? "would update " : "updated ") + "\(relative): \(change.summary)")
}
