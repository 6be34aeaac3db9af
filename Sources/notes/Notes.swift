import ArgumentParser
import NotesCore

@main
struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notes")
}
