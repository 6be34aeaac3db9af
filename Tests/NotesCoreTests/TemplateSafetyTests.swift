import Foundation
@testable import NotesCore
import Testing

/// Templates that crashed swift-mustache (SIGILL, SIGSEGV), rendered nothing with exit 0, or printed Swift
/// debug dumps: each is a template error (exit 4) with the file and line, caught before rendering.
@Suite("template safety")
struct TemplateSafetyTests {
    static func nested(_ depth: Int) -> String {
        String(repeating: "{{#sections}}", count: depth) + "x" + String(repeating: "{{/sections}}", count: depth)
    }

    /// (template, line of the error, words the message must hold)
    static let refused: [(String, Int, String)] = [
        ("{{=[ ]=}}[#sections][/sections]", 1, "one-character delimiters"),
        ("{{=| |=}}|release.title|", 1, "one-character delimiters"),
        ("a\n{{=<% %>=}}\n<%=[ ]=%>[#sections][/sections]", 3, "one-character delimiters"),
        ("{{=<%%>=}}", 1, "invalid set-delimiter"),
        (nested(3000), 1, "nested more than 100"),
        (nested(101), 1, "nested more than 100"),
        ("{{", 1, "a tag is not closed"),
        ("# {{release.title}}\n\nSee {{\n", 3, "a tag is not closed"),
        ("{{#sections}}\n{{title", 2, "a tag is not closed"),
        ("{{{release.title}}", 1, "a tag is not closed"),
        ("{{>}}", 1, "partials"),
        ("{{> header}}\n", 1, "partials"),
        ("x\n{{<parent}}{{/parent}}", 2, "partials"),
        ("{{$block}}x{{/block}}", 1, "partials"),
        ("{{}}", 1, "without a name"),
        ("{{#}}{{/}}", 1, "without a name"),
    ]

    @Test("refused before swift-mustache sees them", arguments: refused)
    func refusedTemplates(text: String, line: Int, words: String) {
        do {
            _ = try TemplateRenderer(TemplateSource(displayName: "bad.md", text: text))
            Issue.record("compiled")
        } catch let error as NotesError {
            #expect(error.exitCode == .template)
            #expect(error.message.hasPrefix("bad.md:\(line): "), "\(error.message)")
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("sections 100 deep and two-character delimiters still work")
    func allowedTemplates() throws {
        let deep = try TemplateRenderer(TemplateSource(displayName: "t.md", text: Self.nested(100)))
        #expect(try deep.render(ReleaseContext.example) == "x")
        let source = TemplateSource(displayName: "t.md", text: "{{=<% %>=}}# <%release.title%>\n<%#sections%>[<%title%>]<%/sections%>\n")
        try TemplateNameCheck.check(source, example: ReleaseContext.example)
        #expect(try TemplateRenderer(source).render(ReleaseContext.example) == "# v1.0.0\n[Features]\n")
    }

    /// (template, line, words): names that would print Swift's description of a table or a list.
    static let dumps: [(String, Int, String)] = [
        ("{{release}}", 1, "\"release\" is a table"),
        ("{{.}}", 1, "\".\" is a table"),
        ("a\n{{#sections}}{{.}}{{/sections}}", 2, "\".\" is a table"),
        ("{{sections}}", 1, "\"sections\" is a list"),
        ("{{{release.range}}}", 1, "\"release.range\" is a table"),
        ("{{&contributors}}", 1, "\"contributors\" is a list"),
        ("{{first(sections)}}", 1, "is a table"),
        ("{{=<% %>=}}<%release%>", 1, "\"release\" is a table"),
        ("{{=<% %>=}}<%nope%>", 1, "\"nope\", which the view model does not have"),
    ]

    @Test("a table or a list printed as text is caught by the name check", arguments: dumps)
    func debugDumps(text: String, line: Int, words: String) {
        do {
            try TemplateNameCheck.check(TemplateSource(displayName: "bad.md", text: text), example: ReleaseContext.example)
            Issue.record("passed the check")
        } catch let error as NotesError {
            #expect(error.exitCode == .template)
            #expect(error.message.hasPrefix("bad.md:\(line): "), "\(error.message)")
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("every built-in template passes the checks", arguments: BuiltinTemplates.files.keys.sorted())
    func builtins(name: String) throws {
        let source = try #require(TemplateSource.builtin(name))
        #expect(source.isBuiltin)
        _ = try TemplateRenderer(source)
        // A command skips these two checks for a built-in template: this test is where they run.
        try TemplateTags.check(source)
        let kinds = TemplateKind.allCases.filter { $0.fileName == name }
        #expect(kinds.count == 1, "\(name) is the built-in template of one kind")
        for kind in kinds { try kind.checkNames(source) }
    }

    /// The same text read from a file is checked when a command loads it.
    @Test("a template file with the built-in text is checked, and an unknown name in it is refused")
    func fileTemplatesAreChecked() throws {
        let builtin = try #require(TemplateSource.builtin(TemplateKind.draft.fileName))
        let file = TemplateSource(displayName: "mine.md", text: builtin.text + "{{release.nosuchname}}\n")
        #expect(!file.isBuiltin)
        #expect(throws: NotesError.self) { try TemplateKind.draft.checkNames(file) }
    }
}
