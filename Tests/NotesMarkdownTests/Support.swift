import Foundation
@testable import NotesMarkdown

/// The shared corpus of real Markdown files, beside the package: `<packageRoot>/../shared/corpus`.
enum Corpus {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // NotesMarkdownTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relativePath)))
    }
}

extension MarkdownDocument {
    /// The document's text in `range`, for readable expectations.
    func string(_ range: Range<Int>) -> String { text(in: range) }
}

/// Asserts-free helper: bytes outside `range` in `original` equal those around `replacement` in `result`.
func outsideIsIdentical(original: [UInt8], range: Range<Int>, result: [UInt8], replacementCount: Int) -> Bool {
    let suffixCount = original.count - range.upperBound
    return result.count == range.lowerBound + replacementCount + suffixCount
        && result[..<range.lowerBound].elementsEqual(original[..<range.lowerBound])
        && result[(result.count - suffixCount)...].elementsEqual(original[range.upperBound...])
}
