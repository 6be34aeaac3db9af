import Foundation
import Testing
@testable import NotesMarkdown

/// The shared corpus of real Markdown files: `NOTES_SHARED_CORPUS` when set (a folder that does not exist
/// turns the corpus tests off, which `.ci/run` uses to run the suite as a clone without `../shared` would),
/// else `<packageRoot>/../shared/corpus`. A clone from GitHub has no such folder: the suites that read it are
/// skipped, and `swift test` says so on one line for each, with the reason.
enum Corpus {
    static let besideThePackage: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // NotesMarkdownTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    static let folder: URL = ProcessInfo.processInfo.environment["NOTES_SHARED_CORPUS"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) } ?? besideThePackage

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// Why the corpus tests did not run, for `.enabled(if:_:)`.
    static let skipped = Comment(rawValue: "no shared corpus at \(folder.path) (set NOTES_SHARED_CORPUS, or put it at ../shared/corpus)")

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
