import Foundation
import NotesGit
import NotesMarkdown

/// One line of `notes check`.
public struct CheckItem: Sendable, Codable, Hashable {
    /// Passed, failed, or not applicable.
    public enum Status: String, Sendable, Codable {
        /// ✓
        case pass
        /// ✗
        case fail
        /// Skipped: the file it is about is neither configured nor present.
        case skip
        /// A warning: the release may go ahead, a later one will need the fix.
        case warn
    }

    /// A stable name for machines: `version-file`, `tag`, `ci`, `committed`, `future-tags`, `clean`,
    /// `changelog`, `readme`, `shallow`, `branch`.
    public var check: String
    /// The outcome.
    public var status: Status
    /// What was found, for people.
    public var message: String
    /// For a failure, what to do.
    public var fix: String?

    /// Makes an item.
    public init(check: String, status: Status, message: String, fix: String? = nil) {
        self.check = check
        self.status = status
        self.message = message
        self.fix = fix
    }
}

/// The result of `notes check VERSION`.
public struct CheckReport: Sendable, Codable {
    /// The version checked, bare (`0.1.3`).
    public var version: String
    /// The tag that release has or gets (`v0.1.3`).
    public var tag: String
    /// True when no check failed.
    public var ok: Bool
    /// Every check, in order.
    public var checks: [CheckItem]

    /// One line per check with ✓, ✗ or `-` (skipped), and the fix under a failure.
    public var text: String {
        checks.map { item in
            let mark = switch item.status {
            case .pass: "✓"
            case .fail: "✗"
            case .skip: "-"
            case .warn: "!"
            }
            return "\(mark) \(item.message)" + (item.fix.map { "\n    fix: \($0)" } ?? "")
        }.joined(separator: "\n") + "\n"
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// What `notes check` is asked for.
public struct CheckRequest: Sendable {
    /// The settings (package, version files, release branch, changelog and README).
    public var settings: Settings
    /// The version to check.
    public var version: String
    /// Now.
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, version: String, context: RunContext) {
        self.settings = settings
        self.version = version
        self.context = context
    }
}

/// `notes check VERSION`: the release checklist's preflight, one check per line.
public enum ReleaseCheck {
    /// Runs every check; the report says which failed. Throws only when the repository or VERSION is unusable.
    public static func run(_ request: CheckRequest) throws -> CheckReport {
        let workspace = try ReleaseWorkspace(history: try request.context.history(request.settings))
        let version = try workspace.history.version(request.version)
        var report = try run(workspace, version: version, written: request.version)
        report.checks += try editsChecks(workspace, context: request.context)
        report.ok = !report.checks.contains { $0.status == .fail }
        return report
    }

    /// The releases whose published entry lacks their corrections: for every release that holds a commit the
    /// edits file corrects, its changelog entry and the note `notes attach` left on its tag, each compared with
    /// the notes as corrected and as they were before the corrections. Equal to the corrected: fine. Equal to
    /// the uncorrected (notes wrote it before the correction): a failing line with the command that
    /// republishes. A changelog entry equal to neither was written by hand or by another tool: notes cannot
    /// tell, and says so without failing. A note is notes' own: any difference fails. One passing line when all
    /// agree; nothing without corrections.
    static func editsChecks(_ workspace: ReleaseWorkspace, context: RunContext) throws -> [CheckItem] {
        let history = workspace.history
        let settings = workspace.settings
        let edits = settings.grouping.edits
        guard !edits.isEmpty else { return [] }
        var releases: [String: VersionTag] = [:]
        for id in edits.byCommit.keys where (try? history.repository.commit(id)) != nil {
            if let release = EditCorrections.release(containing: id, in: history) { releases[release.name] = release }
        }
        guard !releases.isEmpty else {
            return [CheckItem(check: "edits", status: .pass,
                              message: "\(edits.file): no correction touches a published release")]
        }
        var uncorrectedSettings = settings
        uncorrectedSettings.grouping.edits = CommitEdits(file: edits.file)
        let uncorrected = try context.history(uncorrectedSettings)
        let changelog = settings.display(settings.changelogFile)
        var items: [CheckItem] = []
        for release in releases.values.sorted(by: { $0.version > $1.version }) {
            let version = release.version.bare
            let hint = settings.packageHint
            if FileManager.default.fileExists(atPath: settings.changelogFile) {
                func unchanged(_ source: ReleaseHistory, _ sourceSettings: Settings) throws -> Bool {
                    try UpdateChangelog.run(
                        FileEditRequest(settings: sourceSettings, range: RangeRequest(version: release.name), context: context),
                        history: source).change.summary == "no change"
                }
                do {
                    if try unchanged(history, settings) {
                        // It has the corrections.
                    } else if try unchanged(uncorrected, uncorrectedSettings) {
                        items.append(CheckItem(
                            check: "edits", status: .fail,
                            message: "\(changelog): the \(release.name) entry was written before the corrections in \(edits.file)",
                            fix: "notes changelog \(version)\(hint) --replace"))
                    } else {
                        items.append(CheckItem(
                            check: "edits", status: .skip,
                            message: "\(changelog): the \(release.name) entry is not what notes writes (edited by hand or another tool): check it has the corrections in \(edits.file) (notes edit --list)"))
                    }
                } catch let error as NotesError {
                    items.append(CheckItem(check: "edits", status: .fail,
                                           message: "the \(release.name) entry cannot be compared with its corrected notes: \(error.message)",
                                           fix: error.hint))
                }
            }
            if let note = try? history.repository.note(on: release.tag.target, ref: settings.notesRef) {
                let notes = try ReleaseNotesText.render(history, RangeRequest(version: release.name), now: context.now)
                if note != notes.text {
                    items.append(CheckItem(
                        check: "edits", status: .fail,
                        message: "the note on \(release.name) (\(settings.notesRef)) differs from its notes as corrected in \(edits.file)",
                        fix: "notes attach \(version)\(hint), then git push origin \(settings.notesRef)"))
                }
            }
        }
        if !items.contains(where: { $0.status == .fail }) {
            let count = edits.byCommit.count
            items.append(CheckItem(check: "edits", status: .pass,
                                   message: "\(edits.file): \(count) correction\(count == 1 ? "" : "s"); no published entry notes wrote lacks them"))
        }
        return items
    }

    /// Runs every check for `version` in an open workspace.
    public static func run(_ workspace: ReleaseWorkspace, version: ReleaseVersion, written: String? = nil) throws
        -> CheckReport
    {
        let tagName = workspace.history.tagName(for: version, written: written)
        var checks: [CheckItem] = []
        checks += versionFileChecks(workspace, version: version)
        if let existing = workspace.history.existingTag(named: tagName),
           let foreign = ReleasePreconditions.foreignTagItem(workspace, existing) {
            checks.append(foreign)
        } else {
            checks.append(try tagCheck(workspace, tagName: tagName))
        }
        checks += try ReleasePreconditions.items(workspace, version: version, tagName: tagName)
        checks.append(try cleanCheck(workspace, version: version))
        checks.append(changelogCheck(workspace, version: version))
        checks.append(readmeCheck(workspace, version: version))
        checks.append(shallowCheck(workspace))
        checks.append(branchCheck(workspace))
        return CheckReport(version: version.bare, tag: tagName, ok: !checks.contains { $0.status == .fail },
                           checks: checks)
    }

    static func versionFileChecks(_ workspace: ReleaseWorkspace, version: ReleaseVersion) -> [CheckItem] {
        let files: VersionFileSet
        do {
            files = try VersionFileSet.read(workspace)
        } catch let error as NotesError {
            return [CheckItem(check: "version-file", status: .fail, message: error.message,
                              fix: error.hint ?? "fix the version file")]
        } catch {
            return [CheckItem(check: "version-file", status: .fail, message: "\(error)")]
        }
        var items: [CheckItem] = []
        for item in files.found {
            let location = item.location
            let place = item.note == nil ? "\(location.path) \(VersionFiles.displayKey(location.keyPath))"
                : "\(item.specPath) (from \(location.path) \(VersionFiles.displayKey(location.keyPath)))"
            if item.holds(version) {
                items.append(CheckItem(check: "version-file", status: .pass, message: "\(place) is \(version.bare)"))
            } else {
                items.append(CheckItem(
                    check: "version-file", status: .fail,
                    message: "\(place) is \(location.value), not \(version.bare) (\(location.path):\(location.line))",
                    fix: "notes bump --to \(version.bare)\(workspace.settings.packageHint)"))
            }
        }
        for path in files.skipped {
            items.append(CheckItem(check: "version-file", status: .skip,
                                   message: "\(path): skipped, not present and not configured"))
        }
        return items
    }

    static func tagCheck(_ workspace: ReleaseWorkspace, tagName: String) throws -> CheckItem {
        if workspace.history.tagBlockedByNonCommit(named: tagName) {
            return CheckItem(check: "tag", status: .fail,
                             message: "tag \(tagName) exists but points at a tree or a blob, not a commit",
                             fix: "git tag -d \(tagName), or release another version")
        }
        guard let existing = workspace.history.existingTag(named: tagName) else {
            return CheckItem(check: "tag", status: .pass, message: "tag \(tagName) does not exist yet")
        }
        let head = try workspace.head()
        if existing.tag.target == head {
            return CheckItem(check: "tag", status: .pass, message: "tag \(tagName) exists and points at HEAD")
        }
        return CheckItem(check: "tag", status: .fail,
                         message: "tag \(tagName) exists and points at \(existing.tag.target.short), not HEAD",
                         fix: "release another version, or move the tag with notes tag \(tagName)\(workspace.settings.packageHint) --force")
    }

    static func cleanCheck(_ workspace: ReleaseWorkspace, version: ReleaseVersion) throws -> CheckItem {
        let status = try workspace.status()
        if !status.isClean, let carried = try? ReleasePreflight.carriedChanges(workspace, version: version) {
            return CheckItem(check: "clean", status: .pass,
                             message: "the uncommitted changes are the release's files (\(carried.joined(separator: ", "))), "
                                 + "holding \(version.bare): notes release commits them")
        }
        guard !status.isClean else {
            let untracked = status.untracked.count
            return CheckItem(check: "clean", status: .pass, message: "the working tree is clean"
                                 + (untracked > 0 ? " (\(untracked) untracked file\(untracked == 1 ? "" : "s") ignored)" : ""))
        }
        let paths = status.changed.prefix(5).map(\.path).joined(separator: ", ")
        let more = status.changed.count > 5 ? " and \(status.changed.count - 5) more" : ""
        return CheckItem(check: "clean", status: .fail,
                         message: "the working tree has uncommitted changes: \(paths)\(more)",
                         fix: "commit or stash them (git status shows them)")
    }

    /// Reads a release file for a check: the document, or the finished check (skipped when absent, failed
    /// when unreadable).
    enum LoadedFile {
        case found(path: String, document: MarkdownDocument)
        case finished(CheckItem)
    }

    static func document(_ check: String, at file: String, in workspace: ReleaseWorkspace) -> LoadedFile {
        let path = workspace.relative(file)
        let skipped = CheckItem(check: check, status: .skip, message: "\(path): skipped, not present")
        do {
            guard let bytes = try workspace.read(path) else { return .finished(skipped) }
            return .found(path: path, document: try MarkdownDocument(bytes: bytes))
        } catch {
            return .finished(CheckItem(check: check, status: .fail, message: "\(path) cannot be read: \(error)",
                                      fix: "make it a UTF-8 Markdown file"))
        }
    }

    static func changelogCheck(_ workspace: ReleaseWorkspace, version: ReleaseVersion) -> CheckItem {
        let (path, document): (String, MarkdownDocument)
        switch self.document("changelog", at: workspace.settings.changelogFile, in: workspace) {
        case .finished(let item): return item
        case .found(let foundPath, let foundDocument): (path, document) = (foundPath, foundDocument)
        }
        if let heading = document.allHeadings.first(where: { mentions($0.plainText, version) }) {
            return CheckItem(check: "changelog", status: .pass,
                             message: "\(path):\(heading.startLine) has a section for \(version.bare)")
        }
        return CheckItem(check: "changelog", status: .fail, message: "\(path) has no heading for \(version.bare)",
                         fix: "add the section: notes changelog \(version.bare)\(workspace.settings.packageHint)")
    }

    static func readmeCheck(_ workspace: ReleaseWorkspace, version: ReleaseVersion) -> CheckItem {
        let (path, document): (String, MarkdownDocument)
        switch self.document("readme", at: workspace.settings.readmeFile, in: workspace) {
        case .finished(let item): return item
        case .found(let foundPath, let foundDocument): (path, document) = (foundPath, foundDocument)
        }
        let title = workspace.settings.readmeHeading
        guard let section = releaseNotesSection(in: document, title: title) else {
            return CheckItem(check: "readme", status: .skip,
                             message: "\(path): skipped, it has no \"\(title)\" section")
        }
        let inside = document.allHeadings.first { heading in
            heading.level > section.heading.level && section.byteRange.contains(heading.byteRange.lowerBound)
                && mentions(heading.plainText, version)
        }
        if let inside {
            return CheckItem(check: "readme", status: .pass,
                             message: "\(path):\(inside.startLine) has \(version.bare) under \"\(section.heading.plainText)\"")
        }
        return CheckItem(check: "readme", status: .fail,
                         message: "\(path): \"\(section.heading.plainText)\" (line \(section.heading.startLine)) has no heading for \(version.bare)",
                         fix: "add it: notes readme \(version.bare)\(workspace.settings.packageHint)")
    }

    /// The README's release-notes section: the first top-level heading reading `title` (any case).
    static func releaseNotesSection(in document: MarkdownDocument, title: String = "Release Notes")
        -> MarkdownDocument.Section?
    {
        ReadmeSection.headings(in: document, title: title).first.map(document.section(startingAt:))
    }

    static func shallowCheck(_ workspace: ReleaseWorkspace) -> CheckItem {
        guard workspace.repository.isShallow else {
            return CheckItem(check: "shallow", status: .pass, message: "the clone has the full history")
        }
        return CheckItem(check: "shallow", status: .fail, message: "this is a shallow clone: the history is incomplete",
                         fix: NotesError.shallowHint)
    }

    static func branchCheck(_ workspace: ReleaseWorkspace) -> CheckItem {
        let wanted = workspace.settings.releaseBranch
        guard let branch = workspace.repository.headBranch() else {
            return CheckItem(check: "branch", status: .fail, message: "HEAD is detached, not on \(wanted)",
                             fix: "git switch \(wanted)")
        }
        guard branch == wanted else {
            return CheckItem(check: "branch", status: .fail, message: "HEAD is on \(branch), not on \(wanted)",
                             fix: "git switch \(wanted), or pass --branch \(branch) to release from \(branch)")
        }
        return CheckItem(check: "branch", status: .pass, message: "HEAD is on \(wanted)")
    }

    /// True when `text` holds `version` as a whole word: `[0.1.3] - 2025-11-25` and `v0.1.3` do,
    /// `0.1.30` and `0.1.3-rc.1` do not.
    static func mentions(_ text: String, _ version: ReleaseVersion) -> Bool {
        let needle: [UInt8] = Array(version.bare.utf8)
        let bytes: [UInt8] = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        let dot: UInt8 = 0x2E, dash: UInt8 = 0x2D, plus: UInt8 = 0x2B
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            let end = start + needle.count
            if start > 0 {
                let before: UInt8 = bytes[start - 1]
                if isDigit(before) || before == dot { continue }
            }
            if end < bytes.count {
                let after: UInt8 = bytes[end]
                if isDigit(after) || after == dash || after == plus { continue }
                if after == dot, end + 1 < bytes.count, isDigit(bytes[end + 1]) { continue }
            }
            return true
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
