// libFuzzer harnesses for notes' parsers and editors. Built and run by `scripts/fuzz TARGET`; the target is
// chosen by NOTES_FUZZ_TARGET (toml, commits, markdown, template, version). A harness traps (preconditionFailure)
// when a property fails, so libFuzzer saves the input as a crash like any other.
import Foundation
import NotesCore
import NotesGit
import NotesMarkdown

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point as `<module>_main`; libFuzzer's driver runs from there.
@_cdecl("notes_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    let target = ProcessInfo.processInfo.environment["NOTES_FUZZ_TARGET"] ?? ""
    let harness: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    switch target {
    case "toml": harness = { data, size in Harnesses.toml(Harnesses.bytes(data, size)); return 0 }
    case "commits": harness = { data, size in Harnesses.commits(Harnesses.bytes(data, size)); return 0 }
    case "markdown": harness = { data, size in Harnesses.markdown(Harnesses.bytes(data, size)); return 0 }
    case "template": harness = { data, size in Harnesses.template(Harnesses.bytes(data, size)); return 0 }
    case "version": harness = { data, size in Harnesses.version(Harnesses.bytes(data, size)); return 0 }
    default:
        FileHandle.standardError.write(Data("set NOTES_FUZZ_TARGET to toml, commits, markdown, template or version\n".utf8))
        return 64
    }
    return LLVMFuzzerRunDriver(&argc, &argv, harness)
}

enum Harnesses {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    /// Reports a failed property and aborts, so libFuzzer keeps the input (release builds drop the text of
    /// `preconditionFailure`, so it is printed first).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("notes-fuzz: property failed: \(message)\n".utf8))
        abort()
    }

    // MARK: - TOML: the configuration loader, the version-file readers and the splicer

    static func toml(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? ConfigurationLoader.parse(text, file: "notes.toml", root: nil)
        edits(text)
        _ = try? VersionFiles.pyprojectVersion(bytes, path: "pyproject.toml")
        _ = VersionFiles.lockUpdate(bytes, packageName: "a", source: .cargoPath, to: "2.0.0")
        _ = VersionFiles.lockUpdate(bytes, packageName: "a", source: .uvProject(folder: "."), to: "2.0.0")
        _ = try? VersionFiles.cargoWorkspaceVersion(memberPath: "m/Cargo.toml", memberBytes: bytes) { _ in bytes }
        for read in [
            { try VersionFiles.cargoManifestVersion(bytes, path: "Cargo.toml") },
            { try VersionFiles.tomlValue(bytes, keyPath: ["tool", "x", "version"], path: "x.toml") },
            { try VersionFiles.markerVersion(bytes, path: "x.py") },
        ] as [() throws -> VersionLocation] {
            guard let location = try? read(), !location.isWorkspaceInherited else { continue }
            // The splicer: the new version lands where the old one was, and reading again finds it there.
            let edited = VersionFiles.replacing(location, in: bytes, with: "9.8.7")
            check(edited[..<location.contentRange.lowerBound].elementsEqual(bytes[..<location.contentRange.lowerBound]),
                  "bytes before the version changed")
            check(edited.suffix(bytes.count - location.contentRange.upperBound)
                    .elementsEqual(bytes[location.contentRange.upperBound...]), "bytes after the version changed")
            if !location.keyPath.isEmpty {
                let again = try? VersionFiles.tomlValue(edited, keyPath: location.keyPath, path: location.path)
                check(again?.value == "9.8.7", "the spliced file does not read back as 9.8.7")
            }
        }
    }

    /// The edits file (`notes edit`): any text parses or is refused; a correction spliced into a file that
    /// parses, when the result parses, reads back, and removing it again leaves no correction for the commit.
    static func edits(_ text: String) {
        let sections = ["fixes", "features"]
        guard let edits = try? CommitEdits.parse(text, file: "edits.toml", sections: sections) else { return }
        let id = edits.byCommit.keys.first ?? CommitID(hex: String(repeating: "a", count: 40))!
        let replaced = EditsFileText.replacing(id, with: CommitEdit(description: "x \"y\"\n", section: "fixes", leaveOut: true),
                                               in: text)
        guard let again = try? CommitEdits.parse(replaced, file: "edits.toml", sections: sections) else { return }
        let edit = again.byCommit[id]
        check(edit?.leaveOut == true && edit?.section == "fixes" && edit?.description == "x \"y\"",
              "a spliced correction does not read back")
        for (other, value) in edits.byCommit where other != id {
            check(again.byCommit[other].map { ($0.description, $0.section, $0.breaking, $0.leaveOut) }
                      .map { $0 == (value.description, value.section, value.breaking, value.leaveOut) } ?? false,
                  "splicing one correction changed another")
        }
        let removed = EditsFileText.replacing(id, with: nil, in: replaced)
        if let left = try? CommitEdits.parse(removed, file: "edits.toml", sections: sections) {
            check(left.byCommit[id] == nil, "a removed correction is still there")
        }
    }

    // MARK: - Commits: the message parser and the issue extractor

    static func commits(_ bytes: [UInt8]) {
        let message = String(decoding: bytes, as: UTF8.self)
        let parsed = CommitMessageParser.parse(message)
        _ = IssueReferenceExtractor.references(in: parsed)
        _ = MessageDecoder.decode(bytes, encoding: nil)
        _ = MessageDecoder.decode(bytes, encoding: "ISO-8859-1")
        pattern(message)
        untrustedLine(String(message.prefix { $0 != "\n" }))
    }

    // MARK: - Text from commits: one line, made safe for any place a template puts it

    /// Whatever a subject holds, the view model's line has no control character, and CommonMark reads it,
    /// alone, after a line of text and as a list item, as one paragraph (or item) with no raw HTML.
    static func untrustedLine(_ subject: String) {
        guard subject.utf8.count <= 2048 else { return }
        let line = UntrustedText.markdownLine(subject, quoteMentions: true)
        check(!line.unicodeScalars.contains { UntrustedText.isControlScalar($0) }, "a control character passed: \(line.debugDescription)")
        guard !line.isEmpty else { return }
        for document in [line, "Title\n" + line, "- " + line] {
            check(MarkdownInline.isPlainParagraph(Array(document.utf8)),
                  "\(subject.debugDescription) became \(line.debugDescription), which is not one paragraph without HTML in \(document.debugDescription)")
        }
    }

    // MARK: - Patterns: the linear-time matcher never exceeds its work bound and agrees with ICU

    /// The input's first line is a pattern, the rest a subject. Whatever they are, the match costs at most
    /// the documented bound of steps. On small ASCII inputs (where ICU's backtracking stays cheap and its
    /// full case folding cannot differ), whether it matches and where agree with NSRegularExpression.
    static func pattern(_ message: String) {
        let parts = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let pattern = String(parts[0]), subject = parts.count > 1 ? String(parts[1]) : ""
        guard pattern.unicodeScalars.count <= 256, let regex = try? LinearRegex(pattern) else { return }
        let (matched, steps, bound) = regex.matchWithWork(subject)
        check(steps <= bound, "pattern \(pattern.debugDescription): \(steps) steps, above the bound \(bound)")
        let found = regex.firstMatch(in: subject)
        check((found != nil) == matched && regex.matches(subject) == matched, "pattern \(pattern.debugDescription): the three entry points disagree")
        guard pattern.unicodeScalars.count <= 12, subject.unicodeScalars.count <= 16,
              pattern.unicodeScalars.allSatisfy({ $0.isASCII }), subject.unicodeScalars.allSatisfy({ $0.isASCII }),
              let icu = try? NSRegularExpression(pattern: pattern) else { return }
        let expected = icu.firstMatch(in: subject, range: NSRange(location: 0, length: (subject as NSString).length))
        check((expected != nil) == matched,
              "pattern \(pattern.debugDescription) on \(subject.debugDescription): ICU \(expected != nil), linear \(matched)")
        if let expected, let found {
            // ASCII: one scalar is one UTF-16 unit.
            check(expected.range.location == found.range.lowerBound && expected.range.length == found.range.count,
                  "pattern \(pattern.debugDescription) on \(subject.debugDescription): ICU matched \(expected.range), linear \(found.range)")
        }
    }

    // MARK: - Markdown editors: no crash, the output parses, a second run is a no-op, one splice only

    static let version = ReleaseVersion("99.0.0")!

    /// True when every byte of `original` outside `allowed` is in `result` unchanged: the same bytes before
    /// `allowed.lowerBound` at the start, and the same bytes after `allowed.upperBound` at the end.
    static func changedOnlyWithin(_ original: [UInt8], _ result: [UInt8], _ allowed: ClosedRange<Int>) -> Bool {
        let low = allowed.lowerBound, high = min(allowed.upperBound, original.count)
        let tail = original.count - high
        guard result.count >= low + tail else { return false }
        return result[..<low].elementsEqual(original[..<low]) && result.suffix(tail).elementsEqual(original[high...])
    }

    static func markdown(_ bytes: [UInt8]) {
        guard let document = try? MarkdownDocument(bytes: bytes) else { return }
        // Files whose unclosed fence or `<!--` hides headings are refused before any editor sees them
        // (EditableFile.open, exit 8), so the editors' properties are checked on the files they get.
        guard (try? EditableFile.refuseUnclosedBlock(document, displayPath: "fuzz")) != nil else { return }
        changelog(document)
        readme(document)
        todo(document)
    }

    static func changelog(_ document: MarkdownDocument) {
        let editor = ChangelogEditor(document: document)
        let text = "\(editor.headingMarks) "
            + editor.pattern.render(version: "99.0.0", tag: "v99.0.0", date: "2026-11-25", url: "https://e.x/c")
            + "\n\n\(editor.subheadingMarks) Features\n\n- new\n"
        let entry = ChangelogEntryText(version: version, text: text)
        let existing = editor.entry(for: version)
        let (first, _) = editor.apply([entry])
        guard let reparsed = try? MarkdownDocument(bytes: first) else { fail("changelog output does not parse") }
        let again = ChangelogEditor(document: reparsed)
        // Known and open (issue 12, left for after the refactor): an entry inserted after an unclosed code
        // fence or `<!--` is hidden inside it, so every run adds another. Not reported here.
        guard again.entry(for: version) != nil else { return }
        let second = again.apply([entry]).bytes
        check(second == first, "changelog: a second run changed the file")
        if let existing {
            check(changedOnlyWithin(document.bytes, first,
                                    existing.ownedRange.lowerBound...existing.ownedRange.upperBound),
                  "changelog: bytes outside the replaced entry changed")
        } else {
            check(changedOnlyWithin(document.bytes, first, 0...document.bytes.count) && first.count > document.bytes.count,
                  "changelog: nothing was inserted")
        }
    }

    static func readme(_ document: MarkdownDocument) {
        guard let editor = try? ReadmeEditor(document: document, title: "Release Notes", create: true,
                                             displayPath: "README.md") else { return }
        // As `notes readme` writes it: the section's own heading level, heading pattern and bullet.
        let text = "\(editor.headingMarks) "
            + editor.pattern.render(version: "99.0.0", tag: "v99.0.0", date: "2026-11-25", url: "https://e.x/c")
            + "\n\n\(editor.bullet) new\n"
        let (first, _) = editor.apply(version: version, entryText: text, keep: nil)
        guard let reparsed = try? MarkdownDocument(bytes: first) else { fail("readme output does not parse") }
        guard let again = try? ReadmeEditor(document: reparsed, title: "Release Notes", create: true,
                                            displayPath: "README.md") else {
            fail("readme: the written section is not found again")
        }
        // Known and open (issue 12): an entry or section hidden in an unclosed fence or `<!--`.
        guard again.sectionHeading != nil, again.entries.contains(where: { $0.version.version == version.version })
        else { return }
        check(again.apply(version: version, entryText: text, keep: nil).bytes == first, "readme: a second run changed the file")
        if let range = editor.sectionRange {
            // The indentation of the heading that ends the section may go with the new entry's heading (an
            // indented heading after the entry's bullet would read as part of it): every byte stays in order.
            let end = SplicePlan.afterIndentation(range.upperBound, in: document.bytes)
            check(changedOnlyWithin(document.bytes, first, range.lowerBound...end),
                  "readme: bytes outside the section changed")
        }
    }

    static func todo(_ document: MarkdownDocument) {
        let editor = TodoEditor(document: document)
        let text = "## Release 99.0.0 (2026-11-25)\n\n- [ ] announce the release\n- [ ] close #1\n"
        guard let (first, _) = try? editor.apply(version: version, sectionText: text, placement: .end,
                                                 displayPath: ".agent/todo.md") else { return }
        guard let reparsed = try? MarkdownDocument(bytes: first) else { fail("todo output does not parse") }
        // Known and open (issue 12): a section added after an unclosed fence or `<!--` is hidden in it.
        guard TodoEditor(document: reparsed).sectionHeading(for: version) != nil else { return }
        let second = try? TodoEditor(document: reparsed).apply(version: version, sectionText: text, placement: .end,
                                                               displayPath: ".agent/todo.md").bytes
        check(second == first, "todo: a second run changed the file")
    }

    // MARK: - Templates: hostile template text, checked, compiled and rendered against the example context

    static func template(_ bytes: [UInt8]) {
        let source = TemplateSource(displayName: "fuzz.md", text: String(decoding: bytes, as: UTF8.self))
        guard let renderer = try? TemplateRenderer(source) else { return }
        guard (try? TemplateNameCheck.check(source, example: ReleaseContext.example)) != nil else { return }
        _ = try? renderer.render(ReleaseContext.example)
        // Escaping, whatever the template: a context made of hostile commits brings no control character of
        // its own into the output (the template's own characters are its author's).
        guard let output = try? renderer.render(hostileContext) else { return }
        if !source.text.unicodeScalars.contains(where: UntrustedText.isControlScalar) {
            check(!output.unicodeScalars.contains(where: UntrustedText.isControlScalar),
                  "a control character from a commit reached the output: \(output.debugDescription.prefix(400))")
        }
    }

    /// Commits whose subjects, scopes, bodies and authors carry ESC sequences, raw HTML, headings, link
    /// definitions and mentions.
    static let hostileContext: ReleaseContext = {
        let messages = [
            "feat(@octocat): \u{1B}[2J<img src=x onerror=alert(1)>\n\nBREAKING CHANGE: \u{1B}]0;t\u{07}## gone",
            "fix: ## heading \r[x]: <https://evil.example>\n\nCloses #1\nCo-authored-by: @hubot\u{9B}31m <h@example.com>",
            "Revert \"feat: \u{202E}exe.txt\"\n\nThis reverts commit 1111111111111111111111111111111111111111.",
            "1. \u{7F}list",
        ]
        let commits = messages.enumerated().map { index, message in
            CommitRecord(RawCommit(
                id: CommitID(hex: String(repeating: String(index + 3), count: 40))!, parents: [],
                author: Signature(name: "\u{1B}[31m@mallory <b>\(index)", email: "m\u{1B}@example.com",
                                  time: 1_764_000_000 + Int64(index), offsetMinutes: 0),
                committer: Signature(name: "c", email: "c@example.com", time: 1_764_000_000, offsetMinutes: 0),
                message: Array(message.utf8), encoding: nil))
        }
        let info = ReleaseInfo(title: "v1.1.0", version: ReleaseVersion("v1.1.0"), tagName: "v1.1.0", tagExists: false,
                               previousTag: "v1.0.0", previousTagDate: 1_760_000_000, date: 1_764_028_800,
                               from: nil, to: CommitID(hex: String(repeating: "2", count: 40))!, rangeLabel: "v1.0.0..HEAD",
                               comparison: nil)
        let notes = ReleaseBuilder.build(info: info, commits: commits)
        return ReleaseContext(notes: notes, links: nil, quoteMentions: true)
    }()

    // MARK: - Versions: tag names, CHANGELOG headings and version-file values, parsed, ordered and bumped

    static func version(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        // Tag names: the family split, both prefixes, and the order of what parses.
        let split = TagFamily.split(text)
        let plain = ReleaseVersion(text)
        if let split { check(split.version.bare.utf8.count <= text.utf8.count, "the version is longer than the tag") }
        if let plain {
            check(ReleaseVersion(plain.description) == plain, "\(plain) does not read back as itself")
            for level in [BumpLevel.major, .minor, .patch] {
                let bumped = NextVersion.bumped(plain.version, level)
                check(plain.version < bumped, "\(plain) bumped by \(level) is not above it")
            }
        }
        if let split, let plain { _ = split.version < plain }
        // Version-file values, as SemVer and as PEP 440.
        for pep440 in [false, true] {
            if let value = VersionFileValue.releaseVersion(text, pep440: pep440) {
                _ = VersionFileValue.text(for: value, pep440: pep440)
                _ = VersionFileValue.compare(text, with: value, pep440: pep440)
                _ = NextVersion.bumped(value.version, .major)
            }
        }
        if let pep = PEP440Version(text) { _ = pep < pep; _ = pep.semver; _ = pep.description }
        // CHANGELOG headings: the editor reads the version of every heading of a one-heading file.
        guard bytes.count < 4096, let document = try? MarkdownDocument(bytes: Array("# Changelog\n\n## ".utf8) + bytes + [0x0A])
        else { return }
        let editor = ChangelogEditor(document: document)
        _ = editor.entry(for: plain)
    }
}
