import NotesGit
import Foundation
import NotesMarkdown

/// Changelog settings: flags and defaults today, `notes.toml` later.
public struct ChangelogSettings: Sendable {
    /// The changelog's path (absolute); nil: `CHANGELOG.md` at the top of the work tree.
    public var path: String?
    /// The path as messages show it.
    public var displayPath: String?
    /// Heading style of new entries; nil detects it from the newest entry (default Keep a Changelog).
    public var headingStyle: HeadingPattern?

    /// Makes settings.
    public init(path: String? = nil, displayPath: String? = nil, headingStyle: HeadingPattern? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.headingStyle = headingStyle
    }
}

/// What `notes changelog` is asked for.
public struct ChangelogRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// The version; nil for the Unreleased entry (or with `all`).
    public var version: String?
    /// Every release tag, oldest to newest.
    public var all: Bool
    /// Range overrides, as for `draft`.
    public var from: String?
    /// Range overrides, as for `draft`.
    public var to: String?
    /// Tag prefix.
    public var tagPrefix: String?
    /// The file settings.
    public var settings: ChangelogSettings
    /// "Today" (unix seconds).
    public var now: Int64
    /// The resolved notes.toml settings (tag prefix, package paths, links, grouping), when read.
    public var configuration: Settings?
    /// Only commits touching these paths (overrides the configuration's); nil: as configured.
    public var paths: PathFilter?

    /// Makes a request.
    public init(repositoryPath: String, version: String? = nil, all: Bool = false, from: String? = nil,
                to: String? = nil, tagPrefix: String? = nil, settings: ChangelogSettings = .init(), now: Int64) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.all = all
        self.from = from
        self.to = to
        self.tagPrefix = tagPrefix
        self.settings = settings
        self.now = now
    }
}

/// `notes changelog`: puts release entries into CHANGELOG.md.
public enum UpdateChangelog {
    /// Computes the change to the changelog (nothing is written here) and the range summaries.
    public static func run(_ request: ChangelogRequest) throws -> (change: FileChange, ranges: [String]) {
        if request.all, request.version != nil || request.from != nil || request.to != nil {
            throw NotesError(.badInput, "--all writes every release: it takes no VERSION, --from or --to",
                             hint: "run notes changelog --all, or notes changelog VERSION for one release")
        }
        let source = try ReleaseSource(repositoryPath: request.repositoryPath, tagPrefix: request.tagPrefix,
                                       settings: request.configuration, paths: request.paths)
        _ = try request.version.map { try source.version($0) }
        let (path, display) = try ReleaseFiles.location(given: request.settings.path, display: request.settings.displayPath,
                                                        defaultName: "CHANGELOG.md", source: source)
        let file = try EditableFile.open(path, displayPath: display)
        let editor = ChangelogEditor(document: file.document, pattern: request.settings.headingStyle,
                                     tagPrefix: request.tagPrefix)

        var requests: [RangeRequest] = []
        if request.all {
            guard !source.tags.isEmpty else {
                throw NotesError(.nothingToDo, "the repository has no release tags\(request.tagPrefix.map { " starting with \($0)" } ?? "")",
                                 hint: "tag a release first, or pass --tag-prefix")
            }
            requests = source.tags.reversed().map { RangeRequest(version: $0.name) }
        } else {
            requests = [RangeRequest(version: request.version, from: request.from, to: request.to)]
        }
        let renderer = try TemplateRenderer(TemplateSource.builtin("changelog-entry.md")!)
        // This thread walks release N+1 while a background queue groups and renders release N, in order.
        let stage = OrderedStage<ChangelogEntryText>(limit: 2)
        var ranges: [String] = []
        let pattern = editor.pattern
        let (headingMarks, subheadingMarks, level) = (editor.headingMarks, editor.subheadingMarks, editor.level)
        for rangeRequest in requests {
            let walked = try source.walkRelease(rangeRequest, now: request.now)
            ranges.append(walked.summary)
            stage.submit {
                let result = walked.finish()
                let entryVersion = rangeRequest.version.map { _ in result.notes.info.version } ?? nil
                let release = result.context.release
                let headingText = entryVersion == nil
                    ? pattern.renderUnreleased(url: release.compareURL)
                    : pattern.render(version: release.version ?? release.title, tag: release.tag ?? release.title,
                                            date: release.date, url: release.compareURL)
                let view = ChangelogEntryView(
                    heading: headingMarks + " " + headingText, subheading: subheadingMarks,
                    release: release, sections: result.context.sections, issues: result.context.issues,
                    contributors: result.context.contributors, hasChanges: result.context.hasChanges)
                let text = try ReleaseFiles.render(view, with: renderer, template: "changelog-entry.md",
                                                   level: level)
                return ChangelogEntryText(version: entryVersion, text: text)
            }
        }
        let entries = try stage.results()
        let (bytes, summary) = editor.apply(entries)
        let phrase = summary.isEmpty ? "no change"
            : summary.count > 3 ? "\(summary.filter { $0.hasPrefix("added") }.count) entries added, "
                + "\(summary.filter { $0.hasPrefix("replaced") }.count) replaced"
            : summary.joined(separator: "; ")
        return (FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                           summary: phrase), ranges)
    }
}
