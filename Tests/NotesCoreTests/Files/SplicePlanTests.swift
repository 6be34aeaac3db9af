import NotesMarkdown
import Testing
@testable import NotesCore

/// `SplicePlan.apply` never lets a `\r` and a `\n` that were not next to each other become one `\r\n`.
struct SplicePlanTests {
    /// (document, range, inserted text, expected bytes)
    static let rows: [(String, Range<Int>, String, String)] = [
        // Bare-CR document: the inserted text's last `\r` meets the user's LF blank line.
        ("a\r\r\rb\n\n", 6..<6, "x\n", "a\r\r\rb\nx\r\n\n"),
        // A deletion that would join a `\r` and a `\n`.
        ("a\r\r\rb\rX\nc\n", 6..<7, "", "a\r\r\rb\r\n\nc\n"),
        // Inserted text that starts with a line ending, after a bare `\r`.
        ("a\rb\n\n\n", 2..<2, "\nx\n", "a\r\n\nx\nb\n\n\n"),
        // An empty insertion inside an existing `\r\n` changes nothing.
        ("a\r\nb\n", 2..<2, "", "a\r\nb\n"),
        // Documents with one kind of line ending are untouched by the rule.
        ("a\n\nb\n", 2..<2, "x\n", "a\nx\n\nb\n"),
        ("a\r\n\r\nb\r\n", 3..<3, "x\n", "a\r\nx\r\n\r\nb\r\n"),
        ("a\r\rb\r", 2..<2, "x\n", "a\rx\r\rb\r"),
    ]

    @Test("a splice keeps a bare CR and a LF apart", arguments: rows)
    func keepsLineEndingsApart(document: String, range: Range<Int>, text: String, expected: String) throws {
        var plan = SplicePlan(document: try MarkdownDocument(bytes: Array(document.utf8)))
        plan.replace(range, with: text)
        #expect(plan.apply() == Array(expected.utf8))
    }
}
