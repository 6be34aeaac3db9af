import Foundation
@testable import NotesCore
import Testing

/// AtomicFile through symbolic links, onto non-regular files, with modes and temporary files.
@Suite("atomic file writes")
struct AtomicFileTests {
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        subscript(name: String) -> String { path + "/" + name }
        /// The folder as a work tree, its paths named by the repository.
        var scope: PathScope { PathScope(WorkTreeBoundary(root: path), .repository) }
        /// The folder as a work tree, a path named on the command line.
        var commandLine: PathScope { PathScope(WorkTreeBoundary(root: path), .commandLine) }
    }

    static func status(_ path: String, follow: Bool = false) -> stat {
        var result = stat()
        _ = follow ? stat(path, &result) : lstat(path, &result)
        return result
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a symlink stays a link; its target gets the bytes and keeps its mode", arguments: [1, 3])
    func throughSymlinks(depth: Int) throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder["docs"], withIntermediateDirectories: true)
        try "old\n".write(toFile: folder["docs/CHANGELOG.md"], atomically: false, encoding: .utf8)
        chmod(folder["docs/CHANGELOG.md"], 0o640)
        var previous = "docs/CHANGELOG.md"
        for level in 0..<depth {
            let name = level == depth - 1 ? "CHANGELOG.md" : "link\(level)"
            try FileManager.default.createSymbolicLink(atPath: folder[name], withDestinationPath: previous)
            previous = name
        }
        try AtomicFile.write(Array("new\n".utf8), to: folder["CHANGELOG.md"], scope: folder.scope)
        #expect(Self.status(folder["CHANGELOG.md"]).st_mode & S_IFMT == S_IFLNK)
        #expect(Self.read(folder["docs/CHANGELOG.md"]) == "new\n")
        #expect(Self.status(folder["docs/CHANGELOG.md"]).st_mode & 0o7777 == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder["docs"]).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("a dangling symlink is refused (exit 8) and nothing is created")
    func danglingSymlink() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder["README.md"], withDestinationPath: "gone/README.md")
        do {
            try AtomicFile.write(Array("x".utf8), to: folder["README.md"], scope: folder.scope)
            Issue.record("written")
        } catch let error as NotesError {
            #expect(error.exitCode == .file)
            #expect(error.message.contains("symbolic link to gone/README.md, which does not exist"))
        }
        #expect(Self.status(folder["README.md"]).st_mode & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["README.md"])
    }

    @Test("a new file is 0644 minus the umask; an existing file keeps its mode")
    func modes() throws {
        let folder = try Folder()
        let mask = umask(0)
        umask(mask)
        try AtomicFile.write(Array("a".utf8), to: folder["new.md"], scope: folder.scope)
        #expect(Self.status(folder["new.md"]).st_mode & 0o7777 == 0o644 & ~mask)
        try "x".write(toFile: folder["script.sh"], atomically: false, encoding: .utf8)
        chmod(folder["script.sh"], 0o750)
        try AtomicFile.write(Array("y".utf8), to: folder["script.sh"], scope: folder.scope)
        #expect(Self.status(folder["script.sh"]).st_mode & 0o7777 == 0o750)
    }

    @Test("a FIFO named on the command line is written in place, not replaced by a file")
    func fifo() throws {
        let folder = try Folder()
        #expect(mkfifo(folder["pipe"], 0o600) == 0)
        let reader = open(folder["pipe"], O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write(Array("through the pipe".utf8), to: folder["pipe"], scope: folder.commandLine)
        #expect(Self.status(folder["pipe"]).st_mode & S_IFMT == S_IFIFO)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = Foundation.read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer[..<max(0, count)], as: UTF8.self) == "through the pipe")
    }

    @Test("/dev/full is written in place: a clear error, and the device is still a device")
    func deviceNode() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        do {
            try AtomicFile.write(Array("x".utf8), to: "/dev/full", scope: PathScope(WorkTreeBoundary(root: "/nonexistent"), .commandLine))
            Issue.record("written")
        } catch let error as NotesError {
            #expect(error.exitCode == .file)
            #expect(error.message == "cannot write /dev/full: No space left on device")
        }
        #expect(Self.status("/dev/full").st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a directory and an empty path are refused with a reason")
    func refused() throws {
        let folder = try Folder()
        #expect(throws: NotesError.self) { try AtomicFile.write([], to: folder.path, scope: folder.commandLine) }
        do {
            try AtomicFile.write([], to: "", scope: folder.scope)
        } catch let error as NotesError {
            #expect(error.message == "the file path is empty")
        }
        #expect(throws: NotesError.self) { try EditableFile.open(folder.path, displayPath: "", scope: folder.scope) }
    }

    @Test("stale temporary files of our own naming are removed by the next write; others stay")
    func staleTemporaries() throws {
        let folder = try Folder()
        let old = Date().addingTimeInterval(-2 * AtomicFile.staleTemporaryAge)
        for name in [".CHANGELOG.md.notes-123-456.tmp", ".README.md.notes-1-2.tmp", "keep.notes-1-2.tmp", ".x.notes-a-b.tmp",
                     ".fresh.md.notes-7-8.tmp"] {
            try "left".write(toFile: folder[name], atomically: false, encoding: .utf8)
            if name != ".fresh.md.notes-7-8.tmp" {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder[name])
            }
        }
        try AtomicFile.write(Array("a".utf8), to: folder["CHANGELOG.md"], scope: folder.scope)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == ["CHANGELOG.md", "keep.notes-1-2.tmp", ".x.notes-a-b.tmp", ".fresh.md.notes-7-8.tmp"])
    }

    @Test("only names of our own temporary-file pattern count as leftovers")
    func temporaryNames() {
        #expect(AtomicFile.isTemporaryName(".a.md.notes-12-34.tmp"))
        #expect(!AtomicFile.isTemporaryName("a.md"))
        #expect(!AtomicFile.isTemporaryName(".notes-1-2.tmp"))
    }
}
