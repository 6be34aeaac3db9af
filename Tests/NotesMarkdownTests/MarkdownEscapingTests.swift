import Foundation
@testable import NotesMarkdown
import Testing

/// Commit subjects that are link reference definitions, and author names that are Markdown.
struct MarkdownEscapingTests {
    @Test("a subject that is a link reference definition is escaped; other subjects are not",
          arguments: [("[0.2.0]: https://evil.example", "\\[0.2.0]: https://evil.example"),
                      ("  [x]: y", "  \\[x]: y"),
                      ("[link](https://x) in text", "[link](https://x) in text"),
                      ("[a] b: c", "[a] b: c"),
                      ("add <T>", "add \\<T>")])
    func listItems(text: String, expected: String) {
        #expect(MarkdownInline.escapingForListItem(text) == expected)
    }

    @Test("the escaped subject renders as the text of a list item and defines no link")
    func rendersAsText() throws {
        let item = "- " + MarkdownInline.escapingForListItem("[0.2.0]: https://evil.example") + "\n\n## [0.2.0]\n"
        let document = try MarkdownDocument(bytes: Array(item.utf8))
        #expect(document.headings.first?.plainText == "[0.2.0]")
        let tree = try #require(CmarkTree(bytes: Array(item.utf8)))
        let text = withExtendedLifetime(tree) { tree.root.children.first?.kind }
        #expect(text == .list)
    }

    @Test("author names show as written", arguments: [
        ("# Heading", "\\# Heading"), ("*bold* _it_", "\\*bold\\* \\_it\\_"), ("- dash", "\\- dash"),
        ("1. first", "1\\. first"), ("<b>x</b>", "\\<b\\>x\\</b\\>"), ("[a](b)", "\\[a\\](b)"),
        ("AT&T", "AT\\&T"), ("Jean-Luc J. Doe", "Jean-Luc J. Doe"), ("dependabot[bot]", "dependabot\\[bot\\]"),
    ])
    func names(name: String, expected: String) {
        #expect(MarkdownInline.escapingPlainText(name) == expected)
    }

    @Test("the byte path for ASCII names escapes as the Character path does", arguments: [
        "", "-", "+x", "=", "12", "12.", "12)", "12)x", "1.2.3", "\\", "a\r\nb", "#!|~&", "` code `", "x-1.", "007 Bond",
        "[bot]", "<>", "Ünïcödé", "*\u{301}", "1\u{301}. x", "\r\n- x", " - x", "9999999999999999999999.",
    ])
    func asciiPath(name: String) {
        #expect(MarkdownInline.escapingPlainText(name) == MarkdownInline.escapingPlainCharacters(name))
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(MarkdownInline.escapingPlainASCII(name) == MarkdownInline.escapingPlainCharacters(name))
        } else {
            #expect(MarkdownInline.escapingPlainASCII(name) == nil)
        }
    }
}
