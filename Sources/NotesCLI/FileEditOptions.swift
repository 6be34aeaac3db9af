import ArgumentParser
import NotesCore

/// Options every command that edits a file takes: which file, and whether to write, show or check.
struct FileEditOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The file to edit. Default: see the command's description.", valueName: "path"))
    var file: String?

    @Flag(name: .customLong("dry-run"), help: "Print a unified diff of what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing; exit 6 and show the diff on stderr when the file is not up to date.")
    var check = false

    func mode() throws -> EditMode {
        if dryRun, check {
            throw NotesError(.badInput, "--dry-run and --check cannot be used together",
                             hint: "use --dry-run to see the change, --check in CI")
        }
        return dryRun ? .dryRun : check ? .check : .write
    }

    /// The file's absolute path and the path to show: `--file` as given, else the configured file
    /// (absolute, shown relative to the work tree `root`).
    func location(_ invocation: Invocation, configured: String, root: String) -> (path: String?, display: String?) {
        if let file { return (invocation.path(file), file) }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return (configured, configured.hasPrefix(prefix) ? String(configured.dropFirst(prefix.count)) : configured)
    }

    /// Applies `change` and prints what it says.
    func finish(_ change: FileChange, mode: EditMode, _ invocation: Invocation) throws {
        let outcome = try change.apply(mode)
        if !outcome.out.isEmpty { invocation.writeOut(outcome.out) }
        if !outcome.err.isEmpty { invocation.writeErr(outcome.err) }
    }
}
