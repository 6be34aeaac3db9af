import NotesMarkdown

/// How a README's newest release entry is written, so a new entry looks like the ones the maintainer wrote:
/// a blank line after the heading or not, bullets starting with a capital letter or not, scopes shown
/// (`python: …`) or not. Detected from the newest entry; an empty section takes the defaults (blank line,
/// text as written, scopes shown).
public struct ReadmeHouseStyle: Sendable, Hashable {
    /// A blank line between the heading and the bullets.
    public var blankLineAfterHeading = true
    /// Each bullet's first letter upper-cased.
    public var capitalized = false
    /// `scope: ` before a description.
    public var showsScope = true
    /// The bullets start with a verb in the past tense (`Added …`, `Fixed …`): new bullets do too, their
    /// first verb put in the past tense from `ReadmeVoice`'s list (never a made-up word), a fix without a
    /// verb read as `Fixed …`, a feature without one as `Added …`.
    public var pastTense = false

    /// The defaults: what notes writes into an empty section.
    public init() {}

    /// The style of `entry` in `document`: what lies between its heading and its first list, and its bullets.
    init(entry range: Range<Int>, heading: MarkdownDocument.Heading, in document: MarkdownDocument) {
        // Line endings between the heading's text and the first list, each of `\n`, `\r\n` and `\r` counted
        // once: a README with CRLF or bare-CR line endings has the same style as its LF twin.
        let bytes = document.bytes
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var index = heading.byteRange.upperBound
        var lineEndings = 0
        if index > 0, bytes[index - 1] == lf || bytes[index - 1] == cr {
            lineEndings = 1
            if bytes[index - 1] == cr, index < bytes.count, bytes[index] == lf { index += 1 }
        }
        while index < range.upperBound, bytes[index] == lf || bytes[index] == cr || bytes[index] == UInt8(ascii: " ") {
            if bytes[index] == lf {
                lineEndings += 1
            } else if bytes[index] == cr {
                lineEndings += 1
                if index + 1 < range.upperBound, bytes[index + 1] == lf { index += 1 }
            }
            index += 1
        }
        blankLineAfterHeading = lineEndings >= 2
        let text = document.text(in: heading.byteRange.upperBound..<range.upperBound)
        // `Character.isNewline`: `"\r\n"` is one `Character`, which `split(separator: "\n")` never matches.
        // The markers `line` writes before a fix or a breaking change (`Fixed: `, `**Breaking:** `) are not the
        // house's words: without them, what notes wrote reads back as the style it was written in (the
        // second `notes readme` run regenerates nothing).
        // Each bullet's text, and whether it had a marker.
        let bullets = text.split(whereSeparator: \.isNewline).compactMap { line -> (text: Substring, marked: Bool)? in
            let trimmed = line.drop { $0 == " " }
            guard let marker = trimmed.first, "-*+".contains(marker), trimmed.dropFirst().first == " " else { return nil }
            let item = trimmed.dropFirst(2)
            guard let prefix = Self.markers.first(where: { item.hasPrefix($0) }) else { return (item, false) }
            return (item.dropFirst(prefix.count), true)
        }
        let items = bullets.map(\.text)
        guard !items.isEmpty else { return }
        // After a marker the text is written as it is: the capitals are the unmarked bullets' (all bullets' when
        // every one has a marker).
        let unmarked = bullets.filter { !$0.marked }.map(\.text)
        capitalized = (unmarked.isEmpty ? items : unmarked).allSatisfy { item in
            guard let first = item.first(where: { $0.isLetter }) else { return true }
            return first.isUppercase
        }
        let past = items.filter { ReadmeVoice.isPastTense(ReadmeVoice.firstWord(of: $0)) }.count
        pastTense = past > 0 && past * 2 >= items.count
        showsScope = items.contains { item in
            // A scope as Conventional Commits write them: `python`, `cmd/version`, `@acme/cli`, `api.v2`.
            let word = item.prefix { $0.isLetter || $0.isNumber || "-_/.@".contains($0) }
            return !word.isEmpty && item.dropFirst(word.count).hasPrefix(": ") && word.first?.isLowercase == true
        }
    }

    /// What `line(_:kind:)` puts before a fix or a breaking change outside the past tense.
    static let markers = ["Fixed: ", "**Breaking:** "]

    /// One bullet's text for `entry` in this style, with `prefix` (`Fixed: `, `**Breaking:** `) first.
    func line(_ entry: EntryView, prefix: String = "") -> String {
        var text = (showsScope ? entry.scope.map { "\($0): " } ?? "" : "") + entry.description
        if capitalized, let first = text.first, first.isLowercase, prefix.isEmpty {
            text = first.uppercased() + text.dropFirst()
        }
        return prefix + text
    }

    /// What a bullet is, for its wording.
    enum Kind { case breaking, feature, fix, other }

    /// One bullet for `entry` of `kind`: in the past tense when the house writes so (`Added widgets`,
    /// `Fixed a crash`, `**Breaking:** Removed the v1 API`), else as the description is written, fixes
    /// marked `Fixed: `.
    func line(_ entry: EntryView, kind: Kind) -> String {
        guard pastTense else {
            switch kind {
            case .breaking: return line(entry, prefix: Self.markers[1])
            case .fix: return line(entry, prefix: Self.markers[0])
            case .feature, .other: return line(entry)
            }
        }
        let scope = showsScope ? entry.scope.map { "\($0): " } ?? "" : ""
        var text = ReadmeVoice.pastTense(entry.description, fallback: kind == .fix ? "Fixed" : kind == .feature ? "Added" : nil)
        if !scope.isEmpty, let first = text.first, first.isUppercase, !capitalized {
            text = first.lowercased() + text.dropFirst()
        }
        text = scope + text
        if capitalized || scope.isEmpty, let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        return kind == .breaking ? "**Breaking:** " + text : text
    }
}

/// Verbs and their past tense, for README bullets in the house's tense. Only words on this list are
/// changed: a description that starts with another word keeps it. Words as often nouns as verbs at the start
/// of a description (`limit order support`, `release notes`, `build script`, `check command`) are not on it.
enum ReadmeVoice {
    /// Imperative (and third person) → past tense.
    static let past: [String: String] = {
        let pairs: [(String, String)] = [
            ("add", "added"), ("fix", "fixed"), ("remove", "removed"), ("update", "updated"), ("improve", "improved"),
            ("change", "changed"), ("support", "supported"), ("allow", "allowed"), ("make", "made"), ("use", "used"),
            ("rename", "renamed"), ("move", "moved"), ("drop", "dropped"), ("deprecate", "deprecated"),
            ("introduce", "introduced"), ("implement", "implemented"), ("enable", "enabled"), ("disable", "disabled"),
            ("replace", "replaced"), ("refactor", "refactored"), ("bump", "bumped"), ("upgrade", "upgraded"),
            ("handle", "handled"), ("prevent", "prevented"), ("avoid", "avoided"), ("ensure", "ensured"),
            ("expose", "exposed"), ("export", "exported"), ("create", "created"), ("delete", "deleted"),
            ("show", "showed"), ("hide", "hid"), ("return", "returned"), ("accept", "accepted"), ("reject", "rejected"),
            ("respect", "respected"), ("skip", "skipped"), ("keep", "kept"), ("write", "wrote"), ("split", "split"),
            ("merge", "merged"), ("correct", "corrected"), ("restore", "restored"),
            ("resolve", "resolved"), ("detect", "detected"), ("clarify", "clarified"),
            ("simplify", "simplified"), ("reduce", "reduced"), ("increase", "increased"), ("extend", "extended"),
            ("provide", "provided"), ("preserve", "preserved"), ("parse", "parsed"),
            ("speed", "sped"), ("stop", "stopped"), ("start", "started"),
            ("emit", "emitted"), ("include", "included"), ("exclude", "excluded"), ("convert", "converted"),
            ("validate", "validated"), ("optimize", "optimized"), ("optimise", "optimised"),
            ("migrate", "migrated"), ("register", "registered"), ("raise", "raised"),
            ("catch", "caught"), ("throw", "threw"), ("send", "sent"),
            ("restrict", "restricted"), ("normalize", "normalized"),
            ("normalise", "normalised"), ("treat", "treated"), ("require", "required"), ("warn", "warned"),
        ]
        var map: [String: String] = [:]
        for (verb, past) in pairs {
            map[verb] = past
            // Third person: adds, fixes, supports.
            let third = verb.hasSuffix("x") || verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch")
                ? verb + "es" : verb + "s"
            map[third] = past
        }
        return map
    }()

    static let pastForms: Set<String> = Set(past.values)

    /// The first word of a bullet's text, lower-cased, after a bold label (`**Breaking:**`) or a scope.
    static func firstWord(of item: Substring) -> String {
        var text = item.drop { $0 == " " }
        if text.hasPrefix("**"), let end = text.dropFirst(2).range(of: "**") {
            text = text[end.upperBound...].drop { $0 == " " }
        }
        let word = text.prefix { $0.isLetter || $0 == "-" }
        if text.dropFirst(word.count).hasPrefix(": ") {
            return firstWord(of: text.dropFirst(word.count + 2))
        }
        return word.lowercased()
    }

    static func isPastTense(_ word: String) -> Bool { pastForms.contains(word) }

    /// `description` with its first word in the past tense when the list has it; else `fallback` and the
    /// description (`Fixed crash on empty input`), or the description unchanged.
    static func pastTense(_ description: String, fallback: String?) -> String {
        let word = description.prefix { $0.isLetter }
        let lower = word.lowercased()
        if let past = past[lower] {
            let cased = word.first?.isUppercase == true ? past.prefix(1).uppercased() + past.dropFirst() : past
            return cased + description.dropFirst(word.count)
        }
        if pastForms.contains(lower) { return description }
        guard let fallback else { return description }
        let lowered = word.count > 1 && word == word.capitalized && !lower.isEmpty
            ? lower + description.dropFirst(word.count) : description
        return fallback + " " + lowered
    }
}
