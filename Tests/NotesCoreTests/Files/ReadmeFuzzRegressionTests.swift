import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

/// Inputs `scripts/fuzz markdown` found on which `notes readme` was not idempotent: run twice, the second run
/// must change nothing and the user's text must stay.
struct ReadmeFuzzRegressionTests {
    /// (README, a text of the user's that must survive both runs)
    static let rows: [(String, String)] = [
        // crash-b496067d (minimized): an entry inserted above the section's opening list merged with it,
        // and the second run replaced the user's item with the entry.
        ("# Release Notes\n-", "\n-"),
        ("# Release Notes\n\n- keep me\n", "- keep me\n"),
        ("## Release Notes\n\nIntro.\n\n* one\n* two\n\n## License\n", "* one\n* two\n"),
        // crash-ede9bdb2 (minimized): an indented code block after the section's heading became a continuation
        // of the entry's last bullet, and the second run kept the entry as the user's.
        ("# Release Notes\n    u", "\n    u"),
        ("## Release Notes\n\nIntro.\n\n    cargo add barter\n\n## License\n", "\n    cargo add barter\n"),
        ("## Release Notes\n\n  <div>note</div>\n\nMore.\n", "  <div>note</div>\n\nMore.\n"),
        // The heading that ends the section, indented: the entry's bullet must not take it in.
        ("## Release Notes\n\n   ## License\n\nMIT\n", "## License\n\nMIT\n"),
        // crash-ca396a37 (minimized): the section ends at an indented setext heading.
        ("## Release Notes\n x\n-", "x\n-"),
    ]

    @Test("a second run changes nothing; the section's opening lists stay the user's", arguments: rows)
    func idempotent(text: String, kept: String) throws {
        let version = try #require(ReleaseVersion("9.0.0"))
        func run(_ bytes: [UInt8]) throws -> [UInt8] {
            let editor = try ReadmeEditor(document: try MarkdownDocument(bytes: bytes), title: "Release Notes",
                                          create: true, displayPath: "README.md")
            let entry = "\(editor.headingMarks) "
                + editor.pattern.render(version: "9.0.0", tag: "v9.0.0", date: "2026-11-25", url: nil)
                + "\n\n\(editor.bullet) new\n"
            return editor.apply(version: version, entryText: entry, keep: nil).bytes
        }
        let first = try run(Array(text.utf8))
        let second = try run(first)
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
        #expect(String(decoding: second, as: UTF8.self).contains(kept))
    }
}

/// Found by `scripts/fuzz markdown` (crash-b8ba5db0, minimized): with bare CR line endings after a setext `=`
/// underline, the entry (written with `\r`, the file's dominant ending) was inserted right before the user's
/// LF blank line; its last `\r` and that `\n` then read as one `\r\n`, the blank line vanished, and the
/// second run changed the file again. `SplicePlan` now keeps such a pair apart.
@Test("readme with bare CR line endings after a setext heading: the second run is a no-op")
func readmeBareCarriageReturns() throws {
    let version = try #require(ReleaseVersion("9.0.0"))
    func run(_ bytes: [UInt8]) throws -> [UInt8] {
        let editor = try ReadmeEditor(document: try MarkdownDocument(bytes: bytes), title: "Release Notes",
                                      create: true, displayPath: "README.md")
        let entry = "\(editor.headingMarks) "
            + editor.pattern.render(version: "9.0.0", tag: "v9.0.0", date: "2026-11-25", url: nil)
            + "\n\n\(editor.bullet) new\n"
        return editor.apply(version: version, entryText: entry, keep: nil).bytes
    }
    let original = Array("Release Notes\n=\r\r\r\rt\n\n".utf8)
    let first = try run(original)
    let second = try run(first)
    #expect(second == first)
    // Every byte of the user's is still there, in order, and the blank line kept its own line ending.
    #expect(first.starts(with: Array("Release Notes\n=\r\r\r\rt\n".utf8)))
    #expect(first.suffix(2) == [UInt8(ascii: "\n"), UInt8(ascii: "\n")])
}

/// The inputs a 30-minute `scripts/fuzz markdown` run stopped at (`Fuzz/finds/markdown`). Six of them
/// (crash-25c7ae93, -41d0842a, -6e750309, -a8224221, -c0c97549, -c68719ac: files with bare-CR and LF line
/// endings mixed) made the second `readme` run change the file, the bare-CR case above; the others hide
/// headings in an unclosed block and are refused before any editor sees them. The harness's readme
/// property, on each: the output parses, the section and entry are found again, a second run is a no-op.
@Test("the markdown fuzz finds: a second readme run is a no-op",
      arguments: (try? FileManager.default.contentsOfDirectory(atPath: fuzzFindsFolder))?.sorted() ?? [])
func readmeFuzzFinds(name: String) throws {
    let bytes = try #require(FileManager.default.contents(atPath: fuzzFindsFolder + "/" + name))
    let document = try MarkdownDocument(bytes: Array(bytes))
    guard (try? EditableFile.refuseUnclosedBlock(document, displayPath: name)) != nil else { return }
    let version = try #require(ReleaseVersion("99.0.0"))
    func run(_ document: MarkdownDocument) throws -> [UInt8] {
        let editor = try ReadmeEditor(document: document, title: "Release Notes", create: true, displayPath: "README.md")
        let text = "\(editor.headingMarks) "
            + editor.pattern.render(version: "99.0.0", tag: "v99.0.0", date: "2026-11-25", url: "https://e.x/c")
            + "\n\n\(editor.bullet) new\n"
        return editor.apply(version: version, entryText: text, keep: nil).bytes
    }
    let first = try run(document)
    let second = try run(try MarkdownDocument(bytes: first))
    #expect(second == first)
}

/// `Fuzz/finds/markdown` in this checkout.
let fuzzFindsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../Fuzz/finds/markdown").standardizedFileURL.path

@Test("the fuzz finds folder is there (the table above is not empty)")
func fuzzFindsFolderExists() throws {
    #expect(try FileManager.default.contentsOfDirectory(atPath: fuzzFindsFolder).count >= 10)
}
