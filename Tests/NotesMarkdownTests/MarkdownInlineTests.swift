import Testing
@testable import NotesMarkdown

@Suite struct MarkdownInlineTests {
    @Test(arguments: [
        ("support <T> in lists", #"support \<T> in lists"#),
        ("<script>alert(1)</script>", #"\<script>alert(1)\</script>"#),
        ("use `<T>` here", "use `<T>` here"),
        ("Vec<u8>", #"Vec\<u8>"#),
        ("a < b and c > d", "a < b and c > d"),
        ("see <https://example.com>", "see <https://example.com>"),
        ("**bold** <br>", #"**bold** \<br>"#),
        (#"already \<T> escaped"#, #"already \<T> escaped"#),
        ("<!-- note -->", #"\<!-- note -->"#),
        ("<div>", #"\<div>"#),
        ("`<T>` and <T>", #"`<T>` and \<T>"#),
        (#"<a title="<b>">x</a>"#, #"\<a title="\<b>">x\</a>"#),
        ("no html at all", "no html at all"),
        ("", ""),
    ])
    func escapesOnlyRawHTML(input: String, expected: String) {
        #expect(MarkdownInline.escapingRawHTML(input) == expected)
    }

    @Test func escapedTextHasNoRawHTMLLeft() {
        for input in ["<T>", "Vec<u8> and Option<Box<T>>", "x <b>y</b>\n<div>\nz\n</div>"] {
            let escaped = MarkdownInline.escapingRawHTML(input)
            #expect(MarkdownInline.rawHTMLStarts(in: Array(escaped.utf8)).isEmpty, "\(escaped)")
        }
    }

    @Test func continuationLinesWithOtherIndentation() {
        // libcmark reports the columns of inlines on later lines from the first line's indentation.
        #expect(MarkdownInline.escapingRawHTML("foo\n   <b>x</b>") == "foo\n   \\<b>x\\</b>")
        #expect(MarkdownInline.escapingRawHTML("- a\n\tb <T> `<U>`") == "- a\n\tb \\<T> `<U>`")
        #expect(MarkdownInline.escapingRawHTML("  x\ny <T>") == "  x\ny \\<T>")
        #expect(MarkdownInline.escapingRawHTML("> q\n> <T>") == "> q\n> \\<T>")
        #expect(MarkdownInline.escapingRawHTML("a\r\n  <T>") == "a\r\n  \\<T>")
    }

    @Test func nonASCIIBeforeTheTag() {
        #expect(MarkdownInline.escapingRawHTML("é ✨ <T>") == "é ✨ \\<T>")
    }
}

@Suite("@mentions as code")
struct MentionQuotingTests {
    @Test(arguments: [
        ("thanks @octocat", "thanks `@octocat`"),
        ("@octocat first", "`@octocat` first"),
        ("ping @acme/reviewers now", "ping `@acme/reviewers` now"),
        ("(@a-b)", "(`@a-b`)"),
        ("mail ada@example.com", "mail ada@example.com"),
        ("already `@octocat` quoted", "already `@octocat` quoted"),
        ("a lone @ sign", "a lone @ sign"),
        ("escaped \\@octocat", "escaped \\@octocat"),
        ("@-dash", "@-dash"),
        ("unclosed ` then @user", "unclosed ` then `@user`"),
        ("two @a and @b", "two `@a` and `@b`"),
    ])
    func quotes(_ input: String, _ expected: String) {
        #expect(MarkdownInline.quotingMentions(input) == expected)
    }
}
