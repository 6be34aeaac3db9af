import ArgumentParser
import Foundation
import NotesCore
import NotesGit

struct DraftCommand: NotesSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print the release notes for a version.",
        discussion: """
            With VERSION whose tag exists, the notes cover the previous release tag (exclusive) to that tag. \
            When the tag does not exist yet, they cover the latest release tag reachable from HEAD to HEAD, \
            titled VERSION. Without VERSION the notes are titled "Unreleased". A stable version starts after \
            the previous stable tag; a pre-release after the previous tag of any kind. The range and its size \
            are said on stderr; the notes go to stdout or --output.
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3, v1.3.0-rc.1.", valueName: "version"))
    var version: String?

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var range: RangeOptions

    @Option(help: ArgumentHelp("Render with this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?

    @Flag(help: "Print the view model templates see, as JSON, instead of the notes.")
    var context = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write the notes to FILE (atomically) instead of stdout.",
                                                      valueName: "file"))
    var output: String?

    func execute(_ invocation: Invocation) throws {
        if let output { try AtomicFile.checkWritable(invocation.path(output)) }
        let renderer = context ? nil : try TemplateRenderer(
            template.map { try TemplateSource.file(invocation.path($0)) }
                ?? TemplateSource.builtin("release-notes.md")!)
        var request = DraftRequest(
            repositoryPath: repository.repositoryPath(invocation), version: version,
            from: range.from, to: range.to, tagPrefix: range.tagPrefix, now: try invocation.now())
        request.paths = range.pathFilter
        let result = try DraftNotes.run(request)
        let text: String
        if let renderer {
            text = renderer.render(result.context)
        } else {
            text = try ContextJSON.encode(result.context)
        }
        invocation.writeErr("notes: \(result.summary)\n")
        if let output {
            try AtomicFile.write(Array(text.utf8), to: invocation.path(output))
        } else {
            invocation.writeOut(text)
        }
    }
}
