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

    func validate() throws {
        if dryRun && check {
            throw ValidationError("--dry-run and --check cannot be used together: --dry-run shows the change, --check fails in CI")
        }
    }

    var mode: EditMode { dryRun ? .dryRun : check ? .check : .write }

    /// The request for the file command: `--file` resolved against the working directory.
    func request(_ settings: Settings, range: RangeRequest, _ invocation: Invocation, replace: Bool = false) throws
        -> FileEditRequest
    {
        FileEditRequest(settings: settings, range: range, file: file.map(invocation.path), fileDisplay: file,
                        context: try invocation.context(), replace: replace)
    }

    /// Applies `change` and prints what it says.
    func finish(_ change: FileChange, _ invocation: Invocation) throws {
        let outcome = try change.apply(mode)
        if !outcome.out.isEmpty { invocation.writeOut(outcome.out) }
        if !outcome.err.isEmpty { invocation.writeErr(outcome.err) }
    }
}
