import Foundation
@testable import NotesCore
import Testing

/// ``WorkTreeBoundary``'s decision as a table: a layout of links in a temporary work tree, a path, who named
/// it, and whether a write is allowed (and where it lands) or refused (and why).
@Suite("work tree boundary: resolution and the rule")
struct WorkTreeBoundaryResolutionTests {
    /// `ROOT/repo` (the work tree, with `.git/`), `ROOT/outside.txt`, `ROOT/elsewhere/`, and links in the work
    /// tree: `out -> ../outside.txt`, `dir -> ../elsewhere`, `in -> docs/CHANGELOG.md`, `chain -> in`,
    /// `git -> .git/config`, `gone -> missing/file`, `loop1 <-> loop2`, `up -> ..`.
    final class Layout {
        let root: String
        var repo: String { root + "/repo" }
        let boundary: WorkTreeBoundary
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("boundary-\(UUID().uuidString)").path
            let manager = FileManager.default
            try manager.createDirectory(atPath: root + "/repo/.git", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: root + "/repo/docs", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
            try "x".write(toFile: root + "/outside.txt", atomically: true, encoding: .utf8)
            try "x".write(toFile: root + "/repo/docs/CHANGELOG.md", atomically: true, encoding: .utf8)
            try "x".write(toFile: root + "/repo/.git/config", atomically: true, encoding: .utf8)
            for (link, target) in [("out", "../outside.txt"), ("dir", "../elsewhere"), ("in", "docs/CHANGELOG.md"),
                                   ("chain", "in"), ("git", ".git/config"), ("gone", "missing/file"),
                                   ("loop1", "loop2"), ("loop2", "loop1"), ("up", ".."), ("abs", root + "/outside.txt")] {
                try manager.createSymbolicLink(atPath: root + "/repo/" + link, withDestinationPath: target)
            }
            boundary = WorkTreeBoundary(workTree: root + "/repo", gitDir: root + "/repo/.git")
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    enum Expected: Sendable, CustomStringConvertible {
        case lands(String)  // relative to ROOT
        case refused(String)  // a phrase of the message
        var description: String {
            switch self {
            case .lands(let path): "lands at \(path)"
            case .refused(let phrase): "refused: \(phrase)"
            }
        }
    }

    static let repositoryRows: [(String, Expected)] = [
        ("CHANGELOG.md", .lands("repo/CHANGELOG.md")),
        ("docs/CHANGELOG.md", .lands("repo/docs/CHANGELOG.md")),
        ("in", .lands("repo/docs/CHANGELOG.md")),
        ("chain", .lands("repo/docs/CHANGELOG.md")),
        ("docs/../docs/new.md", .lands("repo/docs/new.md")),
        ("new/folder/file.md", .lands("repo/new/folder/file.md")),
        ("out", .refused("resolves to ROOT/outside.txt through the symbolic link ROOT/repo/out -> ../outside.txt, outside the work tree")),
        ("abs", .refused("outside the work tree")),
        ("dir/todo.md", .refused("resolves to ROOT/elsewhere/todo.md")),
        ("up/outside.txt", .refused("resolves to ROOT/outside.txt")),
        ("../outside.txt", .refused("outside the work tree")),
        (".git/config", .refused("is inside the git folder ROOT/repo/.git")),
        (".git/hooks/pre-commit", .refused("is inside the git folder")),
        ("git", .refused("is inside the git folder ROOT/repo/.git (it resolves to ROOT/repo/.git/config)")),
        ("docs/.GIT/x", .refused("is inside the git folder ROOT/repo/docs/.GIT")),
        ("gone", .refused("is a symbolic link to missing/file, which does not exist")),
        ("loop1", .refused("too many levels of symbolic links")),
        ("docs/CHANGELOG.md/x", .refused("is a file, not a folder")),
        ("docs", .refused("is a directory")),
    ]

    @Test("paths the repository names", arguments: repositoryRows)
    func repository(path: String, expected: Expected) throws {
        try check(path, origin: .repository, expected: expected)
    }

    static let commandLineRows: [(String, Expected)] = [
        ("../outside.txt", .lands("outside.txt")),  // the person running notes named a file outside
        ("../elsewhere/new.md", .lands("elsewhere/new.md")),
        ("out", .refused("outside the work tree")),  // named inside the work tree: the repository's link leads out
        ("dir/todo.md", .refused("outside the work tree")),
        (".git/config", .refused("inside the git folder")),
        ("in", .lands("repo/docs/CHANGELOG.md")),
    ]

    @Test("paths named on the command line", arguments: commandLineRows)
    func commandLine(path: String, expected: Expected) throws {
        try check(path, origin: .commandLine, expected: expected)
    }

    func check(_ path: String, origin: PathOrigin, expected: Expected) throws {
        let layout = try Layout()
        let root = WorkTreeBoundary.realPath(layout.root) ?? layout.root
        do {
            let resolution = try layout.boundary.writeTarget(layout.repo + "/" + path, origin: origin, display: path)
            guard case .lands(let relative) = expected else {
                Issue.record("\(path) was allowed: \(resolution.path)")
                return
            }
            #expect(resolution.path == root + "/" + relative)
        } catch let error as NotesError {
            guard case .refused(let phrase) = expected else {
                Issue.record("\(path) was refused: \(error.message)")
                return
            }
            #expect(error.exitCode == .file)
            #expect(error.message.contains(phrase.replacingOccurrences(of: "ROOT", with: root)), "\(error.message)")
        }
    }

    @Test("a pipe's descriptor (/dev/stdout on a pipe) is written in place when named outside the work tree; a repository link to it is refused")
    func pipeDescriptor() throws {
        let layout = try Layout()
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let named = "/proc/self/fd/\(ends[1])"
        let allowed = try layout.boundary.writeTarget(named, origin: .commandLine, display: named)
        #expect(allowed.kind == .fifo && allowed.path == named)
        try FileManager.default.createSymbolicLink(atPath: layout.repo + "/piped", withDestinationPath: named)
        for origin in [PathOrigin.commandLine, .repository] {
            #expect(throws: NotesError.self) {
                _ = try layout.boundary.writeTarget(layout.repo + "/piped", origin: origin, display: "piped")
            }
        }
    }

    @Test("a bare repository has no place for the repository's paths (exit 3), and none of its files are read")
    func bare() throws {
        let layout = try Layout()
        let bare = WorkTreeBoundary(workTree: nil, gitDir: layout.repo + "/.git")
        #expect(throws: NotesError.self) { _ = try bare.writeTarget(layout.root + "/x.md", origin: .repository, display: "x.md") }
        #expect(try bare.read(layout.repo + "/.git/config", origin: .repository, display: "config") == nil)
        // A path named on the command line outside the git folder is still written.
        #expect(try bare.writeTarget(layout.root + "/x.md", origin: .commandLine, display: "x.md").kind == .missing)
    }

    @Test("reading: a regular file inside; a FIFO, a folder or a link out refused; a limit")
    func reading() throws {
        let layout = try Layout()
        #expect(try layout.boundary.read(layout.repo + "/in", origin: .repository, display: "in") == Array("x".utf8))
        #expect(try layout.boundary.read(layout.repo + "/nothing", origin: .repository, display: "nothing") == nil)
        #expect(mkfifo(layout.repo + "/fifo", 0o600) == 0)
        #expect(throws: NotesError.self) { _ = try layout.boundary.read(layout.repo + "/fifo", origin: .repository, display: "fifo") }
        #expect(throws: NotesError.self) { _ = try layout.boundary.read(layout.repo + "/out", origin: .repository, display: "out") }
        #expect(throws: NotesError.self) {
            _ = try layout.boundary.read(layout.repo + "/in", origin: .repository, display: "in", limit: 0)
        }
        #expect(try layout.boundary.read(layout.root + "/outside.txt", origin: .commandLine, display: "o") == Array("x".utf8))
        // A link out of the work tree is refused whether or not its target exists: the answer must not tell
        // the repository what exists outside it.
        try FileManager.default.createSymbolicLink(atPath: layout.repo + "/probe", withDestinationPath: "../nothing-here")
        #expect(throws: NotesError.self) { _ = try layout.boundary.read(layout.repo + "/probe", origin: .repository, display: "probe") }
        #expect(throws: NotesError.self) {
            _ = try layout.boundary.read(layout.repo + "/dir/absent.md", origin: .repository, display: "dir/absent.md")
        }
    }
}
