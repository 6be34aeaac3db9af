import Foundation
import NotesCLI
import NotesGit
import Testing

/// Every configuration key × every command that should read it: with the key set, the command's output
/// or what it leaves in the repository differs from the run without it. A key that a command reads and
/// then ignores (the bug class of two settings stacks) fails its row.
@Suite("configuration keys × commands")
struct ConfigurationByCommandTests {
    /// One repository, built fresh for each run: a crate at 0.1.0 with a changelog, a README with two
    /// candidate release-notes sections, a task list, a `pkg/` package, tags `v0.1.0` and `widget-v0.1.1`.
    static let history = """
        remote origin https://github.com/acme/widget.git
        config user.name Ada Maintainer
        config user.email ada@example.com
        commit{worktree} chore: initial
        tag v0.1.0 annotated
        commit{files=src/old.rs} feat(api): older feature
        tag widget-v0.1.1 annotated
        commit{files=src/a.rs} feat(api): add widget (#12)
        commit{files=src/b.rs} fix(core): crash on empty, thanks @octocat
        | Closes #7
        commit{files=pkg/p.rs} feat(pkg): package feature
        commit{files=src/c.rs} refactor(api)!: rename the widget call
        commit{files=src/d.rs} feat(api): add gadgets
        |
        | fix(core): handle gadgets on empty input
        commit{files=docs/x.md; author=dependabot[bot] <bot@example.com>} docs: guide
        checkout
        """

    static let files: [String: String] = [
        "Cargo.toml": "[package]\nname = \"widget\"\nversion = \"0.1.0\"\n",
        "pkg/Cargo.toml": "[package]\nname = \"pkg\"\nversion = \"0.1.0\"\n",
        "other.toml": "[tool]\nversion = \"0.1.0\"\n",
        "CHANGELOG.md": "# Changelog\n\n## [0.1.0] - 2025-01-01\n\n- first\n",
        "HISTORY.md": "# History\n\n## [0.1.0] - 2025-01-01\n\n- first\n",
        "README.md": "# widget\n\n## Release Notes\n\n### 0.1.0 — 2025-01-01\n\n- first\n- second\n- third\n- fourth\n- fifth\n\n### 0.0.9 — 2024-12-01\n\n- older\n\n## Changes\n\n### 0.1.0 — 2025-01-01\n\n- first\n",
        "DOCS.md": "# docs\n\n## Release Notes\n\n### 0.1.0 — 2025-01-01\n\n- first\n",
        ".agent/todo.md": "# Tasks\n\n## Backlog\n\n- [ ] something\n\n## Done\n\n- [x] old\n",
        "alt-todo.md": "# Other tasks\n",
        "tpl/release-notes.md": "{{% CONTENT_TYPE: TEXT}}\nFOLDER NOTES {{release.title}}\n",
        "tpl/changelog-entry.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\nFOLDER CHANGELOG\n",
        "tpl/readme-entry.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\n- FOLDER README\n",
        "tpl/todo.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\n- [ ] FOLDER TODO\n",
        "t/notes.md": "{{% CONTENT_TYPE: TEXT}}\nCUSTOM NOTES {{release.title}}\n",
        "t/changelog.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\nCUSTOM CHANGELOG\n",
        "t/readme.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\n- CUSTOM README\n",
        "t/todo.md": "{{% CONTENT_TYPE: TEXT}}\n{{heading}}\n\n- [ ] CUSTOM TODO\n",
    ]

    struct Row: CustomStringConvertible, Sendable {
        var key: String
        var command: String
        var arguments: [String]
        var toml: String
        var description: String { "\(key) × \(command)" }
    }

    // The commands, as each row runs them; `$V` is the version released.
    static let draft = ["draft", "0.2.0"]
    static let changelog = ["changelog", "0.2.0", "--dry-run"]
    static let readme = ["readme", "0.2.0", "--dry-run"]
    static let todo = ["todo", "0.2.0", "--dry-run"]
    static let bump = ["bump", "--dry-run"]
    static let check = ["check", "0.2.0"]
    // --force: the version files hold 0.1.0, which tag's preflight would refuse (that has its own fixtures).
    static let tag = ["tag", "0.2.0", "--force"]
    static let attach = ["attach", "0.1.0"]
    static let release = ["release", "0.2.0"]
    static let releaseDry = ["release", "0.2.0", "--dry-run"]

    static func rows(_ key: String, _ toml: String, _ commands: [(String, [String])]) -> [Row] {
        commands.map { Row(key: key, command: $0.0, arguments: $0.1, toml: toml) }
    }

    static let notesCommands: [(String, [String])] = [
        ("draft", draft), ("changelog", changelog), ("tag", tag), ("attach", attach), ("release", releaseDry),
    ]

    static let all: [Row] =
        rows("tags.prefix", "[tags]\nprefix = \"widget-v\"\n", [
            ("draft", draft), ("changelog", changelog), ("readme", readme), ("todo", todo), ("bump", bump),
            ("check", check), ("tag", tag), ("release", release),
        ])
        + rows("tags.tagger_name/tagger_email", "[tags]\ntagger_name = \"Rel Bot\"\ntagger_email = \"rel@example.com\"\n",
               [("tag", tag), ("attach", attach), ("release", release)])
        + rows("release.branch", "[release]\nbranch = \"trunk\"\n", [("check", check), ("release", release)])
        + rows("release.notes_ref", "[release]\nnotes_ref = \"refs/notes/published\"\n", [("attach", attach)])
        + rows("bump.feature_below_one_bumps_patch", "[bump]\nfeature_below_one_bumps_patch = false\n",
               // pkg/ has a feature and no breaking change
               [("bump", bump + ["--package", "pkg"]), ("release", ["release", "--dry-run", "--package", "pkg"])])
        + rows("bump.breaking_below_one_bumps_minor", "[bump]\nbreaking_below_one_bumps_minor = false\n",
               [("bump", bump), ("release", ["release", "--dry-run"])])
        + rows("commits.hidden_types", "[commits]\nhidden_types = [\"fix\"]\n",
               notesCommands + [("readme", readme)])
        + rows("commits.maintenance", "[commits]\nmaintenance = []\n",
               [("draft", draft), ("tag", tag), ("attach", attach), ("release", releaseDry)])
        + rows("commits.split_body", "[commits]\nsplit_body = false\n",
               [("draft", draft), ("changelog", changelog), ("tag", tag), ("release", releaseDry)])
        + rows("commits.scopes", "[commits]\nscopes = [\"core\"]\n", notesCommands + [("readme", readme), ("todo", todo)])
        + rows("skip", "[[skip]]\nsubject = \"add widget\"\n", notesCommands + [("readme", readme), ("todo", todo)])
        + rows("section", "[[section]]\nid = \"new\"\ntitle = \"New stuff\"\ntypes = [\"feat\"]\n", notesCommands + [("readme", readme)])
        // The contributors list is in the release notes (draft, the tag message, attach), not in file entries.
        + rows("contributors.bots", "[contributors]\nbots = \"hide\"\n",
               [("draft", draft), ("tag", tag), ("release", releaseDry)])
        + rows("contributors.handles", "[contributors.handles]\n\"alice@example.com\" = \"alice-e\"\n",
               [("draft", draft), ("tag", tag), ("attach", attach), ("release", releaseDry)])
        + rows("links.forge", "[links]\nforge = \"none\"\n", notesCommands)
        + rows("links.repository", "[links]\nrepository = \"other/repo\"\n", notesCommands)
        + rows("links.host", "[links]\nhost = \"https://git.example.com\"\n", notesCommands)
        + rows("links.remote", "[links]\nremote = \"nowhere\"\n", notesCommands)
        + rows("links.mentions", "[links]\nmentions = \"keep\"\n", notesCommands + [("readme", readme)])
        + rows("templates.folder", "[templates]\nfolder = \"tpl\"\n", [
            ("draft", draft), ("changelog", changelog), ("readme", readme), ("todo", todo), ("tag", tag),
            ("attach", attach), ("release", releaseDry),
        ])
        + rows("templates.draft", "[templates]\ndraft = \"t/notes.md\"\n", [("draft", draft), ("tag", tag), ("attach", attach), ("release", release)])
        + rows("templates.changelog", "[templates]\nchangelog = \"t/changelog.md\"\n", [("changelog", changelog), ("release", releaseDry)])
        + rows("templates.readme", "[templates]\nreadme = \"t/readme.md\"\n", [("readme", readme), ("release", releaseDry)])
        + rows("templates.todo", "[templates]\ntodo = \"t/todo.md\"\n", [("todo", todo)])
        + rows("files.changelog", "[files]\nchangelog = \"HISTORY.md\"\n", [("changelog", changelog), ("check", check), ("release", releaseDry)])
        + rows("files.readme", "[files]\nreadme = \"DOCS.md\"\n", [("readme", readme), ("check", check), ("release", releaseDry)])
        + rows("files.todo", "[files]\ntodo = \"alt-todo.md\"\n", [("todo", todo)])
        + rows("files.version_files", "[files]\nversion_files = [\"other.toml:tool.version\"]\n",
               [("bump", ["bump"]), ("check", check), ("release", releaseDry)])
        + rows("files.edits", "[files]\nedits = \"alt-edits.toml\"\n", [
            ("draft", draft), ("changelog", changelog), ("readme", readme), ("todo", todo), ("bump", bump),
            ("check", check), ("tag", tag), ("attach", attach), ("release", releaseDry),
        ])
        + rows("readme.heading", "[readme]\nheading = \"Changes\"\n", [("readme", readme), ("check", check), ("release", releaseDry)])
        + rows("readme.keep", "[readme]\nkeep = 1\n", [("readme", readme), ("release", releaseDry)])
        + rows("todo.placement/heading", "[todo]\nplacement = \"before\"\nheading = \"Done\"\n", [("todo", todo)])
        + rows("todo.announce", "[todo]\nannounce = [\"Discord\"]\n", [("todo", todo)])
        // Against `--package pkg` naming the folder: the configured package brings its own prefix and files.
        + rows("package", "[[package]]\nname = \"pkg\"\npaths = [\"pkg\"]\ntag_prefix = \"widget-v\"\nchangelog = \"HISTORY.md\"\nreadme = \"DOCS.md\"\ntodo = \"alt-todo.md\"\nversion_files = [\"other.toml:tool.version\"]\n", [
            ("draft", draft + ["--package", "pkg"]), ("changelog", changelog + ["--package", "pkg"]),
            ("readme", readme + ["--package", "pkg", "--create"]), ("todo", todo + ["--package", "pkg"]),
            ("bump", bump + ["--package", "pkg"]), ("check", check + ["--package", "pkg"]),
            ("tag", tag + ["--package", "pkg"]), ("attach", attach + ["--package", "pkg"]),
            ("release", release + ["--package", "pkg"]),
        ])

    /// Everything a run shows: exit code, stdout, stderr, every file of the work tree, every ref, every tag
    /// with its message and tagger, and the notes.
    static func observe(_ arguments: [String], toml: String, extraFiles: [String: String] = [:]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-keys-\(UUID().uuidString)").path
        let repo = root + "/repo"
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files.merging(extraFiles.merging(["notes.toml": toml]) { $1 }, uniquingKeysWith: { $1 }) {
            let full = repo + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        let built = try HistoryScript.build(script: history, at: repo)
        // Corrections for the `files.edits` row, in every run: only a configuration naming the file applies it.
        // The first release's commit gets a description (attach 0.1.0, check's published entries); the breaking
        // `refactor(api)!` moves to Refactoring, so the bump loses its breaking change.
        let edits = "[edit.\(try built.resolveCommit("v0.1.0").hex)]\ndescription = \"the first release\"\nsection = \"features\"\n\n"
            + "[edit.\(try built.resolveCommit("HEAD~1").hex)]\nsection = \"refactoring\"\n"
        try Data(edits.utf8).write(to: URL(fileURLWithPath: repo + "/alt-edits.toml"))
        let buffer = OutputBuffer()
        let invocation = Invocation(workingDirectory: repo, environment: ["SOURCE_DATE_EPOCH": "1764028800"],
                                    writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
        let code = NotesCLI.run(arguments, invocation: invocation)
        var lines = ["exit \(code)", "stdout:", buffer.out, "stderr:", buffer.err.replacingOccurrences(of: repo, with: "$REPO")]
        let enumerator = FileManager.default.enumerator(atPath: repo)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path == ".git" { enumerator?.skipDescendants(); continue }
            if path == "notes.toml" { continue }  // the only file the two runs are given differently
            paths.append(path)
        }
        for path in paths.sorted() {
            if let data = FileManager.default.contents(atPath: repo + "/" + path) {
                lines.append("file \(path):\n" + String(decoding: data, as: UTF8.self))
            }
        }
        let repository = try Repository.open(at: repo)
        lines.append(try GitState.describe(repo))
        for tag in try repository.tags() {
            lines.append("tagger of \(tag.name): \(try tag.object.map { try repository.tagDetails($0).tagger ?? "-" } ?? "-")")
        }
        for ref in ["refs/notes/release", "refs/notes/published"] {
            for tag in try repository.tags() {
                if let note = try repository.note(on: tag.target, ref: ref) { lines.append("\(ref) on \(tag.name): \(note)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Runs without configuration, once per command line (many rows share one).
    final class Baselines: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [[String]: String] = [:]
        func observe(_ arguments: [String]) throws -> String {
            lock.lock()
            if let text = known[arguments] { lock.unlock(); return text }
            lock.unlock()
            let text = try ConfigurationByCommandTests.observe(arguments, toml: "")
            lock.lock()
            known[arguments] = text
            lock.unlock()
            return text
        }
    }
    static let baselines = Baselines()

    @Test("the key changes what the command does", arguments: all)
    func keyChangesCommand(_ row: Row) throws {
        let baseline = try Self.baselines.observe(row.arguments)
        let configured = try Self.observe(row.arguments, toml: row.toml)
        #expect(baseline != configured, "\(row.key) has no effect on notes \(row.arguments.joined(separator: " "))")
        #expect(!configured.hasPrefix("exit 5"), "the configuration did not load:\n\(configured)")
    }

    /// The tag message, the notes `attach` publishes and `draft`'s stdout are one text, also with a custom
    /// template and custom sections.
    @Test func draftTagAndAttachAreTheSameText() throws {
        let toml = "[templates]\ndraft = \"t/notes2.md\"\n[[section]]\nid = \"new\"\ntitle = \"New stuff\"\ntypes = [\"feat\"]\n"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-same-\(UUID().uuidString)").path
        let repo = root + "/repo"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var files = Self.files
        files["notes.toml"] = toml
        files["t/notes2.md"] = "{{% CONTENT_TYPE: TEXT}}\n# {{release.title}}\n{{#sections}}\n## {{title}}\n{{#entries}}\n- {{description}}\n{{/entries}}\n{{/sections}}\n"
        for (path, text) in files {
            let full = repo + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        _ = try HistoryScript.build(script: Self.history, at: repo)
        func run(_ arguments: [String]) -> (Int32, String) {
            let buffer = OutputBuffer()
            let invocation = Invocation(workingDirectory: repo, environment: ["SOURCE_DATE_EPOCH": "1764028800"],
                                        writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
            return (NotesCLI.run(arguments, invocation: invocation), buffer.out + buffer.err)
        }
        let (draftCode, _) = run(["draft", "0.2.0", "--output", root + "/draft.md"])
        #expect(draftCode == 0)
        let (tagCode, tagOutput) = run(["tag", "0.2.0", "--force"])
        #expect(tagCode == 0, "\(tagOutput)")
        let (attachCode, attachOutput) = run(["attach", "0.2.0", "--output", root + "/attach.md"])
        #expect(attachCode == 0, "\(attachOutput)")
        let draft = String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/draft.md")), as: UTF8.self)
        let attach = String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/attach.md")), as: UTF8.self)
        let tagged = try Repository.open(at: repo)
        let message = try #require(try tagged.tags().first { $0.name == "v0.2.0" }?.object.map { try tagged.tagDetails($0).message })
        #expect(draft.contains("## New stuff") && !draft.contains("Features"))
        #expect(draft == message)
        #expect(draft == attach)
    }
}

/// `--template FILE` beats `[templates]` and the folder in every command that renders one template, and a
/// template that uses a name its view model lacks fails before anything is written (exit 4, file and line).
@Suite("template lookup per command")
struct TemplateLookupByCommandTests {
    static let cases: [(command: [String], template: String, marker: String)] = [
        (["draft", "0.2.0"], "t/notes.md", "CUSTOM NOTES"),
        (["changelog", "0.2.0", "--dry-run"], "t/changelog.md", "CUSTOM CHANGELOG"),
        (["readme", "0.2.0", "--dry-run"], "t/readme.md", "CUSTOM README"),
        (["todo", "0.2.0", "--dry-run"], "t/todo.md", "CUSTOM TODO"),
        (["tag", "0.2.0", "--force"], "t/notes.md", "  | CUSTOM NOTES v0.2.0"),
        (["attach", "0.1.0"], "t/notes.md", "CUSTOM NOTES v0.1.0"),
    ]

    @Test("--template beats [templates] and the template folder", arguments: cases.indices)
    func flagWins(_ index: Int) throws {
        let (command, template, marker) = Self.cases[index]
        let observed = try ConfigurationByCommandTests.observe(
            command + ["--template", template], toml: "[templates]\nfolder = \"tpl\"\n")
        #expect(observed.hasPrefix("exit 0"), "\(observed)")
        // What the command printed, without the files of the work tree (which hold the templates' text);
        // the tag's message is in the repository's state after them, as `  | ` lines.
        let output = observed.components(separatedBy: "\nfile ").first ?? observed
        #expect((command[0] == "tag" ? observed : output).contains(marker), "\(observed)")
        #expect(!output.contains("FOLDER"), "\(output)")
    }

    @Test("a name the view model lacks is a template error naming the file and line", arguments: cases.indices)
    func unknownName(_ index: Int) throws {
        let command = Self.cases[index].command
        let observed = try ConfigurationByCommandTests.observe(
            command + ["--template", "bad.md"], toml: "", extraFiles: ["bad.md": "{{% CONTENT_TYPE: TEXT}}\n{{release.title}}\n{{nope}}\n"])
        #expect(observed.hasPrefix("exit 4"), "\(observed)")
        #expect(observed.contains("bad.md:3: the template uses \"nope\""), "\(observed)")
    }
}

/// `notes COMMAND --help`, `notes help COMMAND` and `notes COMMAND -h` print that command's help, with
/// an example; `notes --help` the overview.
@Suite("help")
struct HelpTests {
    static let commands = ["draft", "changelog", "readme", "todo", "init", "bump", "check", "tag", "attach", "release"]

    static func run(_ arguments: [String]) -> (Int32, String) {
        let buffer = OutputBuffer()
        let invocation = Invocation(workingDirectory: "/", environment: [:],
                                    writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
        return (NotesCLI.run(arguments, invocation: invocation), buffer.out)
    }

    @Test("each spelling prints the command's own help", arguments: commands)
    func commandHelp(_ command: String) {
        let (code, help) = Self.run([command, "--help"])
        #expect(code == 0)
        #expect(help.contains("USAGE: notes \(command)"), "\(help)")
        #expect(help.contains("Examples:"), "\(command) --help has no example")
        #expect(!help.contains("SUBCOMMANDS:"), "\(command) --help printed the root help")
        #expect(Self.run(["help", command]) == (0, help))
        #expect(Self.run([command, "-h"]) == (0, help))
    }

    @Test func rootHelp() {
        let (code, help) = Self.run(["--help"])
        #expect(code == 0 && help.contains("SUBCOMMANDS:") && help.contains("Exit codes:"))
        #expect(Self.run(["help"]).1 == help)
    }
}
