import ArgumentParser
import NotesCore

struct EditCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a commit's entry in the notes, without rewriting history.",
        discussion: """
            Records a correction of one or more commits in .notes/edits.toml ([files] edits): the entry's \
            description, its section, a breaking-change text, or leaving it out. Every command applies it: \
            draft, changelog, readme, todo, tag, attach, release, and bump (a commit moved to a section counts as \
            that section's first type: a chore moved to fixes is a fix, to features a feature). draft --explain \
            says "edited" and where. A correction adds to the commit's earlier one; --clear removes it. Commit \
            the file: the correction is reviewed with the code and reaches CI with the checkout. A correction \
            of a released commit shows when its release's entry is regenerated (notes changelog VERSION \
            --replace, notes attach VERSION); notes check lists releases whose published entry differs.

            Examples:
              notes edit 1f0c3e5 --section fixes --description "handle empty input in the parser"
              notes edit 9a8b7c6 --breaking "the config file moved to notes.toml"
              notes edit 1f0c3e5 4d5e6f7 --leave-out
              notes edit 1f0c3e5 --clear
              notes edit --list
            """)

    @Argument(help: ArgumentHelp("The commits to correct: ids or any revision.", valueName: "commit"))
    var commits: [String] = []

    @Option(help: ArgumentHelp("The entry's description instead of the commit's.", valueName: "text"))
    var description: String?

    @Option(help: ArgumentHelp("The id of the section to list it in (fixes, features, ...).", valueName: "id"))
    var section: String?

    @Option(help: ArgumentHelp("Make it a breaking change with this text.", valueName: "text"))
    var breaking: String?

    @Flag(name: .customLong("leave-out"), help: "Leave the commits out of the notes (they still count for the bump).")
    var leaveOut = false

    @Flag(help: "Remove the commits' corrections.")
    var clear = false

    @Flag(help: "List the corrections: commit, what changes, where it is kept, its release.")
    var list = false

    @OptionGroup var shared: SharedOptions

    func validate() throws {
        let changes = description != nil || section != nil || breaking != nil || leaveOut
        if list {
            if !commits.isEmpty || changes || clear { throw ValidationError("--list takes no commit and no other option") }
            return
        }
        if commits.isEmpty { throw ValidationError("give the commit to correct, or --list") }
        if clear && changes { throw ValidationError("--clear removes the corrections; give it alone") }
        if !clear && !changes {
            throw ValidationError("say what to correct: --description, --section, --breaking, --leave-out or --clear")
        }
    }

    func execute(_ invocation: Invocation) throws {
        let settings = try shared.settings(invocation)
        if list {
            invocation.writeOut(try EditCorrections.list(settings: settings, context: try invocation.context()))
            return
        }
        let lines = try EditCorrections.record(EditRequest(
            settings: settings, commits: commits, description: description, section: section, breaking: breaking,
            leaveOut: leaveOut, clear: clear, context: try invocation.context()))
        for line in lines { invocation.writeErr("notes: \(line)\n") }
    }
}
