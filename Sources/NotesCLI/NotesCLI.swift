import ArgumentParser
import Foundation
import NotesCore
import NotesGit

/// The `notes` command line: parses arguments, runs one subcommand, prints errors in one place.
public enum NotesCLI {
    /// Runs `notes` with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], invocation: Invocation) -> Int32 {
        let command: ParsableCommand
        do {
            command = try NotesCommand.parseAsRoot(arguments)
        } catch {
            let code = NotesCommand.exitCode(for: error)
            let message = NotesCommand.fullMessage(for: error)
            if code == .success {
                invocation.writeOut(message + "\n")
                if invocation.outputFailures.reason != nil { return NotesError.ExitCode.file.rawValue }
            } else {
                invocation.writeErr(message + "\n")
            }
            return code.rawValue
        }
        guard let subcommand = command as? NotesSubcommand else {
            // `notes help CMD` and `notes` alone: the parser's own command throws the help request for
            // the right command, which is printed like a parse result.
            var other = command
            do {
                try other.run()
                return 0
            } catch {
                let code = NotesCommand.exitCode(for: error)
                let message = NotesCommand.fullMessage(for: error)
                if code == .success { invocation.writeOut(message + "\n") } else { invocation.writeErr(message + "\n") }
                if code == .success, invocation.outputFailures.reason != nil { return NotesError.ExitCode.file.rawValue }
                return code.rawValue
            }
        }
        let progress = ProgressLine(invocation)
        defer { progress.finish() }
        var invocation = invocation
        let writeErr = invocation.writeErr
        invocation.writeErr = { text in
            progress.clear()
            writeErr(text)
        }
        invocation.progress = progress.handler
        do {
            try subcommand.execute(invocation)
            return finish(arguments, subcommand, invocation)
        } catch let error as NotesError {
            invocation.writeErr(error.description + "\n")
            return error.exitCode.rawValue
        } catch let error as ExitStatus {
            return error.code
        } catch {
            invocation.writeErr("error: \(error)\n")
            return NotesError.ExitCode.internalError.rawValue
        }
    }
}

extension NotesCLI {
    /// The exit code of a command that finished: 0, unless a write to stdout failed (closed, full, a broken
    /// pipe). Then a read-only command (`draft`, `check`, any `--dry-run` or `--check` run: stdout is all it
    /// makes) fails with exit 8; a command that has changed files, refs or notes succeeded and stays exit 0
    /// with a warning, so a CI retry does not trip over its own tag (docs/reliability.md).
    static func finish(_ arguments: [String], _ subcommand: NotesSubcommand, _ invocation: Invocation) -> Int32 {
        guard let reason = invocation.outputFailures.reason else { return 0 }
        let readOnly = subcommand is DraftCommand || subcommand is CheckCommand
            || arguments.contains("--dry-run") || arguments.contains("--check")
        if readOnly {
            invocation.writeErr("error: cannot write to standard output: \(reason)\n"
                + "hint: check where stdout goes (a closed descriptor, a full disk, a closed pipe)\n")
            return NotesError.ExitCode.file.rawValue
        }
        invocation.writeErr("notes: warning: the command finished, but its output could not be written to "
            + "standard output: \(reason)\n")
        return 0
    }
}

/// A subcommand that runs against an `Invocation` rather than the process, so tests run it in-process.
protocol NotesSubcommand: ParsableCommand {
    func execute(_ invocation: Invocation) throws
}

/// Ends a command with a code after it has printed what it had to say (for `--check`-style results).
struct ExitStatus: Error {
    let code: Int32
}

enum NotesErrorBridge {
    static func badEnvironment(_ message: String) -> NotesError {
        NotesError(.badInput, message, hint: "unset it, or set it to a unix timestamp such as 1764028800")
    }
}

struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Release notes and changelogs from Conventional Commits.",
        discussion: """
            Exit codes: 0 success, 1 internal error, 2 bad input, 3 repository problem, 4 template error, \
            5 configuration error, 6 check failed, 7 nothing to do, 8 file error, 64 command-line usage.
            """,
        version: BuildInfo.versionText,
        subcommands: [DraftCommand.self, ChangelogCommand.self, ReadmeCommand.self, TodoCommand.self,
                      InitCommand.self, StatusCommand.self, BumpCommand.self, CheckCommand.self, TagCommand.self,
                      AttachCommand.self, ReleaseCommand.self, EditCommand.self])
}

/// `--repo` and `--config`: which repository and which configuration. Every command takes them.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder inside the repository to use. Default: the current directory.",
                                            valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read this configuration file instead of notes.toml at the repository root.", valueName: "file"))
    var config: String?

    func repositoryPath(_ invocation: Invocation) -> String {
        repo.map(invocation.path) ?? invocation.workingDirectory
    }
}

/// The flags every command that reads the history shares, in one group: which repository and
/// configuration, which package, and the flags that narrow the history (`--tag-prefix`, `--path`). They go
/// into ``Settings`` with the command's own flags, resolved once over notes.toml.
struct SharedOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp(
        "A [[package]] of notes.toml: its tag prefix, paths, files and version files. Without such a package, "
            + "a folder of the repository (barter-python): its commits and files.", valueName: "name"))
    var package: String?

    @Option(name: .customLong("tag-prefix"), help: ArgumentHelp(
        "Release tags are PREFIX followed by a version (barter-python-v). Default: the package's, else "
            + "[tags] prefix, else v or nothing.", valueName: "prefix"))
    var tagPrefix: String?

    @Option(name: .customLong("path"), help: ArgumentHelp(
        "Only commits that touch this directory or glob (repeatable): a package's history in a monorepo.",
        valueName: "dir"))
    var paths: [String] = []

    /// Loads the configuration (checked in full, before any work) and resolves these flags and the
    /// command's own (`flags`) over it. `version` is the command's VERSION argument: an existing tag's name
    /// picks its tag family; `nearestFamily` lets a command without VERSION pick the nearest tags' family.
    /// The settings' notices go to stderr as `notes: …`.
    func settings(_ invocation: Invocation, _ flags: SettingsFlags = SettingsFlags(), version: String? = nil,
                  nearestFamily: Bool = false) throws -> Settings {
        var flags = flags
        flags.tagPrefix = tagPrefix
        flags.package = package
        flags.paths = paths
        flags.version = version
        flags.chooseNearestFamily = nearestFamily
        flags.workingDirectory = repository.repositoryPath(invocation)
        let settings = try Settings.load(repositoryPath: repository.repositoryPath(invocation),
                                         configPath: repository.config.map(invocation.path),
                                         configDisplay: repository.config, flags: flags)
        for notice in settings.notices { invocation.writeErr("notes: \(notice)\n") }
        return settings
    }
}

/// `--from` and `--to`: the range of `draft`, `changelog`, `readme` and `todo`.
struct RangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Start of the range, exclusive: a tag, branch, commit id or expression such as HEAD~3. "
            + "Default: the previous release tag.", valueName: "rev"))
    var from: String?

    @Option(help: ArgumentHelp(
        "End of the range, inclusive: any revision. Default: the release's tag when it exists, else HEAD.",
        valueName: "rev"))
    var to: String?

    func request(version: String?) -> RangeRequest {
        RangeRequest(version: version, from: from, to: to)
    }
}

/// `--template FILE`, for the commands that render one template.
struct TemplateOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Render with this Mustache template instead of [templates] in notes.toml, .notes/templates/, or the "
            + "built-in one.", valueName: "file"))
    var template: String?

    func path(_ invocation: Invocation) -> String? { template.map(invocation.path) }
}

/// `--version-file`, for the commands that read or write the version files.
struct VersionFileOptions: ParsableArguments {
    @Option(name: .customLong("version-file"), help: ArgumentHelp(
        "A file holding the version, relative to the package's folder; repeat for several. Cargo.toml and "
            + "pyproject.toml by name, FILE:dotted.key for another TOML file, any other FILE by its "
            + "`notes:version` marker line. Default: the package's version_files, else [files] version_files, "
            + "else Cargo.toml and pyproject.toml where they exist.",
        valueName: "file"))
    var versionFiles: [String] = []
}
