import NotesGit
import Foundation
import NotesMarkdown

/// README settings: flags and defaults today, `notes.toml` later.
public struct ReadmeSettings: Sendable {
    /// The README's path (absolute); nil: `README.md` at the top of the work tree.
    public var path: String?
    /// The path as messages show it.
    public var displayPath: String?
    /// The section's heading text, matched case-insensitively at any level. Default "Release Notes".
    public var sectionTitle: String
    /// Keep only the newest N entries; nil keeps all.
    public var keep: Int?
    /// Add the section at the end of the file when it is missing.
    public var create: Bool

    /// Makes settings.
    public init(path: String? = nil, displayPath: String? = nil, sectionTitle: String = "Release Notes",
                keep: Int? = nil, create: Bool = false) {
        self.path = path
        self.displayPath = displayPath
        self.sectionTitle = sectionTitle
        self.keep = keep
        self.create = create
    }
}

/// What `notes readme` is asked for.
public typealias ReadmeRequest = ReleaseFileRequest<ReadmeSettings>

/// `notes readme`: the release's entry at the top of the README's "Release Notes" section.
public enum UpdateReadme {
    /// Computes the change to the README (nothing is written here) and the range summary.
    public static func run(_ request: ReadmeRequest) throws -> (change: FileChange, range: String) {
        if let keep = request.settings.keep, keep < 1 {
            throw NotesError(.badInput, "keep must be at least 1, got \(keep)", hint: "pass --keep 1 or more, or leave it out")
        }
        let source = try request.source()
        let version = try source.version(request.version)
        let (path, display) = try ReleaseFiles.location(given: request.settings.path, display: request.settings.displayPath,
                                                        defaultName: "README.md", source: source)
        let file = try EditableFile.open(path, displayPath: display)
        guard file.exists || request.settings.create else {
            throw NotesError(.file, "\(display) does not exist; nothing was written",
                             hint: "pass --create to create it with a \"\(request.settings.sectionTitle)\" section, or --file to name another README")
        }
        let editor = try ReadmeEditor(document: file.document, title: request.settings.sectionTitle,
                                      create: request.settings.create, displayPath: display, tagPrefix: request.tagPrefix)
        let result = try source.release(RangeRequest(version: request.version, from: request.from, to: request.to),
                                        now: request.now)
        let release = result.context.release
        let heading = editor.pattern.render(version: release.version ?? version.bare, tag: release.tag ?? release.title,
                                            date: release.date, url: release.compareURL)
        let breaking = result.context.entries(of: .breaking)
        let features = result.context.entries(of: .features)
        let fixes = result.context.entries(of: .fixes)
        let view = ReadmeEntryView(
            heading: editor.headingMarks + " " + heading, bullet: editor.bullet, release: release,
            breaking: breaking, features: features, fixes: fixes,
            hasItems: !(breaking.isEmpty && features.isEmpty && fixes.isEmpty))
        let text = try ReleaseFiles.render(view, template: "readme-entry.md", level: editor.level)
        let (bytes, summary) = editor.apply(version: version, entryText: text, keep: request.settings.keep)
        return (FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                           summary: summary), result.summary)
    }
}
