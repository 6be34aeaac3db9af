import Testing
@testable import NotesCore

/// Tests of VersionFiles.
@Suite struct VersionFilesTests {}

// MARK: - Fixtures

private let crate = #"""
# A normal crate.
[package]
name = "notes-demo"   # the name
# version = "0.0.1" in a comment is not the version
version = "1.4.2"     # bumped by notes
edition = "2021"
description = """
A crate whose description mentions
version = "9.9.9"
on its own line."""

[package.metadata.docs]
version = "3.3.3"

[dependencies]
foo = { version = "1.0", features = ["x"] }
bar = "1.4.2"

[[bin]]
name = "demo"
"""#

private let crateBumped = #"""
# A normal crate.
[package]
name = "notes-demo"   # the name
# version = "0.0.1" in a comment is not the version
version = "1.5.0"     # bumped by notes
edition = "2021"
description = """
A crate whose description mentions
version = "9.9.9"
on its own line."""

[package.metadata.docs]
version = "3.3.3"

[dependencies]
foo = { version = "1.0", features = ["x"] }
bar = "1.4.2"

[[bin]]
name = "demo"
"""#

private let workspaceRoot = """
[workspace]
members = ["crates/*"]   # all of them
resolver = "2"

[workspace.package]
edition = "2021"
version = "2.1.0"
license = "MIT"

[workspace.dependencies]
serde = { version = "1.0.200" }

"""

private let workspaceRootBumped = """
[workspace]
members = ["crates/*"]   # all of them
resolver = "2"

[workspace.package]
edition = "2021"
version = "2.2.0"
license = "MIT"

[workspace.dependencies]
serde = { version = "1.0.200" }

"""

private let member = """
[package]
name = "demo-core"
version.workspace = true
edition.workspace = true

[dependencies]
serde.workspace = true

"""

private let memberInline = """
[package]
name = "demo-cli"
version = { workspace = true }

"""

private let pep621 = """
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "notes-demo"
# keep in step with the tag
version = '0.3.1'
dependencies = [
    "httpx>=0.27",  # version = "1.0.0"
]

[tool.ruff]
line-length = 100

"""

private let pep621Bumped = """
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "notes-demo"
# keep in step with the tag
version = '0.3.2'
dependencies = [
    "httpx>=0.27",  # version = "1.0.0"
]

[tool.ruff]
line-length = 100

"""

private let poetry = """
[tool.poetry]
name = "demo"
version = "1.0.0-beta.2"
description = "A demo"

[tool.poetry.dependencies]
python = "^3.11"

"""

private let poetryBumped = """
[tool.poetry]
name = "demo"
version = "1.0.0"
description = "A demo"

[tool.poetry.dependencies]
python = "^3.11"

"""

private let crlfCrate = "[package]\r\nname = \"crlf\"\r\nversion = \"0.1.0\"\r\n\r\n[dependencies]\r\n"
private let crlfCrateBumped = "[package]\r\nname = \"crlf\"\r\nversion = \"0.2.0\"\r\n\r\n[dependencies]\r\n"
private let noFinalNewline = "[package]\nname = \"tail\"\nversion = \"3.0.0\""
private let noFinalNewlineBumped = "[package]\nname = \"tail\"\nversion = \"3.0.1\""

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

// MARK: - Edits: the whole file is compared

/// One version-file edit: find the version, splice the new one in, compare the whole file.
struct VersionFileEditCase: CustomTestStringConvertible, Sendable {
    enum Finder: Sendable { case cargo, pyproject, marker, toml([String]) }
    var name: String
    var finder: Finder
    var input: String
    var keyPath: [String]
    var old: String
    var line: Int
    var new: String
    var expected: String
    var testDescription: String { name }
}

private let editCases: [VersionFileEditCase] = [
    .init(name: "crate with comments, metadata, deps and a multi-line string", finder: .cargo, input: crate,
          keyPath: ["package", "version"], old: "1.4.2", line: 5, new: "1.5.0", expected: crateBumped),
    .init(name: "workspace root", finder: .cargo, input: workspaceRoot,
          keyPath: ["workspace", "package", "version"], old: "2.1.0", line: 7, new: "2.2.0",
          expected: workspaceRootBumped),
    .init(name: "CRLF Cargo.toml", finder: .cargo, input: crlfCrate,
          keyPath: ["package", "version"], old: "0.1.0", line: 3, new: "0.2.0", expected: crlfCrateBumped),
    .init(name: "no final newline", finder: .cargo, input: noFinalNewline,
          keyPath: ["package", "version"], old: "3.0.0", line: 3, new: "3.0.1", expected: noFinalNewlineBumped),
    .init(name: "PEP 621 literal string", finder: .pyproject, input: pep621,
          keyPath: ["project", "version"], old: "0.3.1", line: 8, new: "0.3.2", expected: pep621Bumped),
    .init(name: "poetry", finder: .pyproject, input: poetry,
          keyPath: ["tool", "poetry", "version"], old: "1.0.0-beta.2", line: 3, new: "1.0.0", expected: poetryBumped),
    .init(name: "top-level dotted key", finder: .toml(["tool", "myapp", "version"]),
          input: "title = \"x\"\ntool.myapp.version = \"1.0.0\" # here\n",
          keyPath: ["tool", "myapp", "version"], old: "1.0.0", line: 2, new: "1.1.0",
          expected: "title = \"x\"\ntool.myapp.version = \"1.1.0\" # here\n"),
    .init(name: "inline table under a header", finder: .toml(["tool", "myapp", "version"]),
          input: "[tool]\nother = { version = \"5.0.0\" }\nmyapp = { name = \"a\", version = \"1.0.0\" }\n",
          keyPath: ["tool", "myapp", "version"], old: "1.0.0", line: 3, new: "2.0.0",
          expected: "[tool]\nother = { version = \"5.0.0\" }\nmyapp = { name = \"a\", version = \"2.0.0\" }\n"),
    .init(name: "quoted keys and spaced header", finder: .toml(["tool", "my app", "version"]),
          input: "[ tool . \"my app\" ]\n'version' = \"0.0.1\"\n[tool.other]\nversion = \"7.7.7\"\n",
          keyPath: ["tool", "my app", "version"], old: "0.0.1", line: 2, new: "0.0.2",
          expected: "[ tool . \"my app\" ]\n'version' = \"0.0.2\"\n[tool.other]\nversion = \"7.7.7\"\n"),
    .init(name: "key after a multi-line literal string and an array of tables", finder: .toml(["meta", "version"]),
          input: "notes = '''\n[meta]\nversion = \"9.9.9\"\n'''\n[[meta2]]\nversion = \"8.8.8\"\n[meta]\nversion = \"1.2.3\"\n",
          keyPath: ["meta", "version"], old: "1.2.3", line: 8, new: "1.2.4",
          expected: "notes = '''\n[meta]\nversion = \"9.9.9\"\n'''\n[[meta2]]\nversion = \"8.8.8\"\n[meta]\nversion = \"1.2.4\"\n"),
    .init(name: "marker in Python", finder: .marker,
          input: "\"\"\"Demo.\"\"\"\n\nAUTHOR = \"1.0.0 fan\"\n__version__ = \"0.1.2\"  # notes:version\n",
          keyPath: [], old: "0.1.2", line: 4, new: "0.2.0",
          expected: "\"\"\"Demo.\"\"\"\n\nAUTHOR = \"1.0.0 fan\"\n__version__ = \"0.2.0\"  # notes:version\n"),
    .init(name: "marker in JavaScript, first SemVer string wins", finder: .marker,
          input: "export const VERSION = ['name', '0.1.2-rc.1'] // notes:version\r\nconst X = \"1.0.0\"\r\n",
          keyPath: [], old: "0.1.2-rc.1", line: 1, new: "0.1.2",
          expected: "export const VERSION = ['name', '0.1.2'] // notes:version\r\nconst X = \"1.0.0\"\r\n"),
]

extension VersionFilesTests {
    @Test("version file edits keep every other byte", arguments: editCases)
    func versionFileEdit(_ row: VersionFileEditCase) throws {
        let input = bytes(row.input)
        let location: VersionLocation
        switch row.finder {
        case .cargo: location = try VersionFiles.cargoManifestVersion(input, path: "Cargo.toml")
        case .pyproject: location = try VersionFiles.pyprojectVersion(input, path: "pyproject.toml")
        case .marker: location = try VersionFiles.markerVersion(input, path: "src/demo.py")
        case .toml(let keyPath): location = try VersionFiles.tomlValue(input, keyPath: keyPath, path: "x.toml")
        }
        #expect(location.keyPath == row.keyPath)
        #expect(location.value == row.old)
        #expect(location.line == row.line)
        #expect(!location.isWorkspaceInherited)
        let edit = VersionFiles.edit(location, in: input, to: row.new)
        #expect(edit.oldVersion == row.old)
        #expect(text(edit.newBytes) == row.expected)
        // Running it again with the same version changes nothing.
        let again = VersionFiles.replacing(location, in: edit.newBytes, with: row.new)
        #expect(again == edit.newBytes || row.old.utf8.count != row.new.utf8.count)
    }
}

// MARK: - Cargo workspaces

extension VersionFilesTests {
    @Test("workspace-inherited versions", arguments: [member, memberInline])
    func inheritedVersion(_ manifest: String) throws {
        let location = try VersionFiles.cargoManifestVersion(bytes(manifest), path: "crates/a/Cargo.toml")
        #expect(location.isWorkspaceInherited)
        #expect(location.keyPath == ["package", "version"])
        #expect(location.line == 3)
        #expect(VersionFiles.replacing(location, in: bytes(manifest), with: "9.0.0") == bytes(manifest))
    }
}

extension VersionFilesTests {
    @Test func followsAMemberToTheWorkspaceRoot() throws {
        var asked: [String] = []
        let followed = try VersionFiles.cargoWorkspaceVersion(
            memberPath: "crates/a/Cargo.toml", memberBytes: bytes(member)
        ) { path in
            asked.append(path)
            return path == "Cargo.toml" ? bytes(workspaceRoot) : nil
        }
        #expect(asked == ["crates/Cargo.toml", "Cargo.toml"])
        #expect(followed.rootPath == "Cargo.toml")
        #expect(followed.location.value == "2.1.0")
        #expect(followed.note
            == "crates/a/Cargo.toml inherits its version from the workspace: Cargo.toml [workspace.package] version = \"2.1.0\"")
        #expect(text(VersionFiles.replacing(followed.location, in: bytes(workspaceRoot), with: "2.2.0")) == workspaceRootBumped)
    }
}

extension VersionFilesTests {
    @Test func followsAnExplicitWorkspacePathAndAbsolutePaths() throws {
        let explicit = "[package]\nname = \"a\"\nworkspace = \"../..\"\nversion.workspace = true\n"
        let followed = try VersionFiles.cargoWorkspaceVersion(memberPath: "/repo/crates/a/Cargo.toml",
                                                              memberBytes: bytes(explicit)) { path in
            path == "/repo/crates/a/../../Cargo.toml" ? bytes(workspaceRoot) : nil
        }
        #expect(followed.rootPath == "/repo/crates/a/../../Cargo.toml")

        var asked: [String] = []
        _ = try? VersionFiles.cargoWorkspaceVersion(memberPath: "/repo/a/Cargo.toml", memberBytes: bytes(member)) {
            asked.append($0)
            return nil
        }
        #expect(asked == ["/repo/Cargo.toml", "/Cargo.toml"])
    }
}

extension VersionFilesTests {
    @Test func aRootPackageCanInheritFromItsOwnWorkspace() throws {
        let root = "[workspace]\n[workspace.package]\nversion = \"0.4.0\"\n\n[package]\nname = \"r\"\nversion.workspace = true\n"
        let followed = try VersionFiles.cargoWorkspaceVersion(memberPath: "Cargo.toml", memberBytes: bytes(root)) { _ in nil }
        #expect(followed.rootPath == "Cargo.toml")
        #expect(followed.location.line == 3)
    }
}

extension VersionFilesTests {
    @Test func workspaceErrors() throws {
        let noRoot = #expect(throws: NotesError.self) {
            try VersionFiles.cargoWorkspaceVersion(memberPath: "crates/a/Cargo.toml", memberBytes: bytes(member)) { _ in nil }
        }
        #expect(noRoot?.exitCode == .badInput)
        #expect(noRoot?.hint == "looked in: crates/a/Cargo.toml, crates/Cargo.toml, Cargo.toml")
        let rootWithoutVersion = #expect(throws: NotesError.self) {
            try VersionFiles.cargoWorkspaceVersion(memberPath: "a/Cargo.toml", memberBytes: bytes(member)) { _ in
                bytes("[workspace]\nmembers = [\"a\"]\n")
            }
        }
        #expect(rootWithoutVersion?.message
            == "a/Cargo.toml inherits its version from the workspace, but Cargo.toml has no [workspace.package] version")
    }
}

// MARK: - Cargo.lock

private let lock = """
# This file is automatically @generated by Cargo.
# It is not intended for manual editing.
version = 4

[[package]]
name = "demo-core"
version = "1.4.2"
dependencies = [
 "serde",
]

[[package]]
name = "serde"
version = "1.4.2"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "abc"

[[package]]
name = "demo-core"
version = "0.9.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

"""

private let lockWithCoreBumped = """
# This file is automatically @generated by Cargo.
# It is not intended for manual editing.
version = 4

[[package]]
name = "demo-core"
version = "1.5.0"
dependencies = [
 "serde",
]

[[package]]
name = "serde"
version = "1.4.2"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "abc"

[[package]]
name = "demo-core"
version = "0.9.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

"""

extension VersionFilesTests {
    /// The path package (no `source`) changes; the registry copy of the same name (0.9.0) never does.
    @Test func cargoLockUpdatesOnlyTheWorkTreesEntry() throws {
        #expect(VersionFiles.lockUpdate(bytes(lock), packageName: "demo-core", source: .cargoPath, to: "1.5.0")
            == .updated(bytes(lockWithCoreBumped), from: "1.4.2"))
        #expect(VersionFiles.lockUpdate(bytes(lockWithCoreBumped), packageName: "demo-core", source: .cargoPath,
                                        to: "1.5.0") == .alreadyAt)
    }

    /// Issue 24 item 9: a registry package of the local package's name, at the same version and listed first,
    /// is left alone (the old splicer changed the first entry with that name and version, the registry's).
    @Test func cargoLockRegistryCopyFirstIsNotTouched() {
        let registry = "[[package]]\nname = \"demo\"\nversion = \"0.1.0\"\n"
            + "source = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"00\"\n\n"
        let local = "[[package]]\nname = \"demo\"\nversion = \"0.1.0\"\n"
        let expected = registry + local.replacingOccurrences(of: "0.1.0", with: "0.2.0")
        #expect(VersionFiles.lockUpdate(bytes(registry + local), packageName: "demo", source: .cargoPath, to: "0.2.0")
            == .updated(bytes(expected), from: "0.1.0"))
        let gitOnly = "[[package]]\nname = \"demo\"\nversion = \"0.1.0\"\nsource = \"git+https://example.com/demo#abc\"\n"
        #expect(VersionFiles.lockUpdate(bytes(gitOnly), packageName: "demo", source: .cargoPath, to: "0.2.0") == .notFound)
    }

    @Test("Cargo.lock without the work tree's entry", arguments: ["missing", "serde"])
    func cargoLockWithoutTheEntry(name: String) {
        #expect(VersionFiles.lockUpdate(bytes(lock), packageName: name, source: .cargoPath, to: "9.9.9") == .notFound)
    }

    /// uv.lock: only `editable`/`virtual`/`directory` sources at the project's folder are the work tree's.
    @Test("uv.lock entries", arguments: [
        ("{ registry = \"https://pypi.org/simple\" }", ".", false),
        ("{ git = \"https://example.com/demo?rev=1#abc\" }", ".", false),
        ("{ url = \"https://example.com/demo-0.1.0.tar.gz\" }", ".", false),
        ("{ path = \"dist/demo-0.1.0.whl\" }", ".", false),
        ("{ editable = \".\" }", ".", true),
        ("{ virtual = \".\" }", ".", true),
        ("{ directory = \"./py/\" }", "py", true),
        ("{ editable = \"packages/demo\" }", "packages/demo", true),
        ("{ editable = \"packages/other\" }", "packages/demo", false),
    ])
    func uvLockEntries(source: String, folder: String, local: Bool) {
        let lock = "version = 1\n\n[[package]]\nname = \"Demo_Py\"\nversion = \"0.1.0\"\nsource = \(source)\n"
        let result = VersionFiles.lockUpdate(bytes(lock), packageName: "demo-py", source: .uvProject(folder: folder),
                                             to: "0.2.0")
        if local {
            #expect(result == .updated(bytes(lock.replacingOccurrences(of: "0.1.0\"\ns", with: "0.2.0\"\ns")),
                                       from: "0.1.0"))
        } else {
            #expect(result == .notFound)
        }
    }
}

// MARK: - Errors

/// One bad version file: the error code, the message and, when given, the hint.
struct VersionFileErrorCase: CustomTestStringConvertible, Sendable {
    enum Finder: Sendable { case cargo, pyproject, marker, toml([String]) }
    var name: String
    var finder: Finder
    var input: String
    var code: NotesError.ExitCode
    var message: String
    var hintContains: String? = nil
    var testDescription: String { name }
}

private let fileErrorCases: [VersionFileErrorCase] = [
    .init(name: "no package version", finder: .cargo, input: "[package]\nname = \"x\"\n[dependencies]\nversion = \"1.0.0\"\n",
          code: .badInput, message: "Cargo.toml holds no [package] version",
          hintContains: "looked for [package] version, [package] version.workspace = true and [workspace.package] version"),
    .init(name: "invalid TOML", finder: .cargo, input: "[package]\nname = \"x\"\nversion = \n",
          code: .badInput, message: "Cargo.toml:3:11: Error while parsing key-value pair: expected value, saw '\\n'"),
    .init(name: "version is a number", finder: .cargo, input: "[package]\nversion = 1\n",
          code: .badInput, message: "Cargo.toml: [package] version is not a string"),
    .init(name: "version with escapes", finder: .cargo, input: "[package]\nversion = \"1.2.\\u0033\"\n",
          code: .badInput, message: "Cargo.toml:2: [package] version is written with escapes"),
    .init(name: "multi-line version", finder: .cargo, input: "[package]\nversion = \"\"\"1.2.3\"\"\"\n",
          code: .badInput, message: "Cargo.toml:2: [package] version is a multi-line string"),
    .init(name: "not UTF-8", finder: .cargo, input: "[package]\nversion = \"1.0.0\"\n# \u{FFFD}\n",
          code: .badInput, message: "Cargo.toml is not valid UTF-8, which TOML requires"),
    .init(name: "no project version", finder: .pyproject, input: "[project]\nname = \"x\"\n",
          code: .badInput, message: "pyproject.toml holds no [project] version",
          hintContains: "looked for [project] version and [tool.poetry] version"),
    .init(name: "dynamic version with hatch", finder: .pyproject,
          input: "[project]\nname = \"x\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\npath = \"src/x/__about__.py\"\n",
          code: .badInput,
          message: "pyproject.toml: the version is dynamic ([project] dynamic = [\"version\"]): it lives elsewhere, not in this file",
          hintContains: "hatch reads it from src/x/__about__.py"),
    .init(name: "dynamic version with setuptools-scm", finder: .pyproject,
          input: "[project]\nname = \"x\"\ndynamic = [\"version\", \"readme\"]\n[tool.setuptools_scm]\n",
          code: .badInput,
          message: "pyproject.toml: the version is dynamic ([project] dynamic = [\"version\"]): it lives elsewhere, not in this file",
          hintContains: "git tags"),
    .init(name: "missing TOML key", finder: .toml(["tool", "x", "version"]), input: "[tool.y]\nversion = \"1.0.0\"\n",
          code: .badInput, message: "x.toml holds no [tool.x] version"),
    .init(name: "key only in an array of tables", finder: .toml(["bin", "version"]),
          input: "[[bin]]\nversion = \"1.0.0\"\n", code: .badInput, message: "x.toml holds no [bin] version"),
    .init(name: "no marker", finder: .marker, input: "__version__ = \"1.0.0\"\n",
          code: .badInput, message: "src/demo.py has no notes:version marker"),
    .init(name: "marker without a version", finder: .marker, input: "x = 1\nVERSION = \"dev\"  # notes:version\n",
          code: .badInput, message: "src/demo.py:2: the notes:version line holds no quoted version"),
]

extension VersionFilesTests {
    @Test("bad version files", arguments: fileErrorCases)
    func badVersionFile(_ row: VersionFileErrorCase) {
        var input = bytes(row.input)
        if row.name == "not UTF-8" { input = input.map { $0 == 0xEF ? 0xFF : $0 } }  // an invalid lead byte
        let error = #expect(throws: NotesError.self) {
            switch row.finder {
            case .cargo: _ = try VersionFiles.cargoManifestVersion(input, path: "Cargo.toml")
            case .pyproject: _ = try VersionFiles.pyprojectVersion(input, path: "pyproject.toml")
            case .marker: _ = try VersionFiles.markerVersion(input, path: "src/demo.py")
            case .toml(let keyPath): _ = try VersionFiles.tomlValue(input, keyPath: keyPath, path: "x.toml")
            }
        }
        #expect(error?.exitCode == row.code)
        #expect(error?.message.hasPrefix(row.message) == true, "\(error?.message ?? "no error")")
        if let hint = row.hintContains {
            #expect(error?.hint?.contains(hint) == true, "\(error?.hint ?? "no hint")")
        }
    }
}

// MARK: - Scanner robustness

extension VersionFilesTests {
    @Test("the scanner never traps on truncated input", arguments: [crate, workspaceRoot, pep621, lock, crlfCrate])
    func scannerSurvivesTruncation(_ document: String) {
        let all = bytes(document)
        for end in 0...all.count {
            _ = TOMLByteScanner.entries(in: Array(all[..<end]))
        }
    }
}
