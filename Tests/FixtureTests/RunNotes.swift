import NotesCLI

/// Runs `notes ARGUMENTS` in-process in `repo`, with pinned dates and a committer identity (`extra` adds to or
/// overrides the environment); returns the exit code, stdout and stderr.
func runNotes(_ arguments: [String], in repo: String, environment extra: [String: String] = [:])
    -> (code: Int32, out: String, err: String)
{
    let buffer = OutputBuffer()
    var environment = ["SOURCE_DATE_EPOCH": "1764028800", "GIT_COMMITTER_NAME": "Ada Maintainer",
                       "GIT_COMMITTER_EMAIL": "ada@example.com"]
    environment.merge(extra) { $1 }
    let invocation = Invocation(workingDirectory: repo, environment: environment,
                                writeOut: { buffer.out += $0 }, writeErr: { buffer.err += $0 })
    return (NotesCLI.run(arguments, invocation: invocation), buffer.out, buffer.err)
}
