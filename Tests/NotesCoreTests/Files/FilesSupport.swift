import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

/// The shared corpus of real Markdown files: `<packageRoot>/../shared/corpus` (package root is three
/// levels up from this file).
enum FilesCorpus {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Files
        .deletingLastPathComponent()  // NotesCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relativePath)))
    }
}

/// The single region where `result` differs from `original`: `original[range]` became `result[replacement]`.
func changedRegion(_ original: [UInt8], _ result: [UInt8]) -> (range: Range<Int>, replacement: Range<Int>) {
    var prefix = 0
    while prefix < original.count, prefix < result.count, original[prefix] == result[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < original.count - prefix, suffix < result.count - prefix,
          original[original.count - 1 - suffix] == result[result.count - 1 - suffix] { suffix += 1 }
    return (prefix..<(original.count - suffix), prefix..<(result.count - suffix))
}

/// True when every byte of `original` outside `allowed` is in `result` unchanged, in order, with the
/// change confined to one region inside `allowed`.
func onlyChanged(_ original: [UInt8], _ result: [UInt8], within allowed: Range<Int>) -> Bool {
    let region = changedRegion(original, result)
    return region.range.lowerBound >= allowed.lowerBound && region.range.upperBound <= allowed.upperBound
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
func decoded(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
func markdown(_ text: String) -> MarkdownDocument { MarkdownDocument(text: text) }
func semver(_ text: String) -> ReleaseVersion { ReleaseVersion(text)! }

func changelogEntry(_ v: String, marks: String = "##", body: String = "- a change\n") -> ChangelogEntryText {
    ChangelogEntryText(version: semver(v), text: "\(marks) [\(semver(v).bare)] - 2026-11-25\n\n### Features\n\n\(body)")
}
