import Foundation
import Mustache
@testable import NotesCore
import NotesMarkdown
import Testing

/// The shortcuts the speed work took must not change what is rendered or checked.
@Suite struct RenderFastPathTests {
    /// What the full parse says about an entry: its first block is a heading of `level` on line 1.
    func startsWithHeading(_ text: String, level: Int) -> Bool {
        let parsed = MarkdownDocument(text: text)
        guard let first = parsed.topLevelBlocks.first, first.kind == .heading else { return false }
        return parsed.headings.first?.level == level && parsed.headings.first?.startLine == 1
    }

    static let entries: [String] = [
        "## [1.2.3] - 2026-11-25\n\n### Features\n\n- a\n",
        "## 1.2.3\r\n\r\n### Fixes\r\n\r\n- b\r\n",
        "## 1.2.3\r\r- bare CR\r",
        "1.2.3\n-----\n\n- setext level 2\n",
        "1.2.3\nmore title\n=====\n\n- setext level 1\n",
        "```\n## not a heading\n\n```\n",
        "<div>\n\n## after html\n</div>\n",
        "[ref]: https://example.com\n## heading on line 2\n",
        "\n## after a blank line\n",
        "   \n## after spaces\n",
        "## one line, no newline",
        "- a list\n\n## 1.2.3\n",
        "> ## quoted\n\n",
        "    ## indented code\n\n## real\n",
        "#### 1.2.3\n\n",
        "",
    ]

    @Test(arguments: entries, [1, 2, 4])
    func firstBlockDecidesLikeTheWholeText(text: String, level: Int) {
        let prefix = EntryText.firstBlockText(of: text)
        #expect(text.hasPrefix(prefix))
        #expect(startsWithHeading(prefix, level: level) == startsWithHeading(text, level: level))
    }

    @Test(arguments: [
        ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", true),
        ("Renovate[BOT]", "bot@renovateapp.com", true),
        ("Ada", "ada[Bot]@example.com", true),
        ("[bot] in front", "ada@example.com", false),
        ("Ada", "ada@example.com", false),
        ("bot", "bot", false),
        ("", "", false),
        ("Zoë [bot]", "zoë@example.com", true),
        ("İ[bot]", "x", true),
    ])
    func bots(name: String, email: String, isBot: Bool) {
        #expect(Contributor.isBot(name: name, email: email) == isBot)
        // The rule it replaced, for the same answers.
        #expect((name.lowercased().hasSuffix("[bot]") || email.lowercased().contains("[bot]")) == isBot)
    }

    /// Text fields reach templates as `TemplateText`: rendered as the text, truthy even when empty (as a
    /// `String` is), and with the `String` transforms.
    @Test func textFieldsRenderAndTransformLikeStrings() throws {
        let view = ReleaseContext.example
        let renderer = try TemplateRenderer(TemplateSource(
            displayName: "t", text: "{{release.title}}|{{uppercased(release.title)}}|{{#release.date}}[{{.}}]{{/release.date}}|{{^release.title}}none{{/release.title}}"))
        let title = view.release.title
        #expect(try renderer.render(view) == "\(title)|\(title.uppercased())|[\(view.release.date)]|")
        var empty = view
        empty.release.title = ""
        #expect(try renderer.render(empty) == "||[\(view.release.date)]|")
    }
}
