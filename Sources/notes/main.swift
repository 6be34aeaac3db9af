import Foundation
import NotesCLI

// A closed pipe (notes draft | head -1) makes write(2) fail with EPIPE, reported as exit 8, instead of
// killing the process with SIGPIPE.
signal(SIGPIPE, SIG_IGN)
exit(NotesCLI.run(Array(CommandLine.arguments.dropFirst()), invocation: .process))
