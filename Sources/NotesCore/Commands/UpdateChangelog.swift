import NotesGit
import Foundation
import NotesMarkdown

/// `notes changelog`: puts release entries into CHANGELOG.md.
public enum UpdateChangelog {
    /// Computes the change to the changelog (nothing is written here) and the range summaries. `all` writes
    /// one entry per release tag; `headingStyle` (nil: the newest entry's) shapes new headings. `history`
    /// reuses an open pipeline (`notes release`).
    public static func run(_ request: FileEditRequest, all: Bool = false, headingStyle: HeadingPattern? = nil,
                           history: ReleaseHistory? = nil) throws -> (change: FileChange, ranges: [String]) {
        let renderer = try TemplateLookup.renderer(.changelog, settings: request.settings.templates)
        let source = try history ?? request.context.history(request.settings)
        _ = try request.range.version.map { try source.version($0) }
        let (path, display, scope) = try request.location(configured: request.settings.changelogFile, in: source)
        let file = try EditableFile.open(path, displayPath: display, scope: scope)
        let editor = ChangelogEditor(document: file.document, pattern: headingStyle,
                                     tagPrefix: request.settings.tagPrefix)

        var requests: [RangeRequest] = []
        if all {
            guard !source.tags.isEmpty else {
                if source.repository.isShallow {
                    throw NotesError(.repository, "this is a shallow clone without release tags: the history and its tags are missing",
                                     hint: NotesError.shallowHint)
                }
                throw NotesError(.nothingToDo, "the repository has no release tags\(request.settings.tagPrefix.map { " starting with \($0)" } ?? "")",
                                 hint: "tag a release first, or pass --tag-prefix")
            }
            requests = source.tags.reversed().map { RangeRequest(version: $0.name) }
        } else {
            requests = [request.range]
        }
        // This thread walks release N+1 while background threads group and render earlier releases, side by
        // side (two, or one per core up to four), and the entries come back in order.
        let stage = OrderedStage<ChangelogEntryText>(limit: min(4, max(2, ProcessInfo.processInfo.activeProcessorCount)))
        var ranges: [String] = []
        let pattern = editor.pattern
        let (headingMarks, subheadingMarks, level) = (editor.headingMarks, editor.subheadingMarks, editor.level)
        // New contributors need the history before each release: read here, on the walking thread, and only
        // when the template shows them.
        let wantsNewContributors = renderer.source.text.contains("newContributors")
        for rangeRequest in requests {
            let walked = try source.walkRelease(rangeRequest, now: request.context.now)
            ranges.append(walked.summary)
            var grouped: ReleaseNotes?
            if wantsNewContributors {
                var notes = walked.group()
                notes.newContributors = try source.newContributors(of: notes)
                grouped = notes
            }
            let prepared = grouped
            stage.submit {
                let result = prepared.map(walked.result) ?? walked.finish()
                let entryVersion = rangeRequest.version.map { _ in result.notes.info.version } ?? nil
                @Sendable func render(_ result: ReleaseResult) throws -> String {
                    let release = result.context.release
                    let headingText = entryVersion == nil
                        ? pattern.renderUnreleased(url: release.compareURL)
                        : pattern.render(version: release.version ?? release.title, tag: release.tag ?? release.title,
                                         date: release.date, url: release.compareURL)
                    let view = ChangelogEntryView(
                        heading: headingMarks + " " + headingText, subheading: subheadingMarks,
                        release: release, sections: result.context.sections, issues: result.context.issues,
                        contributors: result.context.contributors, hasChanges: result.context.hasChanges,
                        newContributors: result.context.newContributors)
                    return try EntryText.render(view, with: renderer, level: level)
                }
                let text = try render(result)
                // Asked only when the file has an entry for this version that differs from `text`: what it
                // compares is computed there, not for every release of `changelog --all`.
                return ChangelogEntryText(version: entryVersion, text: text, judge: { existing in
                    EntryFreshness.judge(existing: existing, generated: text, listed: EntryFreshness.listed(result.notes),
                                         rangeIDs: result.notes.commits.map(\.record.id.short)) { count in
                        walked.finish(droppingNewest: count).flatMap { try? render($0) }
                    }
                })
            }
        }
        let entries = try stage.results()
        let (bytes, summary, missing) = editor.applying(entries, replace: request.replace)
        let phrase = summary.isEmpty ? "no change"
            : summary.count > 3 ? "\(summary.filter { $0.hasPrefix("added") }.count) entries added, "
                + "\(summary.filter { $0.hasPrefix("replaced") }.count) replaced"
            : summary.joined(separator: "; ")
        var change = FileChange(path: file.path, displayPath: file.displayPath, before: file.original, after: bytes,
                                summary: phrase, scope: scope)
        let kept = summary.filter { $0.hasPrefix("kept") }
        if !kept.isEmpty {
            change.notice = kept.count == 1 ? kept[0]
                : "kept \(kept.count) entries that differ from what notes would write; --replace regenerates them"
        }
        if !missing.isEmpty {
            change.notice = (change.notice.map { $0 + "\n" } ?? "") + EntryFreshness.missingText(missing)
            change.incomplete = true
        }
        change.lockDirectory = source.repository.gitDir
        change.lockWait = request.context.environment["NOTES_LOCK_WAIT"].flatMap(Double.init) ?? WriteLock.defaultWait
        return (change, ranges)
    }
}
