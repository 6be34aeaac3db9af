import Foundation
import NotesGit

/// What `notes edit COMMIT...` is asked to record.
public struct EditRequest: Sendable {
    /// The settings (the edits file, the sections).
    public var settings: Settings
    /// The commits, as revisions (`1f0c3e5`, `HEAD~2`, a full id).
    public var commits: [String]
    /// `--description TEXT`.
    public var description: String?
    /// `--section ID`.
    public var section: String?
    /// `--breaking TEXT`.
    public var breaking: String?
    /// `--leave-out`.
    public var leaveOut = false
    /// `--clear`: remove the commits' corrections.
    public var clear = false
    /// Now and the environment (`NOTES_LOCK_WAIT`).
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, commits: [String], description: String? = nil, section: String? = nil,
                breaking: String? = nil, leaveOut: Bool = false, clear: Bool = false, context: RunContext) {
        self.settings = settings
        self.commits = commits
        self.description = description
        self.section = section
        self.breaking = breaking
        self.leaveOut = leaveOut
        self.clear = clear
        self.context = context
    }
}

/// `notes edit`: corrections of single commits' entries, kept in the edits file (`[files] edits`,
/// `.notes/edits.toml`) and applied by every command (see ``CommitEdits``).
public enum EditCorrections {
    /// Records (or with `clear` removes) the corrections; returns what to say on stderr, one line each.
    /// A correction adds to the commit's earlier one: `--description` after `--section` keeps both.
    public static func record(_ request: EditRequest) throws -> [String] {
        let settings = request.settings
        let rules = settings.grouping
        if let section = request.section, rules.section(id: section) == nil {
            let ids = rules.sections.map(\.rawValue)
            throw NotesError(.badInput, "no section with id \"\(section)\"",
                             hint: (Levenshtein.nearest(to: section, among: ids).map { "did you mean \"\($0)\"? " } ?? "")
                                 + "the sections are: \(ids.joined(separator: ", "))")
        }
        for (flag, text) in [("--description", request.description), ("--breaking", request.breaking)] {
            guard let text else { continue }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw NotesError(.badInput, "\(flag) is empty", hint: "give the text the notes should show")
            }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                throw NotesError(.badInput, "\(flag) holds a line break or a control character",
                                 hint: "give one line of text")
            }
        }
        let lock = try WriteLock.acquire(settings, command: "notes edit", environment: request.context.environment)
        defer { lock.release() }
        let history = try request.context.history(settings)
        let repository = history.repository
        let display = rules.edits.file
        let path = settings.editsFile
        // Read again under the lock: another `notes edit` may have written since the settings were loaded.
        var text = ""
        if let bytes = try settings.boundary.read(path, origin: .repository, display: display, failure: .configuration,
                                                  hint: "it holds the notes' corrections: make it a regular file in the work tree") {
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw NotesError(.configuration, "\(display) is not UTF-8 text", hint: "notes edit writes it as UTF-8")
            }
            text = decoded
        }
        let current = text.isEmpty ? CommitEdits(file: display)
            : try CommitEdits.parse(text, file: display, sections: rules.sections.map(\.rawValue))
        var said: [String] = []
        var ids: [CommitID] = []
        for revision in request.commits {
            let id = try RepositoryAccess.resolve(revision, option: "COMMIT", in: repository)
            if ids.contains(id) { continue }
            ids.append(id)
            let commit = try gitCall { try repository.commit(id) }
            let subject = String(decoding: commit.message.prefix { $0 != 0x0A }, as: UTF8.self)
            if commit.parents.count > 1 {
                throw NotesError(.badInput, "\(id.short) (\"\(subject)\") is a merge commit: the notes list the commits it brings in, not the merge",
                                 hint: "correct those commits: git log --oneline \(id.short)^1..\(id.short)")
            }
            let existing = current.byCommit[id]
            if request.clear {
                guard existing != nil else {
                    throw NotesError(.nothingToDo, "\(display) has no correction of \(id.short) (\"\(subject)\")",
                                     hint: "notes edit --list shows the corrections")
                }
                text = EditsFileText.replacing(id, with: nil, in: text)
                said.append("\(display): the correction of \(id.short) (\"\(subject)\") is cleared")
            } else {
                var edit = existing ?? CommitEdit()
                edit.subject = subject
                if let description = request.description { edit.description = description.trimmingCharacters(in: .whitespaces) }
                if let section = request.section { edit.section = section }
                if let breaking = request.breaking { edit.breaking = breaking.trimmingCharacters(in: .whitespaces) }
                if request.leaveOut { edit.leaveOut = true }
                text = EditsFileText.replacing(id, with: edit, in: text)
                said.append("\(display): \(id.short) (\"\(subject)\"): \(edit.summary)")
            }
            if let release = release(containing: id, in: history) {
                let version = release.version.bare
                said.append("\(id.short) is in \(release.name), released: notes changelog \(version)\(settings.packageHint) --replace "
                    + "regenerates its entry, notes attach \(version)\(settings.packageHint) its note")
            }
        }
        // The result must load: a correction the file cannot hold is an error before anything is written.
        _ = try CommitEdits.parse(text, file: display, sections: rules.sections.map(\.rawValue))
        let scope = PathScope(settings.boundary, .repository)
        // Checked before a folder is made for it: the file must land inside the work tree, outside .git.
        _ = try settings.boundary.writeTarget(path, origin: .repository, display: display)
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw NotesError(.file, "cannot create the folder of \(display): \(error.localizedDescription)",
                                 hint: "check the permissions of the work tree")
            }
        }
        try AtomicFile.write(Array(text.utf8), to: path, scope: scope, display: display)
        said.append("commit \(display) to keep the correction (it is reviewed like code); notes draft --explain shows it")
        return said
    }

    /// `notes edit --list`: one line per correction, in file order: the commit, what changes, where it is
    /// kept, and the release it is in (or that its commit is not in this repository: rebased away, or not
    /// fetched).
    public static func list(settings: Settings, context: RunContext) throws -> String {
        let edits = settings.grouping.edits
        guard !edits.isEmpty else { return "no corrections in \(edits.file)\n" }
        let history = try context.history(settings)
        var lines: [String] = []
        for (id, edit) in edits.byCommit.sorted(by: { $0.value.line < $1.value.line }) {
            let subject: String
            let release: String
            if let commit = try? history.repository.commit(id) {
                subject = String(decoding: commit.message.prefix { $0 != 0x0A }, as: UTF8.self)
                release = Self.release(containing: id, in: history).map { "in \($0.name)" } ?? "unreleased"
            } else {
                subject = edit.subject.map { "\($0) (not in this repository: rebased away, or not fetched)" }
                    ?? "(not in this repository: rebased away, or not fetched)"
                release = "not found"
            }
            lines.append("\(id.short) \(subject) → \(edit.summary) (\(edit.place); \(release))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The oldest release tag of the history's family whose commit has `id` in its history (a binary search
    /// over versions: a commit in v1.2.0 is in every later release of a line of releases); nil when none.
    static func release(containing id: CommitID, in history: ReleaseHistory) -> VersionTag? {
        let tags = Array(history.tags.reversed())
        var low = 0
        var high = tags.count
        while low < high {
            let middle = (low + high) / 2
            if (try? history.repository.isAncestor(id, of: tags[middle].tag.target)) == true {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low < tags.count ? tags[low] : nil
    }
}
