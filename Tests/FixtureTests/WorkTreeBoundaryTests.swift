import Foundation
import NotesCore
import Testing

/// Issue 24, items 2, 3, 6 (FIFOs), 7 and 12 (bare `init`, `--output /dev/stdout`): a repository's own files
/// cannot make notes write outside the work tree or into `.git`, nor read a file outside it unless the
/// person running notes names it on the command line; nothing notes opens can hang it. Every case checks
/// the exit code, the message, and that nothing was written.
@Suite("the work tree's boundary")
struct WorkTreeBoundaryTests {
    /// A repository at `ROOT/repo` with one tagged release, and a file outside it at `ROOT/outside.txt`.
    final class Sandbox: @unchecked Sendable {
        let root: String
        var repo: String { root + "/repo" }
        var outside: String { root + "/outside.txt" }
        static let secret = "SECRET_TOKEN=do-not-publish\n"

        /// `files` are committed with the first commit.
        init(_ script: String = "", files: [String: String] = [:]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-boundary-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
            try Self.secret.write(toFile: outside, atomically: true, encoding: .utf8)
            for (path, text) in files { try write(path, text) }
            let first = files.isEmpty ? "commit feat: first" : "commit{worktree} feat: first"
            _ = try HistoryScript.build(script: first + "\ntag v0.1.0 annotated\ncommit fix: second\ncheckout\n" + script,
                                        at: repo)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(_ arguments: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
            runNotes(arguments, in: repo, environment: environment)
        }
        func write(_ path: String, _ text: String) throws {
            let full = path.hasPrefix("/") ? path : repo + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        func link(_ path: String, to target: String) throws {
            try FileManager.default.createDirectory(atPath: ((repo + "/" + path) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: repo + "/" + path, withDestinationPath: target)
        }
        func text(_ path: String) -> String? {
            FileManager.default.contents(atPath: path.hasPrefix("/") ? path : repo + "/" + path)
                .map { String(decoding: $0, as: UTF8.self) }
        }
        func exists(_ path: String) -> Bool {
            var status = stat()
            return lstat(path.hasPrefix("/") ? path : repo + "/" + path, &status) == 0
        }
        /// Every path under the git folder with its size and modification time: what "nothing written into
        /// .git" compares (refs and the index included).
        func gitFolderState() -> [String: String] {
            var state: [String: String] = [:]
            let base = repo + "/.git"
            for case let name as String in FileManager.default.enumerator(atPath: base)?.allObjects ?? [] {
                var status = stat()
                guard lstat(base + "/" + name, &status) == 0 else { continue }
                #if canImport(Darwin)
                let modified = status.st_mtimespec
                #else
                let modified = status.st_mtim
                #endif
                state[name] = "\(status.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
            }
            return state
        }
    }

    // MARK: Item 2: writes

    @Test("a committed link CHANGELOG.md, README.md or .agent/ leading out of the repository is refused",
          arguments: [(["changelog", "0.2.0"], "CHANGELOG.md"), (["readme", "0.2.0"], "README.md"),
                      (["changelog", "0.2.0", "--file", "CHANGELOG.md"], "CHANGELOG.md"),
                      (["draft", "--output", "CHANGELOG.md"], "CHANGELOG.md")])
    func linkedFileOut(arguments: [String], file: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("README.md", "# Widget\n\n## Release Notes\n")
        if file == "README.md" { try FileManager.default.removeItem(atPath: sandbox.repo + "/README.md") }
        try sandbox.link(file, to: "../outside.txt")
        let result = sandbox.run(arguments)
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("\(file) resolves to \(sandbox.root)/outside.txt through the symbolic link"), "\(result.err)")
        #expect(result.err.contains("outside the work tree"))
        #expect(result.err.contains("nothing was written"))
        #expect(result.err.contains("hint: "))
        #expect(sandbox.text(sandbox.outside) == Sandbox.secret)
    }

    @Test("todo through a linked .agent folder leading out: refused, nothing created there")
    func linkedAgentFolder() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/elsewhere", withIntermediateDirectories: true)
        try sandbox.link(".agent", to: "../elsewhere")
        let result = sandbox.run(["todo", "0.2.0"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains(".agent/todo.md resolves to \(sandbox.root)/elsewhere/todo.md"), "\(result.err)")
        #expect(!sandbox.exists(sandbox.root + "/elsewhere/todo.md"))
    }

    @Test("[files] naming the git folder is a configuration error (exit 5) naming the key; nothing is written",
          arguments: [".git/hooks/pre-commit", ".git/config", ".git/HEAD", ".git/info/exclude", ".GIT/description"])
    func configuredGitFolder(path: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("notes.toml", "[files]\nchangelog = \"\(path)\"\n")
        let before = sandbox.gitFolderState()
        let result = sandbox.run(["changelog", "0.2.0"])
        #expect(result.code == 5, "\(result.err)")
        #expect(result.err.contains("notes.toml:2: files.changelog: \(path) is inside the repository's git folder (.git)"), "\(result.err)")
        #expect(sandbox.gitFolderState() == before)
    }

    @Test("--package .git, --file .git/config, --output .git/x: the git folder is refused with exit 8",
          arguments: [["changelog", "0.2.0", "--package", ".git"], ["changelog", "0.2.0", "--file", ".git/config"],
                      ["readme", "0.2.0", "--file", ".git/description"], ["draft", "--output", ".git/hooks/pre-commit"],
                      ["todo", "0.2.0", "--file", ".git/info/exclude"]])
    func gitFolderFromTheCommandLine(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let before = sandbox.gitFolderState()
        let result = sandbox.run(arguments)
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains(arguments.contains("--package") ? "--package .git is the repository's git folder"
                                        : "is inside the git folder \(sandbox.repo)/.git"), "\(result.err)")
        #expect(result.err.contains("notes never writes files there; nothing was written"))
        #expect(sandbox.gitFolderState() == before)
        #expect(!sandbox.exists(".git/CHANGELOG.md"))
    }

    @Test("a link inside the work tree into .git is refused (CHANGELOG.md -> .git/config)")
    func linkIntoGitFolder() throws {
        let sandbox = try Sandbox()
        try sandbox.link("CHANGELOG.md", to: ".git/config")
        let config = sandbox.text(".git/config")
        let result = sandbox.run(["changelog", "0.2.0"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("CHANGELOG.md is inside the git folder \(sandbox.repo)/.git (it resolves to \(sandbox.repo)/.git/config)"), "\(result.err)")
        #expect(sandbox.text(".git/config") == config)
    }

    @Test("init --force through a notes.toml link leading out: refused, the target unchanged")
    func initThroughLink() throws {
        let sandbox = try Sandbox()
        try sandbox.link("notes.toml", to: "../outside.txt")
        let result = sandbox.run(["init", "--force"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("notes.toml resolves to \(sandbox.root)/outside.txt"), "\(result.err)")
        #expect(sandbox.text(sandbox.outside) == Sandbox.secret)
    }

    @Test("init --templates through a linked .notes folder leading out: refused before anything is written")
    func initTemplatesThroughLink() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.root + "/elsewhere", withIntermediateDirectories: true)
        try sandbox.link(".notes", to: "../elsewhere")
        let result = sandbox.run(["init", "--templates"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("resolves to \(sandbox.root)/elsewhere/templates/"), "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/elsewhere").isEmpty)
        #expect(!sandbox.exists("notes.toml"), "nothing is written when one file is refused")
    }

    @Test("bump following version.workspace = true to a workspace root outside the repository: refused")
    func workspaceRootOutside() throws {
        let sandbox = try Sandbox()
        let outer = "[workspace]\nmembers = [\"repo\"]\n\n[workspace.package]\nversion = \"0.1.0\"\n"
        try outer.write(toFile: sandbox.root + "/Cargo.toml", atomically: true, encoding: .utf8)
        try sandbox.write("Cargo.toml", "[package]\nname = \"widget\"\nversion.workspace = true\nworkspace = \"..\"\n")
        let result = sandbox.run(["bump", "--to", "0.2.0"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("../Cargo.toml resolves to \(sandbox.root)/Cargo.toml, outside the work tree"), "\(result.err)")
        #expect(sandbox.text(sandbox.root + "/Cargo.toml") == outer)
    }

    @Test("bump through a Cargo.toml link leading out: refused, the target unchanged")
    func linkedVersionFile() throws {
        let sandbox = try Sandbox()
        let outer = "[package]\nname = \"widget\"\nversion = \"0.1.0\"\n"
        try outer.write(toFile: sandbox.root + "/Cargo.toml", atomically: true, encoding: .utf8)
        try sandbox.link("Cargo.toml", to: "../Cargo.toml")
        let result = sandbox.run(["bump", "--to", "0.2.0"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("Cargo.toml resolves to \(sandbox.root)/Cargo.toml"), "\(result.err)")
        #expect(sandbox.text(sandbox.root + "/Cargo.toml") == outer)
    }

    @Test("release with a linked CHANGELOG.md leading out: refused, no file changed, no tag")
    func releaseThroughLink() throws {
        let cargo = "[package]\nname = \"widget\"\nversion = \"0.1.0\"\n"
        let sandbox = try Sandbox(files: ["Cargo.toml": cargo, "notes.toml": "[files]\nchangelog = \"docs/CHANGELOG.md\"\n",
                                          "docs/keep.txt": "x\n"])
        try sandbox.link("docs/CHANGELOG.md", to: "../../outside.txt")
        let result = sandbox.run(["release", "0.2.0"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("docs/CHANGELOG.md resolves to \(sandbox.root)/outside.txt"), "\(result.err)")
        #expect(sandbox.text(sandbox.outside) == Sandbox.secret)
        #expect(sandbox.text("Cargo.toml") == cargo)
        #expect(!sandbox.exists(".git/refs/tags/v0.2.0"))
    }

    @Test("a path named on the command line outside the work tree is written where it points")
    func outputOutside() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["draft", "--output", sandbox.root + "/notes.md"])
        #expect(result.code == 0, "\(result.err)")
        #expect(sandbox.text(sandbox.root + "/notes.md")?.contains("second") == true)
    }

    @Test("init and init --templates in a bare repository: refused (exit 3), nothing in the git folder",
          arguments: [["init"], ["init", "--templates"]])
    func initBare(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let bare = sandbox.root + "/bare.git"
        _ = try HistoryScript.build(script: "", at: sandbox.root + "/scratch")
        try FileManager.default.moveItem(atPath: sandbox.repo + "/.git", toPath: bare)
        let config = bare + "/config"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "bare = false", with: "bare = true").write(toFile: config, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: bare).sorted()
        let result = runNotes(arguments, in: bare)
        #expect(result.code == 3, "\(result.err)")
        #expect(result.err.contains("is bare: it has no work tree for notes.toml"), "\(result.err)")
        #expect(result.err.contains("nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bare).sorted() == before)
    }

    // MARK: Item 3: reads

    @Test("[templates] naming a file outside the work tree or in .git: exit 5 naming the key; nothing published",
          arguments: ["/proc/self/environ", "../outside.txt", ".git/config", "/etc/passwd"])
    func configuredTemplateOutside(path: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("notes.toml", "[templates]\ndraft = \"\(path)\"\n")
        let result = sandbox.run(["draft"], environment: ["SECRET_TOKEN": "do-not-publish"])
        #expect(result.code == 5, "\(result.err)")
        #expect(result.err.contains("notes.toml:2: templates.draft: \(path) is "), "\(result.err)")
        #expect(result.err.contains("--template FILE"))
        #expect(result.out.isEmpty)
        #expect(!result.err.contains("do-not-publish"))
    }

    @Test("[templates] naming a link in the work tree that leads out: exit 5 naming the key and where it leads")
    func configuredTemplateLink() throws {
        let sandbox = try Sandbox()
        try sandbox.link("t/draft.md", to: "../../outside.txt")
        try sandbox.write("notes.toml", "[templates]\ndraft = \"t/draft.md\"\n")
        let result = sandbox.run(["draft"])
        #expect(result.code == 5, "\(result.err)")
        #expect(result.err.contains("notes.toml:2: templates.draft: t/draft.md resolves to \(sandbox.root)/outside.txt through the symbolic link"), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test("a template in .notes/templates/ leading out (or to /proc/self/environ): exit 4; nothing published",
          arguments: ["../../../outside.txt", "/proc/self/environ"])
    func folderTemplateLink(target: String) throws {
        let sandbox = try Sandbox()
        try sandbox.link(".notes/templates/release-notes.md", to: target)
        let result = sandbox.run(["draft"], environment: ["SECRET_TOKEN": "do-not-publish"])
        #expect(result.code == 4, "\(result.err)")
        #expect(result.err.contains(".notes/templates/release-notes.md resolves to "), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(!result.err.contains("do-not-publish"))
    }

    @Test("a template in the repository over 1 MiB is refused (exit 4)")
    func templateTooLarge() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".notes/templates/release-notes.md", String(repeating: "x", count: (1 << 20) + 1))
        let result = sandbox.run(["draft"])
        #expect(result.code == 4, "\(result.err)")
        #expect(result.err.contains("over the limit of 1048576 bytes"), "\(result.err)")
    }

    @Test("[templates] folder outside the work tree or in .git: exit 5", arguments: ["/etc", "../", ".git"])
    func templateFolderOutside(folder: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("notes.toml", "[templates]\nfolder = \"\(folder)\"\n")
        let result = sandbox.run(["draft"])
        #expect(result.code == 5, "\(result.err)")
        #expect(result.err.contains("notes.toml:2: templates.folder: \(folder) is "), "\(result.err)")
    }

    @Test("--template names a file outside the work tree: read, because the person running notes named it")
    func templateFromTheCommandLine() throws {
        let sandbox = try Sandbox()
        try "Outside {{release.title}}\n".write(toFile: sandbox.root + "/t.md", atomically: true, encoding: .utf8)
        let result = sandbox.run(["draft", "--template", sandbox.root + "/t.md"])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Outside "))
    }

    @Test("a notes.toml or .mailmap link leading out is not read",
          arguments: [("notes.toml", Int32(5)), (".mailmap", Int32(8))])
    func repositoryFilesOut(file: String, code: Int32) throws {
        let sandbox = try Sandbox()
        try sandbox.link(file, to: "../outside.txt")
        let result = sandbox.run(["draft"])
        #expect(result.code == code, "\(result.err)")
        #expect(result.err.contains("\(file) resolves to \(sandbox.root)/outside.txt"), "\(result.err)")
        #expect(!result.err.contains("do-not-publish"))
        #expect(result.out.isEmpty)
    }

    // MARK: Item 6 (FIFOs) and 7

    @Test("GITHUB_OUTPUT without a final newline: the values start on a new line")
    func githubOutputWithoutNewline() throws {
        let sandbox = try Sandbox()
        try "earlier=1".write(toFile: sandbox.root + "/out", atomically: true, encoding: .utf8)
        let result = sandbox.run(["attach", "0.1.0"], environment: ["GITHUB_OUTPUT": sandbox.root + "/out"])
        #expect(result.code == 0, "\(result.err)")
        #expect(sandbox.text(sandbox.root + "/out")?.hasPrefix("earlier=1\nversion=0.1.0\ntag=v0.1.0\n") == true)
    }

    @Test("GITHUB_OUTPUT or GITHUB_STEP_SUMMARY in the git folder: refused before the note is written",
          arguments: ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"])
    func githubFilesInGitFolder(variable: String) throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["attach", "0.1.0"], environment: [variable: sandbox.repo + "/.git/hooks/post-checkout"])
        #expect(result.code == 8, "\(result.err)")
        #expect(result.err.contains("\(variable) (\(sandbox.repo)/.git/hooks/post-checkout) is inside the git folder"), "\(result.err)")
        #expect(!sandbox.exists(".git/hooks/post-checkout"))
        #expect(!sandbox.exists(".git/refs/notes/release"))
    }

    /// The built `notes` run in a child process under `timeout -s KILL` (the test runner starts processes
    /// with SIGTERM blocked), so that a hang fails the test (exit 137) instead of stopping the suite.
    func spawn(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String) {
        let binary = try #require(ClosedOutputTests.binary, "the notes executable is not built next to the tests")
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-s", "KILL", "20", binary] + arguments
        } else {  // macOS has no timeout(1): the test then has no guard against a hang
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var base = ["SOURCE_DATE_EPOCH": "1764028800", "PATH": "/usr/bin:/bin",
                    "GIT_COMMITTER_NAME": "Ada Maintainer", "GIT_COMMITTER_EMAIL": "ada@example.com"]
        base.merge(environment) { $1 }
        process.environment = base
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test("GITHUB_OUTPUT / GITHUB_STEP_SUMMARY a FIFO with no reader: exit 8 at once, no note written",
          arguments: ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"])
    func githubFifo(variable: String) throws {
        let sandbox = try Sandbox()
        #expect(mkfifo(sandbox.root + "/fifo", 0o600) == 0)
        let result = try spawn(["attach", "0.1.0"], in: sandbox.repo, environment: [variable: sandbox.root + "/fifo"])
        #expect(result.status == 8, "\(result.err)")
        #expect(result.err.contains("\(variable) names \(sandbox.root)/fifo, which is a FIFO, not a regular file"), "\(result.err)")
        #expect(!sandbox.exists(".git/refs/notes/release"))
    }

    @Test("init --force with notes.toml a FIFO: exit 8 at once, the FIFO left as it is")
    func initFifo() throws {
        let sandbox = try Sandbox("fifo notes.toml\n")
        let result = try spawn(["init", "--force"], in: sandbox.repo)
        #expect(result.status == 8, "\(result.err)")
        #expect(result.err.contains("notes.toml is not a regular file (a FIFO)"), "\(result.err)")
        var status = stat()
        #expect(lstat(sandbox.repo + "/notes.toml", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a FIFO where the repository names a file: refused, never opened blocking",
          arguments: [(["changelog", "0.2.0"], "CHANGELOG.md", Int32(8)), (["draft"], "notes.toml", Int32(5)),
                      (["draft"], ".mailmap", Int32(8)), (["draft"], ".notes/templates/release-notes.md", Int32(4))])
    func repositoryFifo(arguments: [String], file: String, code: Int32) throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: ((sandbox.repo + "/" + file) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        #expect(mkfifo(sandbox.repo + "/" + file, 0o644) == 0)
        let result = try spawn(arguments, in: sandbox.repo)
        #expect(result.status == code, "\(result.err)")
        #expect(result.err.contains("is not a regular file (a FIFO)"), "\(result.err)")
    }

    @Test("--output /dev/stdout works when stdout is a pipe")
    func outputDevStdoutPipe() throws {
        let sandbox = try Sandbox()
        let result = try spawn(["draft", "--output", "/dev/stdout"], in: sandbox.repo)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("second"))
    }

    @Test("--output naming a FIFO without a reader: exit 8, no hang")
    func outputFifoWithoutReader() throws {
        let sandbox = try Sandbox()
        #expect(mkfifo(sandbox.root + "/fifo", 0o600) == 0)
        let result = try spawn(["draft", "--output", sandbox.root + "/fifo"], in: sandbox.repo)
        #expect(result.status == 8, "\(result.err)")
        #expect(result.err.contains("a FIFO (a pipe) that no process is reading"), "\(result.err)")
    }
}
