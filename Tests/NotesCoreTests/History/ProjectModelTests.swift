import Foundation
@testable import NotesCore
import Testing

@Suite("Project model: CI triggers, tag patterns, other tools, package names")
struct ProjectModelTests {
    @Test("GitHub filter patterns match as GitHub documents them", arguments: [
        ("v*", "v1.2.3", true),
        ("v*", "barter-python-v1.2.3", false),
        ("v*", "v1/2", false),
        ("v**", "v1/2", true),
        ("v[0-9]+.[0-9]+.[0-9]+", "v10.2.3", true),
        ("v[0-9]+.[0-9]+.[0-9]+", "v1.2.3-rc.1", false),
        ("v[0-9]+.[0-9]+.[0-9]+*", "v1.2.3-rc.1", true),
        ("v?1.0.0", "1.0.0", true),
        ("v?1.0.0", "v1.0.0", true),
        ("*-v*", "widget-cli-v0.3.1", true),
        ("*-v*", "v0.3.1", false),
        ("barter-python-v*", "barter-python-v0.1.3", true),
        ("[!a-z]*", "1.0.0", true),
        ("[!a-z]*", "v1.0.0", false),
        ("\\*", "*", true),
    ] as [(String, String, Bool)])
    func refPatterns(pattern: String, name: String, matches: Bool) throws {
        #expect(try #require(RefPattern(pattern)).matches(name) == matches)
    }

    @Test("a hostile pattern matches in linear time")
    func hostilePattern() throws {
        let pattern = try #require(RefPattern(String(repeating: "a?", count: 300) + String(repeating: "a", count: 300)))
        #expect(pattern.matches(String(repeating: "a", count: 300)))
        let stars = try #require(RefPattern(String(repeating: "*a", count: 200) + "b"))
        #expect(!stars.matches(String(repeating: "a", count: 2000)))
    }

    @Test("a list: later exclusions take out, later inclusions put back")
    func lists() throws {
        let patterns = ["v*", "!v*-rc*", "v2.0.0-rc.1"].compactMap(RefPattern.init)
        #expect(RefPattern.list(patterns, matches: "v1.0.0"))
        #expect(!RefPattern.list(patterns, matches: "v1.0.0-rc.1"))
        #expect(RefPattern.list(patterns, matches: "v2.0.0-rc.1"))
    }

    static let workflows: [(String, String, [String: Bool])] = [
        ("block list", "on:\n  push:\n    tags:\n      - 'v*'\n      - \"!v*-rc*\"\njobs: {}\n",
         ["v1.0.0": true, "v1.0.0-rc.1": false, "pkg-v1.0.0": false]),
        ("inline list", "on:\n  push:\n    branches: [main]\n    tags: [\"v[0-9]+.[0-9]+.[0-9]+*\"]\n", ["v1.2.3": true, "1.2.3": false]),
        ("sequence at the key's indent", "\"on\":\n  push:\n    tags:\n    - '*-v*'\n", ["crate-v1.0.0": true, "v1.0.0": false]),
        ("flow mapping", "on: { push: { tags: [v*] } }\n", ["v1.0.0": true]),
        ("tags-ignore only", "on:\n  push:\n    tags-ignore:\n      - 'nightly*'\n", ["v1.0.0": true, "nightly-1": false]),
        ("branches only: no tag runs it", "on:\n  push:\n    branches: [main]\n", ["v1.0.0": false]),
        ("a comment is not a pattern", "on:\n  push:\n    tags:   # release tags\n      - v*   # only v\n", ["v1.0.0": true]),
        ("GitHub condition", "on:\n  push:\n    tags: ['*']\njobs:\n  publish:\n    if: startsWith(github.ref, 'refs/tags/py-v')\n",
         ["py-v1.0.0": true, "v1.0.0": true]),
    ]

    @Test("GitHub workflows: which tags run them", arguments: workflows.map(\.0))
    func githubTriggers(name: String) throws {
        let (_, text, expectations) = try #require(Self.workflows.first { $0.0 == name })
        let workflow = CIWorkflows.github(Array(text.utf8), file: "w.yml")
        for (tag, runs) in expectations { #expect(workflow.runs(on: tag) == runs, "\(tag)") }
    }

    @Test("a startsWith condition narrows what publishes")
    func conditions() {
        let text = "on:\n  push:\n    tags: ['*']\njobs:\n  publish:\n    if: startsWith(github.ref, 'refs/tags/py-v')\n"
        let workflow = CIWorkflows.github(Array(text.utf8), file: "w.yml")
        #expect(workflow.conditions.map(\.prefix) == ["py-v"] && workflow.conditions.map(\.line) == [6])
        #expect(workflow.publishes("py-v1.0.0") && !workflow.publishes("v1.0.0"))
    }

    @Test("GitLab $CI_COMMIT_TAG rules", arguments: [
        ("rules:\n  - if: $CI_COMMIT_TAG =~ /^v\\d+\\.\\d+/\n", "v1.2.3", true),
        ("rules:\n  - if: $CI_COMMIT_TAG =~ /^v\\d+\\.\\d+/\n", "pkg-v1.2.3", false),
        ("rules:\n  - if: '$CI_COMMIT_TAG =~ /^barter-python-v/'\n", "barter-python-v0.1.3", true),
        ("release:\n  rules:\n    - if: $CI_COMMIT_TAG\n", "anything-1.0.0", true),
        ("release:\n  only:\n    - tags\n", "v1.0.0", true),
        ("build:\n  script: make\n", "v1.0.0", false),
    ] as [(String, String, Bool)])
    func gitlab(text: String, tag: String, runs: Bool) {
        #expect(CIWorkflows.gitlab(Array(text.utf8), file: ".gitlab-ci.yml").runs(on: tag) == runs)
    }

    @Test("hostile workflow files are read in one pass: a 1 MiB line of conditions, rules and paths")
    func hostileWorkflows() {
        let conditions = "if: " + String(repeating: "startsWith(github.ref, 'refs/tags/", count: 30_000)
        let github = CIWorkflows.github(Array(conditions.utf8), file: "w.yml")
        #expect(github.conditions.isEmpty, "no condition is ever closed")
        let rules = "rules:\n  - if: " + String(repeating: "$CI_COMMIT_TAG =~ /^" + String(repeating: "a", count: 20), count: 25_000)
        let gitlab = CIWorkflows.gitlab(Array(rules.utf8), file: ".gitlab-ci.yml")
        #expect(gitlab.runs(on: String(repeating: "a", count: 20) + "1.0.0"))
        let paths = CIWorkflows.github(Array(String(repeating: "a/", count: 500_000).utf8), file: "w.yml")
        #expect(paths.mentions(folder: "a/a"))
        // 1 MiB of tag patterns: read in place (the list was copied at every item, quadratic) and at most 200 kept,
        // so every tag the model tries costs bounded work.
        let list = "on:\n  push:\n    tags:\n" + String(repeating: "      - a\n", count: 100_000) + "      - '!**'\n"
        let patterns = CIWorkflows.github(Array(list.utf8), file: "w.yml")
        #expect(patterns.tagPatterns?.count == CIWorkflows.maximumPatterns)
        // CRLF line endings: 80,000 conditions on lines of their own (a CRLF file was read as one line, and the
        // search copied the rest of it at every match).
        let crlf = "on:\r\n  push:\r\n    tags: ['v*']\r\n" + String(repeating: "if: startsWith(github.ref, 'refs/tags/v')\r\n", count: 80_000)
        let windows = CIWorkflows.github(Array(crlf.utf8), file: "w.yml")
        #expect(windows.isTagTriggered && windows.runs(on: "v1.2.3") && windows.conditions.count == 80_000)
    }

    /// A workflow saved with Windows line endings is read as its LF twin.
    @Test("a CRLF workflow triggers on its tags")
    func crlfWorkflow() {
        let text = "name: wheels\non:\n  push:\n    tags: [\"v*\"]\njobs:\n  publish:\n    if: startsWith(github.ref, 'refs/tags/v')\n"
        let lf = CIWorkflows.github(Array(text.utf8), file: "w.yml")
        let crlf = CIWorkflows.github(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "w.yml")
        #expect(lf.isTagTriggered && crlf.isTagTriggered)
        #expect(crlf.runs(on: "v0.1.3") && !crlf.runs(on: "barter-python-v0.1.3"))
        #expect(crlf.conditions.map(\.prefix) == lf.conditions.map(\.prefix) && crlf.line == lf.line)
    }

    @Test("a workflow mentions a folder as a path, not as part of a longer name")
    func mentions() {
        let workflow = CIWorkflows.github(Array("working-directory: barter-python\nrun: cd ./py && maturin build -m crates/foo/Cargo.toml\n".utf8), file: "w")
        #expect(workflow.mentions(folder: "py"))
        #expect(workflow.mentions(folder: "barter-python"))
        #expect(workflow.mentions(folder: "crates/foo"))
        #expect(!workflow.mentions(folder: "barter"))
        #expect(!workflow.mentions(folder: "foo"))
    }

    @Test("a tag family is named after its package or folder", arguments: [
        ("widget-cli-v", "widget-cli", "crates/widget_cli", true),
        ("widget_cli-v", "widget-cli", "crates/widget_cli", true),
        ("@scope/widget@", "@scope/widget", "packages/widget", true),
        ("plugin-legacy@", "@vitejs/plugin-legacy", "packages/plugin-legacy", true),
        ("barter-v", "barter-data", "barter-data", false),
        ("v", "barter", "barter", false),
    ] as [(String, String, String, Bool)])
    func familyNames(prefix: String, name: String, folder: String, named: Bool) {
        #expect(ProjectModel.family(prefix, isNamedAfter: name, folder: folder) == named)
    }

    @Test("release-plz tag templates give prefixes", arguments: [
        ("{{ package }}-v{{ version }}", "foo", "foo-v"),
        ("v{{ version }}", "foo", "v"),
        ("{{package}}@{{version}}", "foo", "foo@"),
    ] as [(String, String, String)])
    func releasePlz(template: String, package: String, prefix: String) {
        #expect(ReleaseToolConfigs.prefix(ofTemplate: template, package: package) == prefix)
    }

    @Test("a regular expression's required literal prefix", arguments: [
        ("^v\\d+", "v"), ("^barter-python-v[0-9]", "barter-python-v"), ("^v?1", ""), ("v1", ""), ("^pkg\\.v", "pkg.v"),
    ] as [(String, String)])
    func literalPrefix(regex: String, prefix: String) {
        #expect(CIWorkflows.literalPrefix(ofRegex: Substring(regex)) == prefix)
    }

    @Test("the model of a work tree: manifests, CI, tools, tags")
    func model() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ path: String, _ text: String) throws { try Self.write(path, text, in: root) }
        try write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\", \"bindings\"]\n")
        try write("crates/widget_cli/Cargo.toml", "[package]\nname = \"widget-cli\"\nversion = \"0.3.1\"\n")
        try write("crates/widget-core/Cargo.toml", "[package]\nname = \"widget-core\"\nversion = \"1.0.0\"\n")
        try write("bindings/Cargo.toml", "[package]\nname = \"widget-py\"\nversion = \"0.1.0\"\n")
        try write("bindings/pyproject.toml", "[project]\nname = \"widget\"\nversion = \"0.1.0\"\n")
        try write("js/package.json", "{\"name\": \"@acme/widget\", \"version\": \"2.0.0\"}")
        try write("package.json", "{\"private\": true, \"workspaces\": [\"js\"]}")
        try write(".github/workflows/py.yml", "on:\n  push:\n    tags: ['py-v*']\njobs:\n  b:\n    steps:\n      - run: cd bindings && maturin build\n")
        try write("release-plz.toml", "[workspace]\ngit_tag_name = \"{{ package }}-v{{ version }}\"\n")
        let model = ProjectModel.infer(files: ProjectFiles(root: root), configuration: Configuration(),
                                       tagNames: ["widget-cli-v0.3.0", "widget-cli-v0.3.1", "v0.1.0"])
        let schemes = Dictionary(uniqueKeysWithValues: model.packages.map { ($0.name, $0.tagPrefix) })
        #expect(schemes == ["widget-cli": "widget-cli-v", "widget-core": "widget-core-v", "widget-py": "py-v",
                            "@acme/widget": "@acme/widget-v"])
        #expect(model.package(named: "crates/widget_cli")?.name == "widget-cli")
        #expect(model.package(named: "widget-py")?.schemeSource == ".github/workflows/py.yml:3 (on.push.tags \"py-v*\")")
        #expect(model.package(named: "widget-core")?.schemeSource == "release-plz.toml")
        #expect(model.owner(ofFamily: "widget-cli-v")?.folder == "crates/widget_cli")
        #expect(model.owner(ofFamily: nil) == nil, "nobody's plain v tags")
        #expect(model.toolFiles == ["release-plz.toml"])
    }

    /// tokio's workspace: `benches`, `examples` and `tests-*` are members with `publish = false`; they make no
    /// releases, so the model leaves them out, unless something the repository declares releases one (here a
    /// binary crate a workflow tags and builds).
    @Test("workspace members that are never published are left out unless something releases them")
    func unpublishedMembers() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ path: String, _ text: String) throws { try Self.write(path, text, in: root) }
        try write("Cargo.toml", "[workspace]\nmembers = [\"tokio\", \"tokio-util\", \"benches\", \"examples\", \"tests-build\", \"app\", \"py\"]\n")
        try write("tokio/Cargo.toml", "[package]\nname = \"tokio\"\nversion = \"1.53.1\"\n")
        try write("tokio-util/Cargo.toml", "[package]\nname = \"tokio-util\"\nversion = \"0.7.19\"\n")
        try write("benches/Cargo.toml", "[package]\nname = \"benches\"\nversion = \"0.0.0\"\npublish = false\n")
        try write("examples/Cargo.toml", "[package]\nname = \"examples\"\nversion = \"0.0.0\"\npublish = []\n")
        try write("tests-build/Cargo.toml", "[package]\nname = \"tests-build\"\nversion = \"0.1.0\"\npublish = false\n")
        try write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"2.0.0\"\npublish = false\n")
        try write("py/pyproject.toml", "[project]\nname = \"py\"\nversion = \"0.1.0\"\nclassifiers = [\"Private :: Do Not Upload\"]\n")
        try write(".github/workflows/app.yml", "on:\n  push:\n    tags: ['app-v*']\njobs:\n  b:\n    steps:\n      - run: cargo build -p app --manifest-path app/Cargo.toml\n")
        let model = ProjectModel.infer(files: ProjectFiles(root: root), configuration: Configuration(),
                                       tagNames: ["tokio-1.53.0", "tokio-1.53.1", "tokio-util-0.7.19", "app-v2.0.0"])
        #expect(model.packages.map(\.name) == ["tokio", "tokio-util", "app"])
        #expect(model.package(named: "app")?.tagPrefix == "app-v")
        #expect(model.unpublished.map(\.manifest) == ["benches/Cargo.toml", "examples/Cargo.toml", "tests-build/Cargo.toml",
                                                      "py/pyproject.toml"])
    }

    /// A new folder for a work tree (the caller removes it).
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("notes-model-\(UUID().uuidString)").path
    }

    /// Writes `text` at the relative `path` under `root`, making its folders.
    static func write(_ path: String, _ text: String, in root: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
}
