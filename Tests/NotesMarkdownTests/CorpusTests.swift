import Testing
@testable import NotesMarkdown

@Suite(.enabled(if: Corpus.isAvailable, Corpus.skipped))
struct CorpusTests {
    @Test(arguments: [
        ("changelogs/git-cliff.md", "2.13.1 - 2026-04-26", "[2.13.1](https://github.com/orhun/git-cliff/compare/v2.13.0..v2.13.1) - 2026-04-26"),
        ("changelogs/commitizen.md", "v4.13.9 (2026-02-25)", "v4.13.9 (2026-02-25)"),
        ("changelogs/create-vite.md", "9.1.2 (2026-07-30)",
         "<small>[9.1.2](https://github.com/vitejs/vite/compare/create-vite%409.1.1...create-vite%409.1.2) (2026-07-30)</small>"),
    ])
    func changelogReleaseHeadings(file: String, firstPlain: String, firstSource: String) throws {
        let doc = try MarkdownDocument(bytes: Corpus.bytes(file))
        let releases = doc.sections(level: 2)
        #expect(releases.count > 10)
        let first = try #require(releases.first)
        #expect(first.heading.plainText == firstPlain)
        #expect(first.heading.sourceText == firstSource)
        #expect(doc.lineStartOffsets.contains(first.byteRange.lowerBound))
        #expect(doc.lineStartOffsets.contains(first.byteRange.upperBound))

        // Replace the first release section; everything else stays byte for byte.
        let replacement = MarkdownSplice.bytes(of: "## [9.9.9] - 2030-01-01\n\n- new\n\n", lineEnding: doc.lineEnding)
        let result = MarkdownSplice.replacing(first.byteRange, in: doc.bytes, with: replacement)
        #expect(outsideIsIdentical(original: doc.bytes, range: first.byteRange, result: result,
                                   replacementCount: replacement.count))
        let reparsed = try MarkdownDocument(bytes: result)
        #expect(reparsed.sections(level: 2).count == releases.count)
        #expect(reparsed.sections(level: 2).dropFirst().map(\.heading) .map(\.plainText)
            == releases.dropFirst().map(\.heading.plainText))
    }

    @Test func gitCliffHasNewContributorsAtReleaseLevel() throws {
        let doc = try MarkdownDocument(bytes: Corpus.bytes("changelogs/git-cliff.md"))
        let titles = doc.sections(level: 2).map(\.heading.plainText)
        #expect(titles.contains("New Contributors ❤️"))
        #expect(doc.headings[0].contentLinks == ["https://github.com/orhun/git-cliff/compare/v2.13.0..v2.13.1"])
        // The release section stops at the New Contributors heading, which is a level-2 heading too.
        let release = doc.sections(level: 2)[1]
        #expect(doc.string(release.byteRange).contains("### ⛰️  Features"))
        #expect(!doc.string(release.byteRange).contains("## New Contributors"))
    }

    @Test func createViteSmallHeadingsWithoutBlankLineAfter() throws {
        let doc = try MarkdownDocument(bytes: Corpus.bytes("changelogs/create-vite.md"))
        // `<small>` is raw HTML inside an ATX heading: libcmark keeps the heading and the link.
        let first = doc.headings[0]
        #expect(first.level == 2 && first.startLine == 1 && first.endLine == 1)
        #expect(first.contentLinks.count == 1)
        #expect(doc.headings[1].plainText == "Features")
        #expect(doc.headings[1].startLine == 2)
        #expect(doc.blockSummary.prefix(3) == ["heading(2): 9.1.2 (2026-07-30)", "heading(3): Features", "list(1 item)"])
        #expect(doc.sections(level: 2).allSatisfy { !$0.heading.plainText.contains("<") })
    }

    @Test(arguments: ["readmes/git-cliff.md", "readmes/barter-rs.md", "readmes/commitizen-docs.md",
                      "changelogs/git-cliff.md", "changelogs/commitizen.md", "changelogs/create-vite.md",
                      "todo/agent-todo.md"])
    func blocksTileTheFileInOrder(file: String) throws {
        let doc = try MarkdownDocument(bytes: Corpus.bytes(file))
        #expect(!doc.topLevelBlocks.isEmpty)
        for (a, b) in zip(doc.topLevelBlocks, doc.topLevelBlocks.dropFirst()) {
            #expect(a.byteRange.upperBound <= b.byteRange.lowerBound, "\(a) \(b)")
        }
        for block in doc.topLevelBlocks {
            #expect(doc.lineStartOffsets.contains(block.byteRange.lowerBound))
            #expect(block.startLine <= block.endLine)
        }
        // Whatever lies between blocks is blank lines or link reference definitions only.
        for heading in doc.headings {
            let line = doc.string(heading.byteRange)
            #expect(line.hasPrefix("#") || line.hasPrefix(" ") || heading.isSetext, "\(line)")
        }
    }
}
