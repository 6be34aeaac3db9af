import Foundation
import NotesCLI

exit(NotesCLI.run(Array(CommandLine.arguments.dropFirst()), invocation: .process))
