import Foundation
@testable import NotesCore
@testable import NotesMarkdown
import Testing

/// Issue 24 item 6: adding an entry to a CHANGELOG.md cost time quadratic in its entries (each entry's end was
/// found by scanning every block of the file: 20,000 entries took 435 s in a debug build, 80,000 took 23 s in
/// release). The block searches are binary now; docs/performance-analysis.md has the numbers.
@Suite("Changelogs with many entries")
struct ChangelogScaleTests {
    static func changelog(entries: Int) -> [UInt8] {
        var text = "# Changelog\n\n"
        for index in stride(from: entries, to: 0, by: -1) {
            text += "## [\(index / 10_000).\(index / 100 % 100).\(index % 100)] - 2025-01-01\n\n### Fixes\n\n- fix \(index)\n\n"
            if index % 1000 == 0 { text += "<!-- a comment -->\n\n" }
        }
        return Array(text.utf8)
    }

    @Test("20,000 entries are read and the new one spliced in one pass")
    func manyEntries() throws {
        let document = try MarkdownDocument(bytes: Self.changelog(entries: 20_000))
        let editor = ChangelogEditor(document: document)
        #expect(editor.entries.count == 20_000)
        let entry = ChangelogEntryText(version: ReleaseVersion("9.0.0"), text: "## [9.0.0] - 2026-01-01\n\n- new\n")
        let (bytes, _) = editor.apply([entry])
        #expect(bytes.count > document.bytes.count)
    }

    @Test("the binary searches find what the linear scans found")
    func sameAnswers() throws {
        let document = try MarkdownDocument(bytes: Self.changelog(entries: 300))
        let plan = SplicePlan(document: document)
        let blocks = document.topLevelBlocks
        for start in stride(from: 0, to: document.bytes.count, by: 37) {
            for length in [0, 1, 50, 400, 5_000] {
                let range = start..<min(document.bytes.count, start + length)
                let linear = blocks.last { $0.byteRange.lowerBound >= range.lowerBound
                    && $0.byteRange.lowerBound < range.upperBound && $0.kind != .htmlBlock }?.byteRange.upperBound
                #expect(plan.contentEnd(in: range) == linear, "\(range)")
            }
            let linearIndex = blocks.lastIndex { $0.byteRange.upperBound <= start } ?? -1
            #expect(document.firstBlock { $0.byteRange.upperBound > start } - 1 == linearIndex)
        }
    }
}
