import Foundation
import Testing
@testable import NotesCore

struct EditableFileTests {
    static func scope(_ folder: String) -> PathScope { PathScope(WorkTreeBoundary(root: folder), .repository) }

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notes-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func notUTF8NamesLineAndOffset() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/CHANGELOG.md"
        FileManager.default.createFile(atPath: path, contents: Data([0x23, 0x20, 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
        #expect {
            _ = try EditableFile.open(path, displayPath: "CHANGELOG.md", scope: Self.scope(folder))
        } throws: { error in
            let error = error as! NotesError
            return error.exitCode == .file && error.message.hasPrefix("CHANGELOG.md:2: not valid UTF-8 (byte offset 7)")
        }
    }

    @Test func directoryIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/README.md", withIntermediateDirectories: true)
        #expect {
            _ = try EditableFile.open(folder + "/README.md", displayPath: "README.md", scope: Self.scope(folder))
        } throws: { ($0 as! NotesError).message == "README.md is a directory, not a file" }
    }

    @Test func readOnlyFileIsLeftIntact() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/todo.md"
        FileManager.default.createFile(atPath: path, contents: Data("- [ ] a\n".utf8))
        chmod(path, 0o444)
        #expect {
            _ = try EditableFile.open(path, displayPath: "todo.md", scope: Self.scope(folder))
        } throws: { ($0 as! NotesError).message.contains("read-only") }
        #expect(FileManager.default.contents(atPath: path) == Data("- [ ] a\n".utf8))
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: NotesError.self) { _ = try EditableFile.open("/nonexistent-\(UUID())/x.md", displayPath: "x.md", scope: Self.scope("/")) }
    }

    @Test func writeModesWriteOnlyWhenAskedAndKeepPermissions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/f.md"
        FileManager.default.createFile(atPath: path, contents: Data("a\n".utf8))
        chmod(path, 0o640)
        let change = FileChange(path: path, displayPath: "f.md", before: utf8("a\n"), after: utf8("a\nb\n"), summary: "s", scope: Self.scope(folder))
        let dry = try change.apply(.dryRun)
        #expect(dry.out == "--- a/f.md\n+++ b/f.md\n@@ -1 +1,2 @@\n a\n+b\n")
        #expect(FileManager.default.contents(atPath: path) == Data("a\n".utf8))
        #expect {
            _ = try change.apply(.check)
        } throws: { ($0 as! NotesError).exitCode == .checkFailed }
        #expect(FileManager.default.contents(atPath: path) == Data("a\n".utf8))
        _ = try change.apply(.write)
        #expect(FileManager.default.contents(atPath: path) == Data("a\nb\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber
        #expect(mode.intValue == 0o640)
    }
}
