import Foundation
import NotesMarkdown

/// `notes readme`: the release's entry at the top of the README's "Release Notes" section.
public enum UpdateReadme {
    /// Computes the change to the README (nothing is written here) and the range summary. The file is
    /// `--file`, else the settings' README; the section title and `keep` come from the settings. `create`
    /// adds the section (and the file) when missing. `history` reuses an open pipeline (`notes release`).
    public static func run(_ request: FileEditRequest, create: Bool = false, history: ReleaseHistory? = nil) throws
        -> (change: FileChange, range: String)
    {
        let settings = request.settings
        let renderer = try TemplateLookup.renderer(.readme, settings: settings.templates)
        let source = try history ?? request.context.history(settings)
        let versionText = request.range.version ?? ""
        let version = try source.version(versionText)
        let (path, display, scope) = try request.location(configured: settings.readmeFile, in: source)
        let file = try EditableFile.open(path, displayPath: display, scope: scope)
        guard file.exists || create else {
            throw NotesError(.file, "\(display) does not exist; nothing was written",
                             hint: "pass --create to create it with a \"\(settings.readmeHeading)\" section, or --file to name another README")
        }
        let editor = try ReadmeEditor(document: file.document, title: settings.readmeHeading,
                                      create: create, displayPath: display, tagPrefix: settings.tagPrefix,
                                      version: version)
        let walked = try source.walkRelease(request.range, now: request.context.now)
        let result = walked.finish()
        let grouping = settings.grouping
        func render(_ result: ReleaseResult) throws -> String {
            let release = result.context.release
            let heading = editor.pattern.render(version: release.version ?? version.bare, tag: release.tag ?? release.title,
                                                date: release.date, url: release.compareURL)
            let breaking = result.context.entries(inSection: SectionKind.breaking.rawValue)
            let features = result.context.entries(inSection: grouping.sectionID(forType: "feat"))
            let fixes = result.context.entries(inSection: grouping.sectionID(forType: "fix"))
            let style = editor.style
            var lines: [String] = []
            for section in settings.readmeSections {
                switch section {
                case "breaking": lines += breaking.map { style.line($0, kind: .breaking) }
                case "features": lines += features.map { style.line($0, kind: .feature) }
                case "fixes": lines += fixes.map { style.line($0, kind: .fix) }
                default: lines += result.context.entries(inSection: section).map { style.line($0, kind: .other) }
                }
            }
            if let limit = settings.readmeMaxBullets, lines.count > limit {
                let more = lines.count - limit
                lines = Array(lines.prefix(limit)) + ["and \(more) more (see the changelog)"]
            } else if settings.readmeFollowsHouseCount, let house = editor.houseBulletCount, lines.count > max(house, 2) {
                // As many bullets as the newest entries have at most, the last saying how many more there are.
                let shown = max(house, 2) - 1
                lines = Array(lines.prefix(shown)) + ["and \(lines.count - shown) more (see the changelog)"]
            }
            let view = ReadmeEntryView(
                heading: editor.headingMarks + " " + heading, bullet: editor.bullet, release: release,
                breaking: breaking, features: features, fixes: fixes,
                hasItems: !lines.isEmpty, lines: lines, blankLine: style.blankLineAfterHeading)
            return try EntryText.render(view, with: renderer, level: editor.level)
        }
        let text = try render(result)
        let shown = Set(settings.readmeSections.compactMap { section -> String? in
            switch section {
            case "features": grouping.sectionID(forType: "feat")
            case "fixes": grouping.sectionID(forType: "fix")
            default: section
            }
        })
        let listed = EntryFreshness.listed(result.notes, sections: shown)
        let (bytes, summary, missing) = editor.applying(
            version: version, entryText: text, keep: settings.readmeKeep, replace: request.replace,
            judge: { existing in
                EntryFreshness.judge(existing: existing, generated: text, listed: listed,
                                     rangeIDs: result.notes.commits.map(\.record.id.short)) { count in
                    walked.finish(droppingNewest: count).flatMap { try? render($0) }
                }
            })
        var change = FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                                summary: summary, scope: scope)
        if summary.hasPrefix("kept") { change.notice = summary }
        if !missing.isEmpty {
            change.notice = (change.notice.map { $0 + "\n" } ?? "") + EntryFreshness.missingText([(version.bare, missing)])
            change.incomplete = true
        }
        change.lockDirectory = source.repository.gitDir
        change.lockWait = request.context.environment["NOTES_LOCK_WAIT"].flatMap(Double.init) ?? WriteLock.defaultWait
        return (change, walked.summary)
    }
}
