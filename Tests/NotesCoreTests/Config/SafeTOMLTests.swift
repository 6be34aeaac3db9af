import Foundation
@testable import NotesCore
import Testing

/// The guard in front of TOMLKit: every shape that made toml++ abort (SIGABRT, exit 134) is a row here, and
/// must come back as an ordinary parse error with its line. Before the guard each row killed the test process.
@Suite("SafeTOML")
struct SafeTOMLTests {
    /// (document, line of the error). The issue's shapes, then the ones `scripts/fuzz toml` found.
    static let aborting: [(String, Int)] = [
        ("[\n", 1),
        ("[", 1),
        ("[[", 1),
        ("[[\n", 1),
        ("[#", 1),
        ("[# comment\n", 1),
        ("[=", 1),
        ("[.a]\n", 1),
        ("[[[a]]]\n", 1),
        ("[[ .a]]\n", 1),
        ("[ \t\n", 1),
        ("[\r\n", 1),
        ("[ [a]]\n", 1),
        ("[{a}]\n", 1),
        ("[*]\n", 1),
        ("[é]\n", 1),
        ("a = 1\n\n  [\n", 3),
        ("a = [1,\n2]\n[\n", 3),
        ("a = \"\"\"x\ny\"\"\"\n[.x]\n", 3),
        ("\u{FEFF}[\n", 1),
        // found by scripts/fuzz toml (libFuzzer, crash-068521c0…): a dotted header start after [[
        ("[[.0n String0.[p", 1),
        // found by scripts/fuzz toml (crash-2f2e1b65…): parse_value() asserts `!is_value_terminator(*cp)`
        ("ac=[}}}}}}}}}}}}}}}}}}}}}} true\t", 1),
        ("a = [}\n", 1),
        ("a = [1, }\n", 1),
        ("a = [\n  1,\n  # c\n}\n", 4),
        ("a = { b = [ } \n", 1),
    ]

    @Test("shapes that made toml++ assert are parse errors with their line", arguments: aborting)
    func rejectsAbortingShapes(text: String, line: Int) throws {
        do {
            _ = try SafeTOML.table(text)
            Issue.record("\(text.debugDescription) parsed")
        } catch {
            #expect(error.line == line)
            #expect(!error.message.isEmpty)
        }
    }

    /// Valid documents full of brackets in places that are not table headers: the guard must pass them all.
    static let valid: [String] = [
        "[a]\nb = 1\n",
        "[[a]]\n[[a]]\n",
        "[ a ]\n[[ b ]]\n[ \"q.x\" ]\n[ 'lit' ]\n[a.\"b[\"]\n",
        "[_x]\n[-y]\n[0]\n",
        "a = [\n  [1, 2],\n  [\n    3,\n  ],\n]\n",
        "a = \"\"\"\n[\n[#\n\"\"\"\nb = '''\n[[[\n'''\n",
        "a = \"\\\"[\"\n[t]\n",
        "a = \"\"\"x\"\"\"\"\"\n[t]\n",
        "# [\n[t] # [ \n",
        "a = [ # [\n  1, # ]\n]\n[t]\n",
        "a = { b = [1, [2]] }\n[t]\n",
        "\u{FEFF}[t]\nx = 1\n",
        "a = 1\r\n[t]\r\n",
        "",
    ]

    @Test("valid documents with brackets everywhere else parse", arguments: valid)
    func passesValidDocuments(text: String) throws {
        #expect(SafeTOML.unsafeShape(in: Array(text.utf8)) == nil)
        _ = try SafeTOML.table(text)
    }

    @Test("a NUL byte is an error at its line, not the end of the document")
    func rejectsNUL() {
        let text = "a = 1\nb = 2\u{0}\n[\n"
        #expect(throws: SafeTOML.ParseError.self) { try SafeTOML.table(text) }
        #expect(SafeTOML.unsafeShape(in: Array(text.utf8))?.line == 2)
    }

    @Test("notes.toml: exit 5 with the file and line")
    func configurationError() {
        do {
            _ = try ConfigurationLoader.parse("[tags]\nprefix = \"v\"\n[\n", file: "notes.toml", root: nil)
            Issue.record("parsed")
        } catch let error as NotesError {
            #expect(error.exitCode == .configuration)
            #expect(error.message.hasPrefix("notes.toml:3:2: a table header must start with a key name"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("notes.toml after a NUL byte is not ignored: exit 5")
    func configurationNUL() {
        #expect(throws: NotesError.self) {
            _ = try ConfigurationLoader.parse("[tags]\u{0}\nunknown_key = 1\n", file: "notes.toml", root: nil)
        }
    }

    @Test("version files: exit 2 with the file and line",
          arguments: ["[package]\nversion = \"1.0.0\"\n[\n", "[package]\nversion = \"1.0.0\"\n[[[x]]]\n"])
    func versionFileError(text: String) {
        for read in [
            { try VersionFiles.cargoManifestVersion(Array(text.utf8), path: "Cargo.toml") },
            { try VersionFiles.pyprojectVersion(Array(text.utf8), path: "Cargo.toml") },
            { try VersionFiles.tomlValue(Array(text.utf8), keyPath: ["package", "version"], path: "Cargo.toml") },
        ] as [() throws -> VersionLocation] {
            do {
                _ = try read()
                Issue.record("parsed")
            } catch let error as NotesError {
                #expect(error.exitCode == .badInput)
                #expect(error.message.hasPrefix("Cargo.toml:3:"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("a workspace root reached through version.workspace = true is guarded too")
    func workspaceRoot() {
        let member = Array("[package]\nname = \"m\"\nversion.workspace = true\n".utf8)
        do {
            _ = try VersionFiles.cargoWorkspaceVersion(memberPath: "m/Cargo.toml", memberBytes: member) { path in
                path == "Cargo.toml" ? Array("[workspace]\n[\n".utf8) : nil
            }
            Issue.record("parsed")
        } catch let error as NotesError {
            #expect(error.exitCode == .badInput)
            #expect(error.message.hasPrefix("Cargo.toml:2:"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a dangling notes.toml symlink is a configuration error, not the defaults")
    func danglingConfigurationLink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safetoml-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/notes.toml", withDestinationPath: "missing.toml")
        #expect(throws: NotesError.self) { _ = try ConfigurationLoader.load(explicitPath: nil, root: folder) }
    }
}

/// A huge or multi-line `[[skip]]` pattern is quoted by at most one line of 80 characters.
@Suite("configuration error quoting")
struct ConfigurationQuotingTests {
    static func error(_ pattern: String) -> NotesError? {
        let text = "[[skip]]\nsubject = '''\(pattern)'''\n"
        do {
            _ = try ConfigurationLoader.parse(text, file: "notes.toml", root: nil)
            return nil
        } catch {
            return error as? NotesError
        }
    }

    @Test("a 1 MB pattern is too large, and the error quotes 80 characters of it")
    func hugePattern() throws {
        let error = try #require(Self.error(String(repeating: "a(", count: 500_000)))
        #expect(error.exitCode == .configuration)
        #expect(error.message.contains("too large"))
        #expect(error.message.utf8.count < 300)
    }

    @Test("an invalid multi-line pattern is quoted by its first line")
    func multiLinePattern() throws {
        let error = try #require(Self.error("(unclosed\nsecond line\nthird"))
        #expect(error.message.contains("not a supported regular expression: (unclosed…: at character 1: the group ( is not closed"))
    }
}
