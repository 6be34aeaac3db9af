import Foundation
import NotesGit
import NotesMarkdown

/// Task file settings: flags and defaults today, `notes.toml` later.
public struct TodoSettings: Sendable {
    /// The task file's path (absolute); nil: `.agent/todo.md` at the top of the work tree.
    public var path: String?
    /// The path as messages show it.
    public var displayPath: String?
    /// Where a new section goes. Default: the end of the file.
    public var placement: TodoPlacement
    /// Where the release is announced: one task per channel; empty gives one "Announce" task.
    public var channels: [String]

    /// Makes settings.
    public init(path: String? = nil, displayPath: String? = nil, placement: TodoPlacement = .end, channels: [String] = []) {
        self.path = path
        self.displayPath = displayPath
        self.placement = placement
        self.channels = channels
    }
}

/// What `notes todo` is asked for.
public typealias TodoRequest = ReleaseFileRequest<TodoSettings>

/// `notes todo`: the release's follow-up tasks in `.agent/todo.md`.
public enum UpdateTodo {
    /// Computes the change to the task file (nothing is written here) and the range summary.
    public static func run(_ request: TodoRequest) throws -> (change: FileChange, range: String) {
        let source = try request.source()
        let version = try source.version(request.version)
        let (path, display) = try ReleaseFiles.location(given: request.settings.path, display: request.settings.displayPath,
                                                        defaultName: ".agent/todo.md", source: source)
        let file = try EditableFile.open(path, displayPath: display)
        let result = try source.release(RangeRequest(version: request.version, from: request.from, to: request.to),
                                        now: request.now)
        let release = result.context.release
        let tag = release.tag ?? release.title
        let (mainBranch, hotfix) = hotfixBranch(source.repository, releaseCommit: result.notes.info.to)
        let view = TodoView(
            heading: "## Release \(tag) (\(release.date))", tag: tag, release: release,
            channels: request.settings.channels, issues: result.context.issues,
            breaking: result.context.entries(of: .breaking), features: result.context.entries(of: .features),
            hotfixBranches: hotfix.map { [$0] } ?? [], mainBranch: mainBranch)
        let text = try ReleaseFiles.render(view, template: "todo.md", level: 2)
        let (bytes, summary) = try TodoEditor(document: file.document).apply(
            version: version, sectionText: text, placement: request.settings.placement, tagPrefix: request.tagPrefix,
            displayPath: display)
        return (FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                           summary: summary), result.summary)
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
