import Foundation
import NotesGit
import TOMLKit

/// A correction of one commit's entry, kept in the repository's edits file (`.notes/edits.toml`, written by
/// `notes edit`): what the notes say instead of what the commit says.
public struct CommitEdit: Sendable, Equatable {
    /// The entry's description instead of the commit's.
    public var description: String?
    /// The id of the section it is listed in instead of its type's (`fixes`).
    public var section: String?
    /// Makes it a breaking change with this text (instead of its own footers' texts).
    public var breaking: String?
    /// Leave the commit out of the notes.
    public var leaveOut = false
    /// The commit's subject when the correction was recorded, for reviewers (not used by the notes).
    public var subject: String?
    /// Its table's line in the file.
    public var line = 0
    /// The file, as messages name it.
    public var file = ""

    /// Where it is kept: `.notes/edits.toml:7`.
    public var place: String { "\(file):\(line)" }

    /// Makes a correction.
    public init(description: String? = nil, section: String? = nil, breaking: String? = nil, leaveOut: Bool = false,
                subject: String? = nil, line: Int = 0) {
        self.description = description
        self.section = section
        self.breaking = breaking
        self.leaveOut = leaveOut
        self.subject = subject
        self.line = line
    }


    /// What it changes, for `--explain` and `notes edit --list`: `section fixes, description "…"`.
    public var summary: String {
        var parts: [String] = []
        if leaveOut { parts.append("left out") }
        if let section { parts.append("section \(section)") }
        if let description { parts.append("description \"\(Self.short(description))\"") }
        if let breaking { parts.append("breaking \"\(Self.short(breaking))\"") }
        return parts.joined(separator: ", ")
    }

    static func short(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}

/// The corrections of a repository: its edits file read and checked (`[files] edits`, default
/// `.notes/edits.toml`), one `[edit.<full commit id>]` table per commit.
///
/// Why a committed file and not a notes ref: a correction is reviewed in the pull request that makes it,
/// like the code; it reaches every clone, fork and CI checkout with the code (`actions/checkout` fetches no
/// `refs/notes/*`, and a shallow clone has the file too); and a release tag records which corrections were in
/// force when it was made. Corrections are keyed by the full commit id; a cherry-picked commit (`git
/// cherry-pick -x`, `(cherry picked from commit <id>)`) takes its original's correction.
public struct CommitEdits: Sendable {
    /// The file, relative to the repository root, as messages name it (`.notes/edits.toml`).
    public var file: String
    /// The corrections by commit.
    public private(set) var byCommit: [CommitID: CommitEdit] = [:]

    /// No corrections.
    public init(file: String = Configuration.Files().edits) { self.file = file }

    /// True when there is no correction.
    public var isEmpty: Bool { byCommit.isEmpty }

    /// The correction of `record`: its own, else (for a `cherry-pick -x` copy) its original's.
    public func edit(for record: CommitRecord) -> CommitEdit? {
        if byCommit.isEmpty { return nil }
        if let own = byCommit[record.id] { return own }
        for original in Self.cherryPickedFrom(record.message.body) {
            if let edit = byCommit[original] { return edit }
        }
        return nil
    }

    /// The ids in `(cherry picked from commit <id>)` lines.
    static func cherryPickedFrom(_ body: String?) -> [CommitID] {
        guard let body, body.contains("cherry picked from commit") else { return [] }
        var ids: [CommitID] = []
        for line in body.split(separator: "\n") {
            guard let range = line.range(of: "(cherry picked from commit ") else { continue }
            let hex = line[range.upperBound...].prefix { $0.isHexDigit }
            if hex.count == 40, let id = CommitID(hex: String(hex)) { ids.append(id) }
        }
        return ids
    }

    /// Parses and checks an edits file's text (`file` names it in errors): TOML syntax, `[edit.<40 hex>]`
    /// tables, their keys and types, and section ids among `sections`. Problems are configuration errors
    /// (exit 5) with the file and line.
    public static func parse(_ text: String, file: String, sections: [String]) throws -> CommitEdits {
        let table: TOMLTable
        do {
            table = try SafeTOML.table(text)
        } catch {
            throw NotesError(.configuration, "\(file):\(error.line):\(error.column): \(error.message)",
                             hint: "fix the TOML syntax, or run notes edit COMMIT --clear on the correction")
        }
        let lines = TOMLKeyLines(text)
        func fail(_ path: String, _ message: String, hint: String? = nil) -> NotesError {
            NotesError(.configuration, "\(file)\(lines.line(of: path).map { ":\($0)" } ?? ""): \(message)",
                       hint: hint ?? "notes edit writes this file; docs/edits.md describes it")
        }
        var edits = CommitEdits(file: file)
        for (key, value) in table {
            guard key == "edit", let commits = value.table else {
                throw fail(key, "unknown key \"\(key)\": the file holds [edit.<commit id>] tables")
            }
            for (hex, value) in commits {
                let path = "edit.\(hex)"
                guard hex.count == 40, let id = CommitID(hex: hex.lowercased()) else {
                    throw fail(path, "\"\(CommitEdit.short(hex))\" is not a full commit id (40 hexadecimal digits)")
                }
                guard let fields = value.table else { throw fail(path, "edit.\(hex) must be a table") }
                var edit = CommitEdit(line: lines.line(of: path) ?? 0)
                edit.file = file
                for (name, field) in fields {
                    let fieldPath = "\(path).\(name)"
                    switch name {
                    case "description", "section", "breaking", "subject":
                        guard let string = field.string else { throw fail(fieldPath, "\(name) must be a string") }
                        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
                        if name != "subject", trimmed.isEmpty { throw fail(fieldPath, "\(name) must not be empty") }
                        switch name {
                        case "description": edit.description = trimmed
                        case "section": edit.section = trimmed
                        case "breaking": edit.breaking = trimmed
                        default: edit.subject = string
                        }
                    case "leave_out":
                        guard field.type == .bool, let flag = field.bool else { throw fail(fieldPath, "leave_out must be true or false") }
                        edit.leaveOut = flag
                    default:
                        throw fail(fieldPath, "unknown key \"\(name)\" in a correction",
                                   hint: "the keys are: description, section, breaking, leave_out, subject")
                    }
                }
                if let section = edit.section, !sections.contains(section) {
                    throw fail("\(path).section", "no section with id \"\(section)\"",
                               hint: "the sections are: \(sections.joined(separator: ", "))")
                }
                if edits.byCommit[id] != nil { throw fail(path, "commit \(id.short) is corrected twice") }
                edits.byCommit[id] = edit
            }
        }
        return edits
    }

    /// Reads the edits file at `path` (absolute; `display` names it) through the repository's boundary (a
    /// regular file inside the work tree, `WorkTreeBoundary`), nil when there is none. Text that is not UTF-8
    /// is a configuration error.
    public static func load(_ path: String, display: String, sections: [String], boundary: WorkTreeBoundary) throws
        -> CommitEdits?
    {
        guard let bytes = try boundary.read(path, origin: .repository, display: display, failure: .configuration,
                                            hint: "it holds the notes' corrections: make it a regular file in the work tree")
        else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw NotesError(.configuration, "\(display) is not UTF-8 text", hint: "notes edit writes it as UTF-8")
        }
        return try parse(text, file: display, sections: sections)
    }
}
