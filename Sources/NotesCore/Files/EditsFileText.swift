import NotesGit

/// The text of the edits file (`.notes/edits.toml`) as `notes edit` changes it: one `[edit.<commit id>]` table
/// is replaced, added at the end or removed; every other byte (other tables, comments, the line endings)
/// stays as it was.
public enum EditsFileText {
    /// What a new file starts with.
    public static let preamble = """
        # Corrections to the release notes, kept with the code and reviewed like it. `notes edit COMMIT ...`
        # writes them; every notes command applies them. One table per commit, by its full id:
        # description, section (an id), breaking (a text), leave_out (true). See docs/edits.md.

        """

    /// `text` with the table of `id` replaced by `edit` (nil: removed). A new table goes at the end.
    public static func replacing(_ id: CommitID, with edit: CommitEdit?, in text: String) -> String {
        let ending = text.contains("\r\n") ? "\r\n" : "\n"
        // Split on the LF byte (a CRLF line keeps its CR): the same lines TOMLKeyLines numbers.
        var lines = text.isEmpty ? []
            : text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // `components` leaves "" after a final newline: the lines proper, and whether the text ended with one.
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        let headers = TOMLKeyLines(text).headers
        let target = "edit." + id.hex
        if let index = headers.firstIndex(where: { $0.path.lowercased() == target }) {
            let start = min(headers[index].line - 1, lines.count - 1)
            var end = max(start + 1, min(index + 1 < headers.count ? headers[index + 1].line - 1 : lines.count, lines.count))
            // Blank lines and comments just above the next table belong to it.
            while end > start + 1, isBlankOrComment(lines[end - 1]) { end -= 1 }
            if let edit {
                lines.replaceSubrange(start..<end, with: table(id, edit).map { $0 + (ending == "\r\n" ? "\r" : "") })
            } else {
                var removeEnd = end
                if removeEnd < lines.count, isBlank(lines[removeEnd]) { removeEnd += 1 }
                var removeStart = start
                if removeEnd == lines.count, removeStart > 0, isBlank(lines[removeStart - 1]) { removeStart -= 1 }
                lines.removeSubrange(removeStart..<removeEnd)
            }
            if lines.isEmpty { return "" }
            return lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
        }
        guard let edit else { return text }
        var result = text.isEmpty ? preamble.replacingOccurrences(of: "\n", with: ending) : text
        if !result.isEmpty, !result.hasSuffix("\n") { result += ending }
        if !result.isEmpty, !result.hasSuffix("\n\n"), !result.hasSuffix("\r\n\r\n") { result += ending }
        return result + table(id, edit).joined(separator: ending) + ending
    }

    /// The table of one correction: header, then `subject`, `section`, `description`, `breaking`, `leave_out`.
    static func table(_ id: CommitID, _ edit: CommitEdit) -> [String] {
        var lines = ["[edit.\(id.hex)]"]
        if let subject = edit.subject { lines.append("subject = \(quoted(subject))") }
        if let section = edit.section { lines.append("section = \(quoted(section))") }
        if let description = edit.description { lines.append("description = \(quoted(description))") }
        if let breaking = edit.breaking { lines.append("breaking = \(quoted(breaking))") }
        if edit.leaveOut { lines.append("leave_out = true") }
        return lines
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    private static func isBlankOrComment(_ line: String) -> Bool {
        isBlank(line) || line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#")
    }
}
