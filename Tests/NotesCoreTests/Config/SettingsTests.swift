import Foundation
@testable import NotesCore
import Testing

@Suite("Settings and template names")
struct SettingsTests {
    static let monorepo = """
        [tags]
        prefix = "v"
        [files]
        version_files = ["Cargo.toml"]
        [templates]
        folder = "tpl"
        [[package]]
        name = "barter-python"
        paths = ["barter-python/"]
        excludes = ["barter-python/docs"]
        [[package]]
        name = "globbed"
        paths = ["crates/*/src"]
        tag_prefix = "g-"
        readme = "docs/G.md"
        """

    func settings(_ flags: SettingsFlags) throws -> Settings {
        let configuration = try ConfigurationLoader.parse(Self.monorepo, file: "notes.toml", root: nil)
        return try Settings.resolve(configuration: LoadedConfiguration(configuration: configuration, file: "notes.toml", root: "/r"),
                                    flags: flags)
    }

    @Test("the file beats the defaults; a package brings its prefix, paths and files")
    func package() throws {
        let plain = try settings(SettingsFlags())
        #expect(plain.tagPrefix == "v" && plain.paths.isEmpty && plain.changelogFile == "/r/CHANGELOG.md")
        #expect(plain.templates.folder == "/r/tpl" && plain.releaseBranch == "main" && plain.notesRef == "refs/notes/release")
        let python = try settings(SettingsFlags(package: "barter-python"))
        #expect(python.tagPrefix == "barter-python-v")
        #expect(python.paths == ["barter-python/"] && python.excludes == ["barter-python/docs"])
        #expect(python.changelogFile == "/r/barter-python/CHANGELOG.md" && python.readmeFile == "/r/barter-python/README.md")
        #expect(python.versionFiles.map(\.path) == ["barter-python/Cargo.toml"] && python.todoFile == "/r/.agent/todo.md")
        let globbed = try settings(SettingsFlags(package: "globbed"))
        #expect(globbed.tagPrefix == "g-" && globbed.changelogFile == "/r/CHANGELOG.md" && globbed.readmeFile == "/r/docs/G.md")
    }

    @Test("flags beat the file")
    func flags() throws {
        let resolved = try settings(SettingsFlags(tagPrefix: "x-", package: "barter-python", paths: ["other"], template: "/t.md"))
        #expect(resolved.tagPrefix == "x-" && resolved.paths == ["other"] && resolved.excludes.isEmpty)
        #expect(resolved.templates.flag == "/t.md")
    }

    @Test("an unknown package is bad input listing the packages")
    func unknownPackage() {
        #expect(throws: NotesError.self) { try settings(SettingsFlags(package: "nope")) }
    }

    @Test("links: forced forge, repository and none")
    func links() throws {
        var configuration = Configuration()
        configuration.links.forge = "none"
        var resolved = try Settings.resolve(configuration: LoadedConfiguration(configuration: configuration, root: "/r"), flags: .init())
        #expect(resolved.remoteLinks { _ in "https://github.com/a/b.git" } == nil)
        configuration.links = Configuration.Links()
        configuration.links.forge = "github"
        configuration.links.repository = "c/d"
        resolved = try Settings.resolve(configuration: LoadedConfiguration(configuration: configuration, root: "/r"), flags: .init())
        #expect(resolved.remoteLinks { _ in nil }?.repositoryURL == "https://github.com/c/d")
        configuration.links = Configuration.Links()
        configuration.links.remote = "upstream"
        resolved = try Settings.resolve(configuration: LoadedConfiguration(configuration: configuration, root: "/r"), flags: .init())
        #expect(resolved.remoteLinks { $0 == "upstream" ? "git@gitlab.com:g/p.git" : nil }?.forge == .gitlab)
    }

    @Test("the example context has no nulls and no empty lists, so every name is known")
    func exampleIsComplete() throws {
        let json = String(decoding: try JSONEncoder().encode(ReleaseContext.example), as: UTF8.self)
        #expect(!json.contains("null") && !json.contains("[]"))
    }

    @Test("every built-in template uses only names the view model has", arguments: BuiltinTemplates.files.keys.sorted())
    func builtinTemplates(name: String) throws {
        let source = try #require(TemplateSource.builtin(name))
        switch name {
        case "changelog-entry.md": try TemplateNameCheck.check(source, example: ChangelogEntryView.example)
        case "readme-entry.md": try TemplateNameCheck.check(source, example: ReadmeEntryView.example)
        case "todo.md": try TemplateNameCheck.check(source, example: TodoView.example)
        default: try TemplateNameCheck.check(source, example: ReleaseContext.example)
        }
    }

    @Test("template names", arguments: [
        ("{{#sections}}{{#entries}}{{release.title}}{{title}}{{#first}}x{{/first}}{{index}}{{/entries}}{{/sections}}", nil),
        ("{{#commits}}{{skipRule}}{{/commits}}{{{release.title}}}{{&hasChanges}}{{! anything }}", nil),
        ("{{#first(sections)}}{{title}}{{/first(sections)}}{{count(issues)}}", nil),
        ("{{#release}}{{#range}}{{label}}{{/range}}{{/release}}", nil),
        ("{{index}}", "x:1"),
        ("{{#sections}}\n{{#entries}}\n{{key}}{{/entries}}{{/sections}}", "x:3"),
        ("{{^hasChanges}}{{nope}}{{/hasChanges}}", "x:1"),
        ("{{release.range.lable}}", "x:1"),
    ] as [(String, String?)])
    func names(text: String, error place: String?) {
        do {
            try TemplateNameCheck.check(TemplateSource(displayName: "x", text: text), example: ReleaseContext.example)
            #expect(place == nil)
        } catch let error as NotesError {
            #expect(place != nil && error.message.hasPrefix(place ?? "-"), "\(error.message)")
            #expect(error.exitCode == .template)
        } catch {
            Issue.record("\(error)")
        }
    }
}
