import Testing
@testable import NotesMarkdown

@Suite struct TaskItemTests {
    @Test func nestedCheckedAndUnchecked() {
        let text = "- [ ] open\n- [x] done\n  - [X] nested\n    - [ ] deeper\n- not a task\n- [y] nor this\n- [x]no space\n"
        let doc = MarkdownDocument(text: text)
        #expect(doc.taskItems.map(\.text) == ["open", "done", "nested", "deeper"])
        #expect(doc.taskItems.map(\.checked) == [false, true, true, false])
        #expect(doc.taskItems.map(\.depth) == [0, 0, 1, 2])
        #expect(doc.string(doc.taskItems[1].byteRange) == "- [x] done\n  - [X] nested\n    - [ ] deeper\n")
        #expect(doc.taskItems.map { doc.string($0.markerRange) } == ["[ ]", "[x]", "[X]", "[ ]"])
    }

    @Test func tickingAnItemBySplice() {
        let doc = MarkdownDocument(text: "- [ ] a\r\n  - [ ] b\r\n")
        let ticked = MarkdownSplice.replacing(doc.taskItems[1].markerRange, in: doc.bytes, with: Array("[x]".utf8))
        #expect(String(decoding: ticked, as: UTF8.self) == "- [ ] a\r\n  - [x] b\r\n")
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipped))
    func agentTodo() throws {
        let doc = try MarkdownDocument(bytes: Corpus.bytes("todo/agent-todo.md"))
        #expect(doc.taskItems.count == 45)
        #expect(doc.taskItems.allSatisfy { $0.checked })
        #expect(doc.taskItems.filter { $0.depth == 1 }.count == 4)
        // The wrapped item: both lines, joined by a space.
        let wrapped = try #require(doc.taskItems.first { $0.text.hasPrefix("Resolve `cargo test") || $0.text.hasPrefix("Resolve cargo test") })
        #expect(wrapped.text.hasSuffix("feature enabled. (2025-10-03)"))
        #expect(wrapped.endLine == wrapped.startLine + 1)
        #expect(doc.string(wrapped.byteRange).hasSuffix("enabled. (2025-10-03)\n"))
        // The item before the blank line inside the first list ends before the blank line.
        let beforeBlank = try #require(doc.taskItems.first { $0.text.hasPrefix("Evaluate packaging automation") })
        #expect(doc.string(beforeBlank.byteRange).hasSuffix("(2025-10-03).\n"))
        let afterBlank = try #require(doc.taskItems.first { $0.text.hasPrefix("Document new feature flag") })
        #expect(afterBlank.depth == 0)
        #expect(doc.headings.map(\.plainText).first == "Planned (2025-10-03)")
        // Every task item's marker is really in the file.
        for item in doc.taskItems { #expect(["[x]", "[ ]", "[X]"].contains(doc.string(item.markerRange))) }
    }
}
