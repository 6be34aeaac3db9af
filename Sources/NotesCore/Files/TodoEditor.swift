import Foundation
import NotesMarkdown

/// Where `notes todo` puts a new release section.
public enum TodoPlacement: Sendable, Hashable {
    /// Where open work is (the default): above the sections of done work that end the file
    /// (`## Completed (2025-10-04)`, `## Done`, `## Archive`), else at the end of the file.
    case end
    /// After the section of the top-level heading with this text (case-insensitive).
    case after(String)
    /// Before the top-level heading with this text (case-insensitive).
    case before(String)
}

/// Adds a release's follow-up tasks to a task file such as `.agent/todo.md`.
///
/// The release's section is the top-level heading whose first word is `Release` and whose second word
/// is the version (`## Release v1.2.3 (2026-11-25)`). A new section goes where `TodoPlacement` says.
/// When the section exists, only tasks whose text is not in it yet are appended to its first list:
/// ticked tasks stay ticked, tasks the user added or reworded stay, nothing is ever removed, and the
/// heading is left as written. Everything else in the file is untouched.
public struct TodoEditor: Sendable {
    /// The file.
    public let document: MarkdownDocument

    /// Makes an editor for `document`.
    public init(document: MarkdownDocument) { self.document = document }

    /// The existing section heading for `version`.
    public func sectionHeading(for version: ReleaseVersion, tagPrefix: String? = nil) -> MarkdownDocument.Heading? {
        document.headings.first { heading in
            let words = heading.plainText.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard words.count >= 2, words[0].lowercased() == "release" else { return false }
            return ReleaseHeading.version(in: words[1], tagPrefix: tagPrefix)?.version == version.version
        }
    }

    /// The file's bytes with `sectionText` (a heading line, a blank line, a task list) added for `version`.
    /// `displayPath` names the file in errors.
    public func apply(version: ReleaseVersion, sectionText: String, placement: TodoPlacement, tagPrefix: String? = nil,
                      displayPath: String) throws -> (bytes: [UInt8], summary: String) {
        var plan = SplicePlan(document: document)
        if let heading = sectionHeading(for: version, tagPrefix: tagPrefix) {
            let section = document.section(startingAt: heading)
            let existing = Set(document.taskItems
                .filter { section.byteRange.contains($0.byteRange.lowerBound) }
                .map { Self.key($0.text) })
            let generated = MarkdownDocument(text: sectionText)
            let missing = generated.taskItems.filter { $0.depth == 0 && !existing.contains(Self.key($0.text)) }
            guard !missing.isEmpty else { return (document.bytes, "the \(version) section has every task") }
            let list = document.topLevelBlocks.first {
                $0.kind == .list && $0.byteRange.lowerBound >= heading.byteRange.upperBound
                    && $0.byteRange.lowerBound < section.byteRange.upperBound
            }
            let marker = list.flatMap { ReadmeEditor.bulletMarker(in: document.bytes, at: $0.byteRange.lowerBound) } ?? "-"
            var ordered = list.flatMap { Self.orderedMarker(in: document.bytes, list: $0.byteRange) }
            var lines = ""
            for task in missing {
                var line = generated.text(in: task.byteRange)
                if var next = ordered, line.hasPrefix("- ") {
                    // An ordered list goes on with its own numbering and delimiter: `3. [ ] …` after `2.`.
                    line = "\(next.number)\(next.delimiter) " + line.dropFirst(2)
                    next.number += 1
                    ordered = next
                } else if marker != "-", line.hasPrefix("- ") {
                    line = marker + line.dropFirst()
                }
                lines += line.hasSuffix("\n") ? line : line + "\n"
            }
            if let list {
                let offset = list.byteRange.upperBound
                let lead = offset > 0 && document.bytes[offset - 1] != UInt8(ascii: "\n")
                    && document.bytes[offset - 1] != UInt8(ascii: "\r") ? "\n" : ""
                plan.insert(lead + lines, at: offset)
            } else {
                let offset = heading.byteRange.upperBound
                plan.insert(plan.separator(before: offset) + lines + plan.separator(after: offset), at: offset)
            }
            let count = missing.count
            return (plan.apply(), "added \(count) task\(count == 1 ? "" : "s") to the \(version) section (line \(heading.startLine))")
        }

        switch placement {
        case .end:
            if let done = doneSections() {
                plan.insert(sectionText, beforeHeadingAt: done.byteRange.lowerBound)
                return (plan.apply(), "added the \(version) section above \"\(done.plainText)\"")
            }
            let offset = document.bytes.count
            plan.insert(plan.separator(before: offset) + sectionText, at: offset)
        case .after(let title), .before(let title):
            let wanted = title.trimmingCharacters(in: .whitespaces).lowercased()
            guard let anchor = document.headings.first(where: { $0.plainText.lowercased() == wanted }) else {
                let option = if case .after = placement { "--after" } else { "--before" }
                throw NotesError(.file, "\(displayPath) has no heading \"\(title)\" to put the section \(option == "--after" ? "after" : "before"); nothing was written",
                                 hint: "check the heading text given with \(option), or leave it out to append at the end")
            }
            if case .before = placement {
                let offset = anchor.byteRange.lowerBound
                plan.insert(sectionText, beforeHeadingAt: offset)
            } else {
                let section = document.section(startingAt: anchor)
                let offset = plan.contentEnd(in: section.byteRange) ?? anchor.byteRange.upperBound
                plan.insert(plan.separator(before: offset) + sectionText + plan.separator(after: offset), at: offset)
            }
        }
        return (plan.apply(), "added the \(version) section")
    }

    /// For an ordered list (`1.` or `1)` items) at `list`: the number after its last item at the list's own
    /// indentation, and its delimiter; nil for a bullet list.
    static func orderedMarker(in bytes: [UInt8], list: Range<Int>) -> (number: Int, delimiter: Character)? {
        var result: (number: Int, delimiter: Character)?
        var indent: Int?
        var lineStart = list.lowerBound
        while lineStart < list.upperBound {
            let lineEnd = bytes[lineStart..<list.upperBound].firstIndex(of: UInt8(ascii: "\n")) ?? list.upperBound
            var position = lineStart
            while position < lineEnd, bytes[position] == UInt8(ascii: " ") { position += 1 }
            let spaces = position - lineStart
            var digits = 0
            while position + digits < lineEnd, digits < 9, bytes[position + digits] >= 0x30, bytes[position + digits] <= 0x39 {
                digits += 1
            }
            let after = position + digits
            if digits > 0, after < lineEnd, bytes[after] == UInt8(ascii: ".") || bytes[after] == UInt8(ascii: ")"),
               indent == nil || indent == spaces,
               let number = Int(String(decoding: bytes[position..<after], as: UTF8.self)) {
                indent = spaces
                result = (number + 1, Character(Unicode.Scalar(bytes[after])))
            } else if lineStart == list.lowerBound {
                return nil  // the list's first item is a bullet
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// The first of the sections of done work that end the file: the last headings of the file's section
    /// level whose text starts with "Completed", "Done" or "Archive"; nil when the file does not end so.
    func doneSections() -> MarkdownDocument.Heading? {
        let headings = document.headings
        guard let level = headings.last?.level else { return nil }
        var first: MarkdownDocument.Heading?
        for heading in headings.reversed() {
            if heading.level < level { break }
            guard heading.level == level else { continue }
            let text = heading.plainText.lowercased()
            guard ["completed", "done", "archive"].contains(where: { text.hasPrefix($0) }) else { break }
            first = heading
        }
        return first
    }

    /// Tasks are the same when their plain text is, ignoring case and runs of spaces.
    static func key(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
    }
}
