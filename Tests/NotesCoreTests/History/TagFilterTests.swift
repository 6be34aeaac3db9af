import Foundation
@testable import NotesCore
import Testing

@Suite("Tag filters")
struct TagFilterTests {
    @Test("ignore globs leave tags out; a pattern keeps only the names it matches",
          arguments: [
              (["v0.*"], nil as String?, "v0.8.4", false), (["v0.*"], nil, "v1.0.0", true),
              (["old-v[0-7].*"], nil, "old-v3.1.0", false), (["old-v[0-7].*"], nil, "old-v8.0.0", true),
              ([], "^barter-python-v", "barter-python-v0.1.2", true), ([], "^barter-python-v", "barter-v0.12.3", false),
              (["*-rc*"], "^v1", "v1.2.0-rc.1", false), ([], nil, "anything", true),
          ])
    func admits(ignore: [String], pattern: String?, name: String, kept: Bool) throws {
        #expect(try TagFilter(ignore: ignore, pattern: pattern).admits(name) == kept)
    }

    @Test("[tags] ignore and a package's tag_ignore add up; the package's tag_pattern beats [tags] pattern")
    func settings() throws {
        let text = """
            [tags]
            ignore = ["v0.*"]
            pattern = "^v"
            [[package]]
            name = "py"
            paths = ["py"]
            tag_ignore = ["py-v9.*"]
            tag_pattern = "^py-v"
            bootstrap = "abc123"
            """
        let configuration = try ConfigurationLoader.parse(text, file: "notes.toml", root: nil)
        let loaded = LoadedConfiguration(configuration: configuration, file: "notes.toml", root: "/r")
        let plain = try Settings.resolve(configuration: loaded, flags: SettingsFlags())
        #expect(plain.tagFilter.ignore == ["v0.*"] && plain.tagFilter.pattern == "^v" && plain.bootstrap == nil)
        let package = try Settings.resolve(configuration: loaded, flags: SettingsFlags(package: "py"))
        #expect(package.tagFilter.ignore == ["v0.*", "py-v9.*"] && package.tagFilter.pattern == "^py-v")
        #expect(package.bootstrap == "abc123")
    }
}
