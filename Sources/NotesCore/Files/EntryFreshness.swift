import NotesGit

/// Whether an existing changelog or README entry that differs from what notes would write now is notes' own
/// older output (stale: regenerate it) or the maintainer's (curated: keep it, and say which commits it
/// leaves out).
///
/// An entry is **stale** when every line of it is a line notes writes for the release now, or wrote for an
/// earlier end of its range (before the newest commits arrived, or before a revert took a commit out);
/// dates are compared as `{date}`, since an Unreleased entry's heading carries the day it was written.
/// Otherwise it has a line notes would not write: it is **curated**, and a commit notes lists is
/// missing from it when the entry names neither its short id, nor its description, nor its pull request.
public enum EntryFreshness {
    /// A commit (or a change of a body) notes lists in the entry.
    public struct Listed: Sendable, Hashable {
        /// The short ids of its commits.
        public var shortIDs: [String]
        /// The header as written (`fix(api): handle null`), for messages.
        public var subject: String
        /// The description as the entry shows it.
        public var description: String
        /// Its issue and pull-request keys (`#12`).
        public var keys: [String]

        /// Makes one.
        public init(shortIDs: [String], subject: String, description: String, keys: [String]) {
            self.shortIDs = shortIDs
            self.subject = subject
            self.description = description
            self.keys = keys
        }
    }

    /// What an existing entry is.
    public enum Verdict: Sendable, Equatable {
        /// Notes' own output for this release or an earlier end of its range.
        case stale
        /// Edited by hand; `missing` are the listed commits it does not name.
        case curated(missing: [Listed])
    }

    /// Judges `existing` against `generated` (what notes writes now). `earlier(k)` is what notes would have
    /// written with the newest `k` commits of the range left out, nil when there is no such end; it is asked
    /// only while some line is unexplained, at most `maximumEarlierEnds` times.
    /// `rangeIDs` (the short ids of the range's commits) settle most curated entries at once: when the
    /// template writes commit ids, a bullet line that names none of them is nobody's output but the
    /// maintainer's, and no earlier end needs rendering.
    public static func judge(existing: String, generated: String, listed: [Listed], rangeIDs: [String] = [],
                             earlier: (Int) -> String?) -> Verdict {
        var unexplained = Set(lines(existing)).subtracting(lines(generated))
        let writesIDs = !rangeIDs.isEmpty && rangeIDs.contains { generated.contains($0) }
        let handWritten = writesIDs && unexplained.contains { line in
            line.hasPrefix("- ") || line.hasPrefix("* ") ? !rangeIDs.contains { line.contains($0) } : false
        }
        var ends = 1
        while !handWritten, !unexplained.isEmpty, ends <= maximumEarlierEnds, let text = earlier(ends) {
            unexplained.subtract(lines(text))
            ends += 1
        }
        if !handWritten, unexplained.isEmpty { return .stale }
        let text = existing.lowercased()
        let entryWords = Set(words(text))
        let missing = listed.filter { item in
            if item.shortIDs.contains(where: { text.contains($0.lowercased()) }) { return false }
            if item.keys.contains(where: { key in ReleaseContext.mentions(text, key.lowercased()) }) { return false }
            // Named in other words: two thirds of its words, stems compared (`Exported the module` names
            // `export the module`).
            let own = words(item.description.lowercased())
            guard !own.isEmpty else { return false }
            return own.filter(entryWords.contains).count * 3 < own.count * 2
        }
        return .curated(missing: missing)
    }

    private static let stopWords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "with", "by", "from", "is", "be", "it", "its",
        "at", "as", "when", "not", "no", "into", "that", "this",
        // Verbs every description starts with, stemmed: the object names the change.
        "add", "fix", "remov", "updat", "support", "allow", "mak", "use", "improv", "implement", "introduc",
        "chang", "bump", "set",
    ]

    /// The built-in sections a curated entry may leave out without missing a change: maintenance. Every
    /// other section (breaking changes, features, fixes, performance, reverts, other changes, and sections
    /// of notes.toml) lists changes a reader of the entry should find.
    public static let maintenanceSections: Set<String> = [
        "documentation", "refactoring", "tests", "build", "ci", "chores", "styles",
    ]

    /// The words of `text` that carry meaning, crudely stemmed: `exported` and `export`, `modules` and
    /// `module` compare equal.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !stopWords.contains($0) }.map { word in
            for suffix in ["ing", "ed", "es", "s", "e"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
                return String(word.dropLast(suffix.count))
            }
            return word
        }
    }

    /// The entries of `notes` a changelog or README entry should name, one per line notes writes: those of
    /// `sections`, or of every section but the maintenance ones; the line that folds dependency updates is
    /// left out (an entry that leaves them out is not missing a change).
    public static func listed(_ notes: ReleaseNotes, sections: Set<String>? = nil) -> [Listed] {
        let subjects = Dictionary(notes.commits.map { ($0.record.id, $0.record.subject) }, uniquingKeysWith: { first, _ in first })
        return notes.sections.filter { section in
            sections?.contains(section.kind.rawValue) ?? !maintenanceSections.contains(section.kind.rawValue)
        }.flatMap { section in
            section.entries.filter { !$0.foldsDependencyUpdates }.map { entry in
                let subject = entry.commits.first.flatMap { subjects[$0] } ?? entry.description
                return Listed(shortIDs: entry.commits.map(\.short), subject: subject, description: entry.description,
                              keys: entry.issues.map(\.key))
            }
        }
    }

    /// The notice for kept entries that miss commits: one line per entry, then the commits, indented.
    public static func missingText(_ missing: [(version: String, commits: [Listed])]) -> String {
        missing.map { version, commits in
            "your \(version) entry does not name \(commits.count) change\(commits.count == 1 ? "" : "s") notes lists "
                + "(add \(commits.count == 1 ? "it" : "them"), or --replace regenerates the entry):\n"
                + commits.map { "  \($0.shortIDs.first ?? "") \($0.subject)" }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// How many earlier ends of a range are tried: a release's newest few hundred commits.
    public static let maximumEarlierEnds = 400

    /// The entry's non-blank lines, trailing spaces dropped, dates as `{date}`.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            var value = String(line)
            while let last = value.last, last == " " || last == "\t" { value.removeLast() }
            guard !value.isEmpty else { return nil }
            if let date = HeadingPattern.firstDate(in: value) { value.replaceSubrange(date, with: "{date}") }
            return value
        }
    }
}

extension String {
    /// Collapsed inner whitespace, trimmed: how a description is looked for in an entry.
    func trimmingWhitespaceForMatch() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
