import Foundation
import NotesCore
import Testing

/// docs/context.md documents every name the built-in templates use: a template author reading a built-in
/// template finds each of its names there.
@Suite("docs/context.md")
struct ContextDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every name of the built-in templates is documented", arguments: BuiltinTemplates.files.keys.sorted())
    func documented(_ file: String) throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/context.md"), encoding: .utf8)
        let text = try #require(BuiltinTemplates.files[file])
        let names = try TemplateTags.tags(in: text, displayName: file)
            .filter { "#^/ &{".contains($0.kind) && $0.name != "." }
            .map { tag -> String in
                // `empty(issues)` names `issues`; `release.previousTag` names both parts.
                var name = tag.name
                if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                    name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                }
                return name
            }
            .flatMap { $0.split(separator: ".").map(String.init) }
        for name in Set(names).sorted() {
            #expect(docs.contains("`\(name)`"), "\(file) uses \(name), which docs/context.md does not describe")
        }
    }
}
