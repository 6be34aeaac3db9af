import Foundation
import NotesGit

/// A plain-text description of a repository after a fixture's commands ran, for `expected.git`: the branch,
/// the commits on it (subjects, newest first, with the files each changed when it is not a history commit),
/// every tag with its target's subject and its message, the notes under `refs/notes/release`, and the status.
enum GitState {
    static func describe(_ path: String) throws -> String {
        let repository = try Repository.open(at: path)
        var lines: [String] = []
        lines.append("branch: \(repository.headBranch() ?? "(detached)")")
        var subjects: [CommitID: String] = [:]
        if let head = try repository.headCommit() {
            lines.append("commits:")
            try repository.walk(including: [head], excluding: []) { raw in
                let subject = String(decoding: raw.message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
                subjects[raw.id] = subject
                lines.append("  \(subject)")
                return .continue
            }
        }
        lines.append("tags:")
        for tag in try repository.verifiedTags() {
            let kind = tag.isAnnotated ? "annotated" : "lightweight"
            lines.append("  \(tag.name) (\(kind)) -> \(subjects[tag.target] ?? tag.target.short)")
            if let object = tag.object, let message = try? repository.tagDetails(object).message, !message.hasPrefix("Release \(tag.name)") {
                for line in message.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("  | \(line)") }
            }
            if let note = try repository.note(on: tag.target, ref: "refs/notes/release") {
                lines.append("  note on \(subjects[tag.target] ?? tag.target.short):")
                for line in note.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("  | \(line)") }
            }
        }
        let status = try repository.workTreeStatus()
        lines.append("status: " + (status.isClean ? "clean" : "changed " + status.changed.map(\.path).joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
