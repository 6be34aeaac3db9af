import Foundation
import NotesCLI
import Testing

/// One folder of `Tests/FixtureTests/Fixtures/`: a history, the arguments, and what must come out.
///
/// Files in a case folder:
/// - `history`: the repository, in `HistoryScript`'s language (required; an empty file makes an empty repository).
/// - `args`: the command line after `notes`, words split on spaces, `"…"` keeps spaces. Several lines run as
///   commands in order (output concatenated) until one fails; the exit code is the last one run.
/// - `env`: optional `KEY=VALUE` lines (`SOURCE_DATE_EPOCH=1764028800` is always set unless given).
/// - `files/`: optional files copied into the repository's work tree before the history is built (a
///   `commit{worktree}` line commits them, `checkout` makes the work tree match HEAD).
/// - `expected.out`: stdout, exactly. `expected.err`: stderr, exactly, with the repository path as `$REPO`.
/// - `expected.exit`: the exit code, when not 0.
/// - `expected-files/`: optional files that must exist in the work tree afterwards, byte for byte.
/// - `absent`: optional paths (one a line) that must not exist afterwards: errors write nothing.
/// - `expected.git`: when present, the repository afterwards (see `GitState`): branch, commits, tags with their
///   messages, notes under `refs/notes/release`, status.
/// Arguments and `env` may use `$REPO` (the repository) and `$TMP` (its temporary parent folder).
/// `UPDATE_FIXTURES=1 swift test` rewrites the expected files from what the run produced.
struct FixtureCase: CustomStringConvertible, Sendable {
    let name: String
    var description: String { name }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var all: [FixtureCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map(FixtureCase.init(name:))
    }

    var folder: URL { Self.root.appendingPathComponent(name) }

    func read(_ file: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hasWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                hasWord = true
            } else if character == " " && !quoted {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}

final class OutputBuffer: @unchecked Sendable {
    var out = ""
    var err = ""
}

@Test("fixture case", arguments: FixtureCase.all)
func fixture(_ fixture: FixtureCase) throws {
    let temporary = FileManager.default.temporaryDirectory
        .appendingPathComponent("notes-fixture-\(fixture.name)-\(UUID().uuidString)")
    let repositoryPath = temporary.appendingPathComponent("repo").path
    try FileManager.default.createDirectory(atPath: repositoryPath, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temporary) }

    let history = try #require(fixture.read("history"), "\(fixture.name) has no history file")
    let files = fixture.folder.appendingPathComponent("files")
    if FileManager.default.fileExists(atPath: files.path) {
        for item in try FileManager.default.contentsOfDirectory(atPath: files.path) {
            try FileManager.default.copyItem(atPath: files.appendingPathComponent(item).path,
                                             toPath: repositoryPath + "/" + item)
        }
    }
    _ = try HistoryScript.build(script: history, at: repositoryPath)

    var environment = ["SOURCE_DATE_EPOCH": "1764028800"]
    for line in (fixture.read("env") ?? "").split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            environment[parts[0]] = parts[1].replacingOccurrences(of: "$REPO", with: repositoryPath)
                .replacingOccurrences(of: "$TMP", with: temporary.path)
        }
    }
    let commandLines = (fixture.read("args") ?? "").split(separator: "\n", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let buffer = OutputBuffer()
    let invocation = Invocation(
        workingDirectory: repositoryPath, environment: environment,
        writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
    var code: Int32 = 0
    for line in commandLines.isEmpty ? [""] : commandLines {
        let arguments = FixtureCase.words(line).map {
            $0.replacingOccurrences(of: "$REPO", with: repositoryPath).replacingOccurrences(of: "$TMP", with: temporary.path)
        }
        code = NotesCLI.run(arguments, invocation: invocation)
        if code != 0 { break }
    }
    let gitState = fixture.read("expected.git") == nil ? nil : try GitState.describe(repositoryPath)
    let stderr = buffer.err.replacingOccurrences(of: repositoryPath, with: "$REPO")
        .replacingOccurrences(of: temporary.path, with: "$TMP")

    let expectedFiles = fixture.folder.appendingPathComponent("expected-files")
    let expectedFileNames = (FileManager.default.enumerator(atPath: expectedFiles.path)?.allObjects as? [String] ?? [])
        .filter { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: expectedFiles.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }
    for name in (fixture.read("absent") ?? "").split(separator: "\n") {
        #expect(!FileManager.default.fileExists(atPath: repositoryPath + "/" + name), "\(name) must not be written")
    }

    if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
        for name in expectedFileNames {
            if let data = FileManager.default.contents(atPath: repositoryPath + "/" + name) {
                try data.write(to: expectedFiles.appendingPathComponent(name))
            }
        }
        if let gitState {
            try gitState.write(to: fixture.folder.appendingPathComponent("expected.git"), atomically: true, encoding: .utf8)
        }
        try buffer.out.write(to: fixture.folder.appendingPathComponent("expected.out"), atomically: true, encoding: .utf8)
        try stderr.write(to: fixture.folder.appendingPathComponent("expected.err"), atomically: true, encoding: .utf8)
        let exitFile = fixture.folder.appendingPathComponent("expected.exit")
        if code != 0 {
            try "\(code)\n".write(to: exitFile, atomically: true, encoding: .utf8)
        } else {
            try? FileManager.default.removeItem(at: exitFile)
        }
        return
    }
    let expectedCode = Int32((fixture.read("expected.exit") ?? "0").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    #expect(code == expectedCode, "exit code; stderr was: \(stderr)")
    #expect(buffer.out == (fixture.read("expected.out") ?? ""), "stdout differs")
    #expect(stderr == (fixture.read("expected.err") ?? ""), "stderr differs")
    if let gitState { #expect(gitState == fixture.read("expected.git"), "repository state differs") }

    for name in expectedFileNames {
        let actual = FileManager.default.contents(atPath: repositoryPath + "/" + name)
        #expect(actual == FileManager.default.contents(atPath: expectedFiles.appendingPathComponent(name).path),
                "file \(name) differs")
    }
}
