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
            are said on stderr; the notes go to stdout or --output. notes.toml (or --config) sets sections, \
            skip rules, links and templates; flags beat it.
            """)

    @Argument(help: ArgumentHelp("The version being released: 1.2.3, v1.2.3, v1.3.0-rc.1.", valueName: "version"))
    var version: String?

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var range: RangeOptions

    @Option(help: ArgumentHelp(
        "Render with this Mustache template. Default: [templates] draft, else .notes/templates/release-notes.md, "
            + "else the built-in one.", valueName: "file"))
    var template: String?

    @Flag(help: "Print the view model templates see, as JSON, instead of the notes.")
    var context = false

    @Flag(help: "Print one line per commit of the range, where it went and why, instead of the notes.")
    var explain = false

    @Flag(help: "Fail with exit code 6, listing them, when the range has commits that are not Conventional Commits.")
    var strict = false

    @Option(name: [.short, .long], help: ArgumentHelp("Write the notes to FILE (atomically) instead of stdout.",
                                                      valueName: "file"))
    var output: String?

    func validate() throws {
        if context && explain { throw ValidationError("--context and --explain both replace the notes; give one") }
    }

    func execute(_ invocation: Invocation) throws {
        if let output { try AtomicFile.checkWritable(invocation.path(output)) }
        let settings = try repository.settings(invocation, flags: SettingsFlags(
            tagPrefix: range.tagPrefix, package: range.package, paths: range.paths,
            template: template.map(invocation.path)))
        var renderer: TemplateRenderer?
        if !context && !explain {
            let source = try TemplateLookup.find(name: "release-notes.md", command: "draft", settings: settings)
            renderer = try TemplateRenderer(source)
            try TemplateNameCheck.check(source, example: ReleaseContext.example)
        }
        var request = DraftRequest(
            repositoryPath: repository.repositoryPath(invocation), version: version,
            from: range.from, to: range.to, tagPrefix: settings.tagPrefix, now: try invocation.now(),
            settings: settings)
        request.listOutsidePaths = explain
        let result = try DraftNotes.run(request)
        if strict {
            let offenders = DraftReport.nonConventional(result.notes)
            if !offenders.isEmpty { throw DraftReport.strictError(offenders, rangeLabel: result.notes.info.rangeLabel) }
        }
        let text: String
        if explain {
            text = DraftReport.explain(result.notes, rules: settings.grouping, configurationFile: settings.configurationFile)
        } else if let renderer {
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
