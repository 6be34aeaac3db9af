import Foundation
import NotesGit
import NotesMarkdown

/// `notes todo`: the release's follow-up tasks in `.agent/todo.md`.
public enum UpdateTodo {
    /// Computes the change to the task file (nothing is written here) and the range summary. The file is
    /// `--file`, else the settings' task list; placement and channels come from the settings.
    public static func run(_ request: FileEditRequest) throws -> (change: FileChange, range: String) {
        let settings = request.settings
        if let version = request.range.version { try settings.requirePackage(forTag: version, command: "todo") }
        let renderer = try TemplateLookup.renderer(.todo, settings: settings.templates)
        let source = try request.context.history(settings)
        let version = try source.version(request.range.version ?? "")
        let (path, display, scope) = try request.location(configured: settings.todoFile, in: source)
        let file = try EditableFile.open(path, displayPath: display, scope: scope)
        let result = try source.release(request.range, now: request.context.now)
        let release = result.context.release
        let tag = release.tag ?? release.title
        let (mainBranch, hotfix) = hotfixBranch(source.repository, releaseCommit: result.notes.info.to)
        let pullRequests = PullRequests.numbers(in: result.notes)
        let features = result.context.entries(inSection: settings.grouping.sectionID(forType: "feat"))
        let grouped = features.count > 3
        let tasks = settings.todoTasks.map {
            $0.replacingOccurrences(of: "{tag}", with: tag).replacingOccurrences(of: "{version}", with: version.bare)
                .replacingOccurrences(of: "{branch}", with: mainBranch)
        }
        let view = TodoView(
            heading: "## Release \(tag) (\(release.date))", tag: tag, release: release,
            channels: settings.announceChannels,
            issues: result.context.issues.filter { $0.closes || !pullRequests.contains($0.number) || $0.key.contains("/") },
            breaking: result.context.entries(inSection: SectionKind.breaking.rawValue),
            features: grouped ? [] : features, featureGroup: grouped ? features : [], hasFeatureGroup: grouped,
            tasks: tasks, hotfixBranches: hotfix.map { [$0] } ?? [], mainBranch: mainBranch)
        let text = try EntryText.render(view, with: renderer, level: 2)
        let (bytes, summary) = try TodoEditor(document: file.document).apply(
            version: version, sectionText: text, placement: settings.todoPlacement, tagPrefix: settings.tagPrefix,
            displayPath: display)
        var change = FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                           summary: summary, scope: scope)
        change.lockDirectory = source.repository.gitDir
        change.lockWait = request.context.environment["NOTES_LOCK_WAIT"].flatMap(Double.init) ?? WriteLock.defaultWait
        return (change, result.summary)
    }

    /// The main branch (`main`, else `master`) and, when HEAD is on another branch whose release commit
    /// the main branch does not contain yet, that branch: it has to be merged back.
    static func hotfixBranch(_ repository: Repository, releaseCommit: CommitID) -> (String, String?) {
        let candidates = ["main", "master"]
        guard let main = candidates.first(where: { (try? repository.resolveCommit("refs/heads/\($0)")) != nil }),
              let mainCommit = try? repository.resolveCommit("refs/heads/\(main)")
        else { return ("main", nil) }
        guard let branch = repository.headBranch(), branch != main,
              let merged = try? repository.isAncestor(releaseCommit, of: mainCommit), !merged
        else { return (main, nil) }
        return (main, branch)
    }
}
