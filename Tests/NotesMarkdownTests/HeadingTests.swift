import Testing
@testable import NotesMarkdown

@Suite struct HeadingTests {
    @Test func atxWithClosingHashesAndIndentation() {
        let doc = MarkdownDocument(text: "# Title #\n\n  ## Two ##   \n\n   ### Three\n\n    #### code\n")
        #expect(doc.headings.map(\.level) == [1, 2, 3])
        #expect(doc.headings.map(\.sourceText) == ["Title", "Two", "Three"])
        #expect(doc.headings.map(\.plainText) == ["Title", "Two", "Three"])
        #expect(doc.headings.allSatisfy { !$0.isSetext })
        #expect(doc.blockSummary == ["heading(1): Title", "heading(2): Two", "heading(3): Three", "code"])
        #expect(doc.string(doc.headings[1].byteRange) == "  ## Two ##   \n")
    }

    @Test func setextHeadings() {
        let doc = MarkdownDocument(text: "Big\n===\n\nSmall\nwrapped\n---\ntext\n")
        #expect(doc.headings.map(\.level) == [1, 2])
        #expect(doc.headings.allSatisfy { $0.isSetext })
        #expect(doc.headings[0].startLine == 1 && doc.headings[0].endLine == 2)
        #expect(doc.headings[1].startLine == 4 && doc.headings[1].endLine == 6)
        #expect(doc.headings[1].sourceText == "Small\nwrapped")
        #expect(doc.headings[1].plainText == "Small wrapped")
        #expect(doc.string(doc.headings[1].byteRange) == "Small\nwrapped\n---\n")
    }

    @Test func linksAndPlainText() {
        let doc = MarkdownDocument(text: "## [1.2.3](https://x/compare) - 2026-11-25\n## [1.2.2] - `code` *em*\n")
        #expect(doc.headings[0].plainText == "1.2.3 - 2026-11-25")
        #expect(doc.headings[0].text == "1.2.3 - 2026-11-25")
        #expect(doc.headings[0].sourceText == "[1.2.3](https://x/compare) - 2026-11-25")
        #expect(doc.headings[0].contentLinks == ["https://x/compare"])
        #expect(doc.headings[1].plainText == "[1.2.2] - code em")
        #expect(doc.headings[1].contentLinks == [])
    }

    @Test(arguments: ["```", "~~~"])
    func hashInsideFencedCodeIsNoHeading(fence: String) {
        let doc = MarkdownDocument(text: "# Real\n\n\(fence)sh\n# not a heading\n\(fence)\n")
        #expect(doc.headings.map(\.plainText) == ["Real"])
        #expect(doc.blockSummary == ["heading(1): Real", "code(sh)"])
        #expect(doc.topLevelBlocks[1].startLine == 3 && doc.topLevelBlocks[1].endLine == 5)
    }

    @Test func htmlCommentIsNoHeading() {
        let text = "# A\n<!-- ## not a heading -->\n\n<!--\n## nor this\n-->\n## B\n"
        let doc = MarkdownDocument(text: text)
        #expect(doc.headings.map(\.plainText) == ["A", "B"])
        #expect(doc.blockSummary == ["heading(1): A", "html", "html", "heading(2): B"])
        // libcmark reports these ends one line short; the ranges are whole, correct lines.
        #expect(doc.string(doc.topLevelBlocks[1].byteRange) == "<!-- ## not a heading -->\n")
        #expect(doc.string(doc.topLevelBlocks[2].byteRange) == "<!--\n## nor this\n-->\n")
    }

    @Test func nestedHeadingsAreNotTopLevel() {
        let doc = MarkdownDocument(text: "# Top\n\n- # in a list\n\n> ## in a quote\n")
        #expect(doc.headings.map(\.plainText) == ["Top"])
        #expect(doc.allHeadings.map(\.plainText) == ["Top", "in a list", "in a quote"])
        #expect(doc.allHeadings.map(\.isTopLevel) == [true, false, false])
    }

    @Test func tabsInHeadings() {
        let doc = MarkdownDocument(text: "#\tTabbed\t#\n##\tTwo\there\n\t# indented code\n")
        #expect(doc.headings.map(\.sourceText) == ["Tabbed", "Two\there"])
        #expect(doc.blockSummary.last == "code")
    }

    @Test func emptyHeading() {
        let doc = MarkdownDocument(text: "#\n## #\n")
        #expect(doc.headings.map(\.level) == [1, 2])
        #expect(doc.headings.map(\.sourceText) == ["", ""])
    }

    @Test func crlfOffsetsLandOnLineStarts() throws {
        let text = "# One\r\n\r\nSetext\r\n---\r\n\r\n- a\r\n\r\n\r\n## Two\r\nbody\r\n"
        let doc = try MarkdownDocument(bytes: Array(text.utf8))
        #expect(doc.lineEnding == .crlf)
        #expect(doc.hasFinalNewline)
        #expect(doc.lineStartOffsets == [0, 7, 9, 17, 22, 24, 29, 31, 33, 41])
        #expect(doc.byteOffset(line: 9, column: 4) == 36)
        #expect(doc.headings.map(\.plainText) == ["One", "Setext", "Two"])
        for heading in doc.headings {
            #expect(doc.lineStartOffsets.contains(heading.byteRange.lowerBound))
            #expect(doc.string(heading.byteRange).hasSuffix("\r\n"))
        }
        #expect(doc.string(doc.headings[1].byteRange) == "Setext\r\n---\r\n")
        let list = doc.topLevelBlocks[2]
        #expect(list.summary == "list(1 item)")
        #expect(doc.string(list.byteRange) == "- a\r\n")
    }

    @Test func noFinalNewline() {
        let doc = MarkdownDocument(text: "# A\ntext\n## Last")
        #expect(!doc.hasFinalNewline)
        #expect(doc.headings.last?.plainText == "Last")
        #expect(doc.string(doc.headings[1].byteRange) == "## Last")
        #expect(doc.sections(level: 2).first?.byteRange == 9..<16)
    }

    @Test func byteOrderMark() throws {
        let doc = try MarkdownDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("# Bom\n- [x] t\n".utf8))
        #expect(doc.headings.first?.sourceText == "Bom")
        #expect(doc.headings.first?.byteRange == 0..<9)
        #expect(doc.byteOffset(line: 1, column: 1) == 3)
    }

    @Test func lineEndings() {
        #expect(MarkdownDocument(text: "a\nb\r\nc\n").lineEnding == .lf)
        #expect(MarkdownDocument(text: "a\r\nb\r\nc\n").lineEnding == .crlf)
        #expect(MarkdownDocument(text: "a\rb\rc").lineEnding == .cr)
        #expect(MarkdownDocument(text: "no ending").lineEnding == .lf)
        #expect(MarkdownDocument(text: "a\rb\r").lineStartOffsets == [0, 2])
        #expect(MarkdownDocument(text: "").lineStartOffsets == [0])
        #expect(!MarkdownDocument(text: "").hasFinalNewline)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: MarkdownError.notUTF8(byteOffset: 6, line: 2)) {
            try MarkdownDocument(bytes: Array("# A\nx ".utf8) + [0xFF] + Array("\n".utf8))
        }
    }
}

@Suite struct SetextEndTests {
    /// libcmark 0.30.2 reports a setext heading's end at the next block; the underline is found instead.
    @Test func multiLineInlinesAndFollowingBlocks() {
        let doc = MarkdownDocument(text: "x `a\nb` y\n---\n\nx [a\nb](u\n\"t\") y\n---\n\nx <a\nhref=\"u\"> **a\nb**\n---\nz\n  - T\n    ---\n  next\n")
        #expect(doc.allHeadings.map(\.startLine) == [1, 5, 10, 15])
        #expect(doc.allHeadings.map(\.endLine) == [3, 8, 13, 16])
        #expect(doc.headings.map(\.plainText) == ["x a b y", "x a b y", "x  a b"])
        #expect(doc.allHeadings.map { $0.isSetext } == [true, true, true, true])
        #expect(doc.blockSummary == ["heading(2): x a b y", "heading(2): x a b y", "heading(2): x  a b", "paragraph", "list(1 item)", "paragraph"])
    }
}
