import Foundation
@testable import NotesCore
@testable import NotesMarkdown
import Testing

@Suite("Text from the repository in the view model and on terminals")
struct UntrustedTextTests {
    @Test("control characters are shown escaped", arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "\\x1B[31mred\\x1B[0m"),
        ("title\u{1B}]0;pwned\u{07}", "title\\x1B]0;pwned\\x07"),
        ("a\rb", "a\\x0Db"), ("a\nb", "a\\x0Ab"), ("tab\tkept", "tab\tkept"),
        ("del\u{7F} c1\u{9B}", "del\\x7F c1\\x9B"), ("bidi \u{202E}exe.txt\u{2066}", "bidi \\u202Eexe.txt\\u2066"),
        ("plain é – ü", "plain é – ü"),
    ])
    func controls(text: String, expected: String) {
        #expect(UntrustedText.escapingControls(text) == expected)
    }

    @Test("whole outputs keep their line breaks, a lone CR is escaped")
    func outputs() {
        #expect(UntrustedText.escapingControls("a\nb\r\nc\rd\u{1B}", keepingLineBreaks: true) == "a\nb\r\nc\\x0Dd\\x1B")
    }

    /// Lines that would change a Markdown document's structure, and what the view model makes of them.
    @Test("a description cannot become HTML, a heading, a list, a quote, a fence or a link definition", arguments: [
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("<script>alert(1)</script> done", "\\<script>alert(1)\\</script> done"),
        ("## not a heading", "\\## not a heading"),
        ("[x]: <https://evil.example>", "\\[x]: <https://evil.example>"),
        ("[0.2.0]: https://evil.example", "\\[0.2.0]: https://evil.example"),
        ("1. not a list", "1\\. not a list"), ("2) not a list", "2\\) not a list"),
        ("- not a list", "\\- not a list"), ("* not a list", "\\* not a list"), ("+ x", "\\+ x"),
        ("> not a quote", "\\> not a quote"), ("```sh", "\\```sh"), ("~~~", "\\~~~"),
        ("---", "\\---"), ("***", "\\***"), ("===", "\\==="), ("    indented", "indented"),
        ("<!-- hide the rest", "\\<!-- hide the rest"),
        ("fix the *parser* for `Vec<u8>`", "fix the *parser* for `Vec<u8>`"),
        ("2024 was a year", "2024 was a year"), ("#12 fixed", "#12 fixed"),
    ])
    func markdownLine(text: String, expected: String) throws {
        let line = UntrustedText.markdownLine(text, quoteMentions: false)
        #expect(line == expected)
        // Alone, after a line of text, and in a list item: one paragraph (or item), no HTML.
        for document in [line, "Title\n" + line, "- " + line] {
            let tree = try #require(CmarkTree(bytes: Array(document.utf8)))
            withExtendedLifetime(tree) {
                let blocks = tree.root.children
                #expect(blocks.count == 1 && (blocks[0].kind == .paragraph || blocks[0].kind == .list),
                        "\(document.debugDescription): \(blocks.map(\.kind))")
                var stack = [tree.root]
                while let node = stack.popLast() {
                    stack += node.children
                    #expect(node.kind != .htmlInline && node.kind != .htmlBlock && node.kind != .heading,
                            "\(document.debugDescription)")
                }
            }
        }
    }

    @Test("mentions are quoted in scopes, descriptions and names; e-mail addresses are not", arguments: [
        ("@octocat", "`@octocat`"), ("thanks @org/team", "thanks `@org/team`"), ("mail a@b.example", "mail a@b.example"),
    ])
    func mentions(text: String, expected: String) {
        #expect(UntrustedText.markdownLine(text, quoteMentions: true) == expected)
        #expect(UntrustedText.name(text, quoteMentions: true) == expected)
        #expect(UntrustedText.markdownLine(text, quoteMentions: false) == text)
    }

    @Test("the view model applies it to every field a repository fills")
    func viewModel() throws {
        let hostile = "\u{1B}[2J## @octocat <img src=x>"
        let commit = Sample.commit("fix(@hubot): \(hostile)\n\nCo-authored-by: @monalisa <m@example.com>",
                                   author: "@mallory \u{1B}[31m", seed: 7)
        let notes = ReleaseBuilder.build(info: Sample.info, commits: [commit], rules: .standard)
        let context = ReleaseContext(notes: notes, links: nil, quoteMentions: true)
        let entry = try #require(context.sections.first?.entries.first)
        #expect(entry.description == "\\x1B[2J## `@octocat` \\<img src=x>")
        #expect(entry.scope == "`@hubot`")
        // Plain text: the backslash of the escape is escaped too, so Markdown shows `\x1B` as written.
        #expect(context.contributors.map(\.name).sorted() == ["`@mallory` \\\\x1B\\[31m", "`@monalisa`"])
        let view = try #require(context.commits.first)
        #expect(!view.subject.unicodeScalars.contains("\u{1B}") && view.subject.contains("\\<img"))
        #expect(view.author == "`@mallory` \\\\x1B\\[31m")
    }

    @Test("the commits fuzzer's finds: raw HTML libcmark misplaced after a leading tab; a mention's backticks ending a code span; HTML in a fence's info string")
    func fuzzFinds() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/finds/commits")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("untrusted-line") }
        #expect(!names.isEmpty)
        for name in names {
            let message = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            let line = UntrustedText.markdownLine(String(message.prefix { $0 != "\n" }), quoteMentions: true)
            for document in [line, "Title\n" + line, "- " + line] {
                #expect(MarkdownInline.isPlainParagraph(Array(document.utf8)), "\(name): \(document.prefix(80).debugDescription)")
            }
        }
        #expect(UntrustedText.markdownLine("\tfix <T> in `Vec<u8>`", quoteMentions: false) == "fix \\<T> in `Vec<u8>`")
        #expect(UntrustedText.markdownLine("~~~<??>", quoteMentions: false) == "\\~~~\\<??>")
    }
}
