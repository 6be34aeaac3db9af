import Foundation
import NotesMarkdown

/// Finds the "Release Notes" section of a README and puts a release's entry at its top.
///
/// The section is the top-level heading whose plain text equals the configured title (any level,
/// case-insensitive) and everything up to the next heading of the same or a higher level. Its entries are
/// the headings one level below it whose first word is a version. An entry owns its heading and the
/// bullet lists right after it (or, when no list follows, the one paragraph after it); anything else in
/// the section (an intro paragraph, a `---` rule, a closing paragraph, other subsections) is the user's
/// and stays where it is.
public struct ReadmeEditor: Sendable {
    /// An entry found in the section.
    public struct Entry: Sendable {
        /// Its heading.
        public var heading: MarkdownDocument.Heading
        /// Its version.
        public var version: ReleaseVersion
        /// Heading plus its lists (or one paragraph).
        public var ownedRange: Range<Int>
    }

    /// The file.
    public let document: MarkdownDocument
    /// The section's heading, nil when the file has none (and `--create` is to add one).
    public let sectionHeading: MarkdownDocument.Heading?
    /// The section's byte range.
    public let sectionRange: Range<Int>?
    /// Version entries of the section, in document order (newest first, as the tool writes them).
    public let entries: [Entry]
    /// Heading level of entries.
    public let level: Int
    /// Heading pattern of new entries, copied from the newest entry (default `{version} — {date}`).
    public let pattern: HeadingPattern
    /// Bullet marker of new entries (`-`, `*` or `+`), copied from the newest entry's list.
    public let bullet: String
    /// Blank line, capitals and scopes of new entries, copied from the newest entry.
    public let style: ReadmeHouseStyle
    /// The section title looked for.
    public let title: String
    /// The most bullets any of the newest three entries (other than the one being written) has: how long the
    /// house's entries are. Nil with fewer than two such entries.
    public let houseBulletCount: Int?

    /// The default heading pattern of README entries: `0.1.2 — 2025-10-04`.
    public static let defaultPattern = HeadingPattern("{version} — {date}")

    /// Finds the section titled `title`. Two such sections are an error naming both lines; none is an
    /// error unless `create` is true. `displayPath` names the file in errors.
    /// The house style (heading pattern, bullet, blank line, capitals, scopes, tense, bullet count) comes from
    /// the newest entries other than `version`'s own, so regenerating an entry does not copy itself.
    public init(document: MarkdownDocument, title: String, create: Bool, displayPath: String, tagPrefix: String? = nil,
                version: ReleaseVersion? = nil)
        throws
    {
        self.document = document
        self.title = title
        let matches = ReadmeSection.headings(in: document, title: title)
        if matches.count > 1 {
            let lines = matches.map { "line \($0.startLine)" }.joined(separator: " and ")
            throw NotesError(.file, "\(displayPath) has \(matches.count) \"\(title)\" sections (\(lines)); nothing was written",
                             hint: "rename or remove all but one of them, then run the command again")
        }
        guard let heading = matches.first else {
            guard create else {
                throw NotesError(.file, "\(displayPath) has no \"\(title)\" section; nothing was written",
                                 hint: "add a heading \"## \(title)\" where the notes should go, or pass --create to add the section at the end of the file")
            }
            sectionHeading = nil
            sectionRange = nil
            entries = []
            level = 3
            pattern = Self.defaultPattern
            bullet = "-"
            style = ReadmeHouseStyle()
            houseBulletCount = nil
            return
        }
        sectionHeading = heading
        let section = document.section(startingAt: heading)
        sectionRange = section.byteRange
        level = min(heading.level + 1, 6)
        let blocks = document.topLevelBlocks.filter {
            $0.byteRange.lowerBound >= section.bodyRange.lowerBound && $0.byteRange.lowerBound < section.byteRange.upperBound
        }
        var entries: [Entry] = []
        for (index, block) in blocks.enumerated() where block.kind == .heading {
            guard let entryHeading = document.headings.first(where: { $0.byteRange.lowerBound == block.byteRange.lowerBound }),
                  entryHeading.level == level,
                  let version = ReleaseHeading.version(in: entryHeading.plainText, tagPrefix: tagPrefix)
            else { continue }
            var end = entryHeading.byteRange.upperBound
            var next = index + 1
            if next < blocks.count, blocks[next].kind == .paragraph {
                end = blocks[next].byteRange.upperBound
            } else {
                while next < blocks.count, blocks[next].kind == .list {
                    end = blocks[next].byteRange.upperBound
                    next += 1
                }
            }
            let start = SplicePlan.afterIndentation(entryHeading.byteRange.lowerBound, in: document.bytes)
            entries.append(Entry(heading: entryHeading, version: version, ownedRange: start..<end))
        }
        self.entries = entries
        let others = entries.filter { $0.version.version != version?.version }
        let reference = others.isEmpty ? entries : others
        // A section with one entry (the first release's "- First release") says little about length.
        houseBulletCount = others.count < 2 ? nil : others.prefix(3).map { entry in
            // Top-level list items: a marker at most one space in, then a space.
            document.text(in: entry.ownedRange).split(whereSeparator: \.isNewline).filter { line in
                let trimmed = line.drop { $0 == " " }
                return line.count - trimmed.count <= 1 && trimmed.count > 1
                    && "-*+".contains(trimmed.first!) && trimmed.dropFirst().first == " "
            }.count
        }.max()
        if let newest = reference.first {
            pattern = HeadingPattern.detect(from: newest.heading, version: newest.version) ?? Self.defaultPattern
            let list = blocks.first { $0.kind == .list && $0.byteRange.lowerBound >= newest.ownedRange.lowerBound
                && $0.byteRange.upperBound <= newest.ownedRange.upperBound }
            bullet = list.flatMap { Self.bulletMarker(in: document.bytes, at: $0.byteRange.lowerBound) } ?? "-"
            style = ReadmeHouseStyle(entry: newest.ownedRange, heading: newest.heading, in: document)
        } else {
            pattern = Self.defaultPattern
            bullet = "-"
            style = ReadmeHouseStyle()
        }
    }

    /// `entries` (in document order) split where anything but blank lines stands between two of them.
    static func runs(of entries: [Entry], in bytes: [UInt8]) -> [[Entry]] {
        var runs: [[Entry]] = []
        for entry in entries {
            if let previous = runs.last?.last,
               bytes[previous.ownedRange.upperBound..<entry.ownedRange.lowerBound].allSatisfy({
                   $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
               }) {
                runs[runs.count - 1].append(entry)
            } else {
                runs.append([entry])
            }
        }
        return runs
    }

    /// The marker of the list item starting on the line at `offset`, when it is a bullet.
    static func bulletMarker(in bytes: [UInt8], at offset: Int) -> String? {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "-"): return "-"
        case UInt8(ascii: "*"): return "*"
        case UInt8(ascii: "+"): return "+"
        default: return nil
        }
    }

    /// The start of the line that holds `offset`.
    static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        return start
    }

    /// True when `block`'s first line starts with a space or a tab.
    static func startsIndented(_ block: MarkdownDocument.Block, in bytes: [UInt8]) -> Bool {
        let start = lineStart(of: block.byteRange.lowerBound, in: bytes)
        return start < bytes.count && (bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t"))
    }

    /// `###` for entries.
    public var headingMarks: String { String(repeating: "#", count: level) }

    /// The file's bytes with `entryText` (heading first) as the entry for `version`: replacing the
    /// existing entry in place, else inserted above the newest entry (or, in a section without entries,
    /// after the paragraphs and lists that open it). With `keep`, the oldest entries beyond that many are removed.
    /// Without `replace`, an existing entry that differs from `entryText` is kept as it is (it was edited by
    /// hand) and the summary starts with "kept".
    public func apply(version: ReleaseVersion, entryText: String, keep: Int?, replace: Bool = true)
        -> (bytes: [UInt8], summary: String)
    {
        let result = applying(version: version, entryText: entryText, keep: keep, replace: replace)
        return (result.bytes, result.summary)
    }

    /// `apply`, where `judge` tells a stale entry (regenerated without `replace`) from a curated one (kept),
    /// and the commits a kept entry does not name.
    public func applying(version: ReleaseVersion, entryText: String, keep: Int?, replace: Bool = true,
                         judge: ((String) -> EntryFreshness.Verdict)? = nil)
        -> (bytes: [UInt8], summary: String, missing: [EntryFreshness.Listed])
    {
        var missing: [EntryFreshness.Listed] = []
        var plan = SplicePlan(document: document)
        guard let heading = sectionHeading, let sectionRange else {
            let offset = document.bytes.count
            let text = plan.separator(before: offset) + "## \(title)\n\n" + entryText
            plan.insert(text, at: offset)
            return (plan.apply(), "added the \"\(title)\" section with the \(version) entry", [])
        }
        var summary: String
        var remaining = entries
        var insertedAt: Int?
        if let index = entries.firstIndex(where: { $0.version.version == version.version }) {
            let existing = entries[index]
            let current = document.text(in: existing.ownedRange)
            let generated = String(decoding: MarkdownSplice.bytes(of: entryText, lineEnding: document.lineEnding),
                                   as: UTF8.self)
            let differs = current != generated
                && current.trimmingCharacters(in: .newlines) != generated.trimmingCharacters(in: .newlines)
            let verdict = !replace && differs ? judge?(current) ?? .curated(missing: []) : nil
            if case .curated(let absent)? = verdict {
                summary = "kept your \(version.bare) entry (line \(existing.heading.startLine)), which differs from what "
                    + "notes would write; --replace regenerates it"
                missing = absent
            } else {
                if keep.map({ index < max($0, 1) }) ?? true {
                    plan.replace(existing.ownedRange, with: entryText)
                }
                summary = verdict == .stale
                    ? "regenerated the \(version) entry (line \(existing.heading.startLine)): notes wrote it before the newest commits"
                    : "replaced the \(version) entry (line \(existing.heading.startLine))"
            }
        } else {
            let offset: Int
            if let first = entries.first {
                offset = first.heading.byteRange.lowerBound
            } else {
                let body = document.topLevelBlocks.filter {
                    $0.byteRange.lowerBound >= heading.byteRange.upperBound && $0.byteRange.lowerBound < sectionRange.upperBound
                }
                // The opening paragraphs and lists: an entry put before a list would take it into its own
                // list on the next parse (`- new` then the user's `-` make one list), and the next run would
                // replace the user's items with the entry. So would an indented block (`    code`, a
                // `  <div>`): after the entry's last bullet it reads as that bullet's continuation.
                let intro = body.prefix {
                    $0.kind == .paragraph || $0.kind == .list || ($0.kind != .heading && Self.startsIndented($0, in: document.bytes))
                }
                offset = intro.last?.byteRange.upperBound ?? heading.byteRange.upperBound
            }
            insertedAt = offset
            remaining.insert(Entry(heading: heading, version: version, ownedRange: offset..<offset), at: 0)
            summary = "added the \(version) entry"
        }
        let isInsertBeforeEntry = insertedAt != nil && !entries.isEmpty
        if let keep, remaining.count > max(keep, 1) {
            let kept = max(keep, 1)
            let dropped = remaining.count - kept
            summary += ", removed \(dropped) older entr\(dropped == 1 ? "y" : "ies") (keep = \(kept))"
            // Only entries go: each run of dropped entries with nothing but blank lines between them is removed
            // from the end of the block before it, and every other block (an "Upgrading from 0.1" paragraph, a
            // comment, a rule) stays where it is.
            let runs = Self.runs(of: Array(remaining[kept...]), in: document.bytes)
            for (index, run) in runs.enumerated() {
                guard let first = run.first, let last = run.last else { continue }
                if index == 0, kept == 1, insertedAt != nil, first.ownedRange == entries[0].ownedRange {
                    // Only the new entry stays: it takes the place of the old ones that stood together.
                    plan.replace(first.ownedRange.lowerBound..<last.ownedRange.upperBound, with: entryText)
                    if runs.count == 1 { return (plan.apply(), summary, missing) }
                    insertedAt = nil
                    continue
                }
                let start = document.topLevelBlocks.last { $0.byteRange.upperBound <= first.heading.byteRange.lowerBound }?
                    .byteRange.upperBound ?? first.ownedRange.lowerBound
                plan.replace(start..<last.ownedRange.upperBound, with: "")
            }
        }
        if let offset = insertedAt {
            // The heading that ends the section, when it is indented (`   ## License`), would read as part of
            // the entry's last bullet: the entry goes in front of it, after its indentation.
            let next = document.topLevelBlocks.first { $0.byteRange.lowerBound >= offset }
            if isInsertBeforeEntry {
                plan.insert(entryText, beforeHeadingAt: offset)
            } else if let next, next.kind == .heading, Self.startsIndented(next, in: document.bytes) {
                plan.insert(entryText, beforeHeadingAt: Self.lineStart(of: next.byteRange.lowerBound, in: document.bytes))
            } else {
                plan.insert(plan.separator(before: offset) + entryText + plan.separator(after: offset), at: offset)
            }
        }
        return (plan.apply(), summary, missing)
    }
}
