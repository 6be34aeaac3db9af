import Foundation
import NotesMarkdown
import Testing
@testable import NotesCore

/// The shared corpus of real Markdown files: `NOTES_SHARED_CORPUS` when set (a folder that does not exist
/// turns the corpus tests off, which `.ci/run` uses to run the suite as a clone without `../shared` would),
/// else `<packageRoot>/../shared/corpus`. A clone from GitHub has no such folder: the suites that read it are
/// skipped, and `swift test` says so on one line for each, with the reason.
enum FilesCorpus {
    static let besideThePackage: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Files
        .deletingLastPathComponent()  // NotesCoreTests
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
