import Foundation
@testable import NotesCore
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("an empty file, a file of comments and the commented init file all mean the defaults",
          arguments: ["", "# nothing\n", ConfigurationReference.commentedFile])
    func defaultsEqualEmptyFile(text: String) throws {
        #expect(try ConfigurationLoader.parse(text, file: "notes.toml", root: nil) == Configuration())
    }

    /// Flattens JSON of the encoded defaults into key-table paths with their values.
    static func flatten(_ value: Any, prefix: String, into result: inout [String: Any]) {
        guard let dictionary = value as? [String: Any] else { return }
        for (key, child) in dictionary {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            result[path] = child
            flatten(child, prefix: path, into: &result)
        }
    }

    @Test("every key of the default configuration is in the key table with its default, and back")
    func keyTableMatchesStruct() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Configuration()))
        var encoded: [String: Any] = [:]
        Self.flatten(json, prefix: "", into: &encoded)
        // Array-of-tables element keys: encode one element of each with every value set.
        var full = Configuration()
        full.skip = [.init(subject: "a", body: "b", author: "c")]
        full.rule = [.init(subject: "a", body: "b", author: "c", path: "p", section: "features", skip: false, description: "d")]
        full.package = [.init(name: "p", paths: ["p"], tagPrefix: "p-v", changelog: "c", readme: "r", todo: "t", versionFiles: [],
                                tagIgnore: [], tagPattern: "p", bootstrap: "b")]
        full.tags.prefix = "v"; full.tags.taggerName = "n"; full.tags.taggerEmail = "e"; full.tags.pattern = "p"
        full.templates.draft = "d"; full.templates.changelog = "c"; full.templates.readme = "r"; full.templates.todo = "t"
        full.links.repository = "o/r"; full.links.host = "h"; full.todo.heading = "h"; full.readme.maxBullets = 3
        let fullJSON = try JSONSerialization.jsonObject(with: JSONEncoder().encode(full)) as? [String: Any] ?? [:]
        var allPaths: [String: Any] = [:]
        Self.flatten(fullJSON, prefix: "", into: &allPaths)
        for name in ["skip", "rule", "section", "package"] {
            let element = (fullJSON[name] as? [Any])?.first
            var inner: [String: Any] = [:]
            Self.flatten(element as Any, prefix: "\(name)[]", into: &inner)
            allPaths.merge(inner) { a, _ in a }
        }
        let tablePaths = Set(ConfigurationKeys.all.map(\.path))
        #expect(Set(allPaths.keys) == tablePaths)
        for key in ConfigurationKeys.all where !key.path.contains("[]") && key.type != .table {
            if let literal = key.defaultValue {
                let value = encoded[key.path]
                let text: String
                switch value {
                case let string as String: text = "\"\(string)\""
                case let array as [Any]: text = array.isEmpty ? "[]" : "\(array)"
                case let table as [String: Any]: text = table.isEmpty ? "{}" : "\(table)"
                case let number as NSNumber:
                    text = key.type == .boolean ? (number.boolValue ? "true" : "false") : "\(number.intValue)"
                default: text = "?"
                }
                #expect(text == literal || (key.type == .tableArray && key.path == "section"), "\(key.path)")
            } else if key.type != .tableArray {
                #expect(encoded[key.path] == nil, "\(key.path) has a value by default but none in the key table")
            }
        }
    }

    @Test("docs/configuration.md holds the generated key reference")
    func documentIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/configuration.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- BEGIN GENERATED KEYS -->\n", end = "<!-- END GENERATED KEYS -->"
        let start = try #require(text.range(of: begin)), stop = try #require(text.range(of: end))
        let current = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try (text[..<start.upperBound] + ConfigurationReference.markdown + text[stop.lowerBound...])
                .write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == ConfigurationReference.markdown, "run UPDATE_DOCS=1 swift test --filter Configuration")
    }

    @Test("values are read")
    func reads() throws {
        let config = try ConfigurationLoader.parse("""
            [tags]
            prefix = "barter-v"
            [links]
            repository = 'a/b'
            forge = "gitlab"
            [todo]
            placement = "after"
            heading = "Planned"
            announce = ["Discord"]
            [readme]
            keep = 3
            [bump]
            feature_below_one_bumps_patch = false
            [[section]]
            id = "features"
            types = ["feat", "feature"]
            """, file: "n", root: nil)
        #expect(config.tags.prefix == "barter-v")
        #expect(config.links.repository == "a/b" && config.links.forge == "gitlab")
        #expect(config.todo.heading == "Planned" && config.todo.announce == ["Discord"])
        #expect(config.readme.keep == 3 && config.bump.featureBelowOneBumpsPatch == false)
        #expect(config.section == [.init(id: "features", title: "Features", types: ["feat", "feature"])])
    }

    @Test("errors name the file, line and key", arguments: [
        ("[links]\nforge = \"github\"\nremot = \"up\"\n", "notes.toml:3: unknown key \"remot\" in [links]", "did you mean \"remote\"?"),
        ("tittle = 1\n", "notes.toml:1: unknown key \"tittle\" at the top level", nil),
        ("[release]\nbranch = 3\n", "notes.toml:2: release.branch must be a string in quotes, not an integer", nil),
        ("[commits]\nscopes = \"api\"\n", "notes.toml:2: commits.scopes must be an array of strings: [\"a\", \"b\"], not a string", nil),
        ("[[skip]]\nauthor = \"x\"\n\n[[skip]]\nsubject = \"(\"\n", "notes.toml:5: skip rule 2: subject is not a supported regular expression: (: at character 1: the group ( is not closed", nil),
        ("[[skip]]\n", "notes.toml:1: skip rule 1 has no condition: it would skip every commit", nil),
        ("[[section]]\nid = \"a\"\n[[section]]\ntitle = \"B\"\n", "notes.toml:3: [[section]] is missing the required key \"id\"", nil),
        ("[[section]]\nid = \"a\"\ntypes = [\"feat\"]\n[[section]]\nid = \"b\"\ntypes = [\n  \"feat\",\n]\n",
         "notes.toml:6: type \"feat\" is listed in two sections: \"a\" and \"b\"", nil),
        ("[links]\nforge = \"bitbucket\"\n", "notes.toml:2: links.forge is \"bitbucket\"; it must be one of \"auto\", \"github\", \"gitlab\", \"none\"", nil),
        ("[[package]]\nname = \"a\"\npaths = [\"a\"]\n[[package]]\nname = \"a\"\npaths = [\"b\"]\n",
         "notes.toml:5: package name \"a\" is used twice (packages 1 and 2)", nil),
        ("[[package]]\nname = \"a\"\npaths = []\n", "notes.toml:3: package \"a\" needs at least one path, and no empty one", nil),
        ("[[package]]\nname = \"a\"\npaths = [\"a\"]\n[[package]]\nname = \"b\"\npaths = [\"b\"]\ntag_prefix = \"a-v\"\n",
         "notes.toml:7: packages \"a\" and \"b\" have the same tag prefix \"a-v\"", nil),
        ("[package]\nname = \"a\"\n", "notes.toml:1: package must be an array of tables: [[package]], not a table", nil),
        ("[todo]\nplacement = \"before\"\n", "notes.toml:2: todo.placement \"before\" needs todo.heading", nil),
        ("[readme]\nkeep = -1\n", "notes.toml:2: readme.keep must not be negative", nil),
        ("[tags\n", "notes.toml:1:6:", nil),
    ] as [(String, String, String?)])
    func errors(text: String, message: String, hint: String?) {
        do {
            _ = try ConfigurationLoader.parse(text, file: "notes.toml", root: nil)
            Issue.record("no error for \(text)")
        } catch let error as NotesError {
            #expect(error.exitCode == .configuration)
            #expect(error.message.hasPrefix(message), "\(error.message)")
            if let hint { #expect(error.hint == hint) }
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a configured template that does not exist is an error at load")
    func missingTemplate() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: NotesError.self) {
            try ConfigurationLoader.parse("[templates]\n\ndraft = \"t/x.md\"\n", file: "notes.toml", root: root)
        }
        do {
            _ = try ConfigurationLoader.parse("[templates]\n\ndraft = \"t/x.md\"\n", file: "notes.toml", root: root)
        } catch let error as NotesError {
            #expect(error.message.hasPrefix("notes.toml:3: templates.draft: template t/x.md does not exist"))
        }
    }

    @Test("key lines: dotted keys, arrays of tables, multi-line strings and arrays")
    func keyLines() {
        let lines = TOMLKeyLines("""
            a = \"\"\"
            [not]
            b = 1
            \"\"\"
            links.forge = "x"
            [[package]]
            name = "p"
            paths = [
              "x",
            ]
            [[package]]
            name = "q"
            """)
        #expect(lines.line(of: "a") == 1)
        #expect(lines.line(of: "not") == nil)
        #expect(lines.line(of: "links.forge") == 5)
        #expect(lines.line(of: "package[0].paths") == 8)
        #expect(lines.line(of: "package[1].name") == 12)
        #expect(lines.line(of: "package[1].paths") == 11)
    }

    @Test("suggestions", arguments: [("tittle", "title"), ("remot", "remote"), ("prefx", "prefix"), ("zzzzzzzz", nil)] as [(String, String?)])
    func suggestions(word: String, expected: String?) {
        #expect(Levenshtein.nearest(to: word, among: ["title", "remote", "prefix", "id"]) == expected)
    }
}
