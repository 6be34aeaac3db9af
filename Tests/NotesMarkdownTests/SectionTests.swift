import Testing
@testable import NotesMarkdown

@Suite struct SectionTests {
    static let changelog = """
        # Changelog

        Intro with a [link][ref].

        [ref]: https://example.com/ref

        ## [1.2.0] - 2026-02-01
        ### Features
        - new

        [1.2.0]: https://example.com/1.2.0

        ## [1.1.0] - 2026-01-01
        - old

        [1.1.0]: https://example.com/1.1.0
        ## [1.0.0]
        - first

        """

    @Test func sectionsRunToTheNextHeadingOfSameOrHigherLevel() {
        let doc = MarkdownDocument(text: Self.changelog)
        let sections = doc.sections(level: 2)
        // `[1.0.0]` has no definition, so it stays text with its brackets.
        #expect(sections.map(\.heading.plainText) == ["1.2.0 - 2026-02-01", "1.1.0 - 2026-01-01", "[1.0.0]"])
        // Link reference definitions belong to the section they follow and are not blocks.
        #expect(doc.string(sections[0].byteRange) == """
            ## [1.2.0] - 2026-02-01
            ### Features
            - new

            [1.2.0]: https://example.com/1.2.0


            """)
        #expect(doc.string(sections[1].byteRange).hasSuffix("[1.1.0]: https://example.com/1.1.0\n"))
        #expect(sections[2].byteRange.upperBound == doc.bytes.count)
        #expect(doc.string(sections[0].bodyRange).hasPrefix("### Features\n"))
        let top = doc.section(startingAt: doc.headings[0])
        #expect(top.byteRange == 0..<doc.bytes.count)
        #expect(doc.section(startingAt: doc.headings[2]).byteRange.upperBound == sections[0].byteRange.upperBound)
    }

    @Test func blocksSkipLinkReferenceDefinitions() {
        let doc = MarkdownDocument(text: Self.changelog)
        #expect(doc.blockSummary == [
            "heading(1): Changelog", "paragraph",
            "heading(2): 1.2.0 - 2026-02-01", "heading(3): Features", "list(1 item)",
            "heading(2): 1.1.0 - 2026-01-01", "list(1 item)",
            "heading(2): [1.0.0]", "list(1 item)",
        ])
        // The definitions are bytes between blocks, so consecutive ranges leave gaps for them.
        let paragraph = doc.topLevelBlocks[1]
        let next = doc.topLevelBlocks[2]
        #expect(doc.string(paragraph.byteRange.upperBound..<next.byteRange.lowerBound)
            == "\n[ref]: https://example.com/ref\n\n")
        for (a, b) in zip(doc.topLevelBlocks, doc.topLevelBlocks.dropFirst()) {
            #expect(a.byteRange.upperBound <= b.byteRange.lowerBound)
        }
    }

    @Test func replacingAMiddleSectionKeepsEveryOtherByte() {
        let text = Self.changelog.replacingOccurrences(of: "\n", with: "\r\n")
        let doc = MarkdownDocument(text: text)
        let middle = doc.sections(level: 2)[1]
        let replacement = MarkdownSplice.bytes(of: "## [1.1.0] - 2026-01-01\n- rewritten\n\n", lineEnding: doc.lineEnding)
        #expect(replacement == Array("## [1.1.0] - 2026-01-01\r\n- rewritten\r\n\r\n".utf8))
        let result = MarkdownSplice.replacing(middle.byteRange, in: doc.bytes, with: replacement)
        #expect(outsideIsIdentical(original: doc.bytes, range: middle.byteRange, result: result,
                                   replacementCount: replacement.count))
        #expect(result == MarkdownSplice.replacing(middle.byteRange, in: doc,
                                                   withText: "## [1.1.0] - 2026-01-01\n- rewritten\n\n"))
        let reparsed = MarkdownDocument(text: String(decoding: result, as: UTF8.self))
        // The replaced section held the `[1.1.0]` definition, so that heading's link is now plain text.
        #expect(reparsed.sections(level: 2).map(\.heading.plainText) == ["1.2.0 - 2026-02-01", "[1.1.0] - 2026-01-01", "[1.0.0]"])
    }

    @Test func spliceClampsRangesAndConvertsLineEndings() {
        let bytes = Array("abc".utf8)
        #expect(MarkdownSplice.replacing(1..<10, in: bytes, with: Array("Z".utf8)) == Array("aZ".utf8))
        #expect(MarkdownSplice.replacing(3..<3, in: bytes, with: Array("!".utf8)) == Array("abc!".utf8))
        #expect(MarkdownSplice.bytes(of: "a\nb\r\nc\rd", lineEnding: .lf) == Array("a\nb\nc\nd".utf8))
        #expect(MarkdownSplice.bytes(of: "a\nb", lineEnding: .cr) == Array("a\rb".utf8))
    }

    @Test func blockSummaryKinds() {
        let doc = MarkdownDocument(text: """
            > quote

            1. one
            2. two

            ***

            <div>
            html
            </div>

            ```swift
            let x = 1
            ```
            """)
        #expect(doc.blockSummary == ["blockQuote", "list(ordered, 2 items)", "thematicBreak", "html", "code(swift)"])
        #expect(doc.topLevelBlocks.map(\.kind) == [.blockQuote, .list, .thematicBreak, .htmlBlock, .codeBlock])
        #expect(doc.topLevelBlocks.map(\.startLine) == [1, 3, 6, 8, 12])
        #expect(doc.topLevelBlocks.map(\.endLine) == [1, 4, 6, 10, 14])
    }
}

@Suite struct ReferenceDefinitionTests {
    @Test func definitionsBeforeParagraphTextBelongToTheParagraph() {
        let doc = MarkdownDocument(text: "# H\n[a]: http://x\ntext [a]\n\n[b]: http://y\n")
        #expect(doc.blockSummary == ["heading(1): H", "paragraph"])
        #expect(doc.string(doc.topLevelBlocks[1].byteRange) == "[a]: http://x\ntext [a]\n")
        #expect(doc.sections(level: 1).first?.byteRange == 0..<doc.bytes.count)
    }
}
