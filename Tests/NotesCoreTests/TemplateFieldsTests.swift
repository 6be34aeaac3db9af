import Foundation
@testable import NotesCore
import Testing

/// The names templates can read are the names `--context` prints, and a nil field is present but falsy.
@Suite struct TemplateFieldsTests {
    /// Follows every key of `json` (the JSON of `value`) through `child(named:)`, into nested objects
    /// and the first element of lists; returns the paths that templates cannot read.
    func unreadable(_ value: Any, json: Any, path: String) -> [String] {
        guard let object = json as? [String: Any] else {
            if let list = json as? [Any], let first = list.first, let values = value as? [Any], let element = values.first {
                return unreadable(element, json: first, path: path + "[0]")
            }
            return []
        }
        guard let fields = value as? any TemplateFields else { return [path + " (no fields)"] }
        var missing: [String] = []
        if fields.child(named: "noSuchField") != nil { missing.append(path + ".noSuchField answers") }
        for (key, nested) in object.sorted(by: { $0.key < $1.key }) {
            guard let child = fields.child(named: key) else {
                missing.append(path + "." + key)
                continue
            }
            missing += unreadable(child, json: nested, path: path + "." + key)
        }
        return missing
    }

    func check<T: Encodable>(_ value: T) throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        #expect(unreadable(value, json: json, path: "\(T.self)") == [])
    }

    @Test func everyContextNameIsReadable() throws {
        try check(ReleaseContext.example)
        try check(ChangelogEntryView.example)
        try check(ReadmeEntryView.example)
        try check(TodoView.example)
    }

    @Test func nilFieldIsFalsyEmptyAndStopsTheSearch() throws {
        var release = ReleaseContext.example.release
        release.previousTag = nil
        #expect(release.child(named: "previousTag") is TemplateNull)
        // `release.tag` is nil here while the enclosing TodoView has a `tag`: the nil field is found,
        // not the enclosing one (a name that is present ends the search, as the Mustache spec says).
        release.tag = nil
        var view = TodoView.example
        view.release = release
        let renderer = try TemplateRenderer(TemplateSource(
            displayName: "t.md",
            text: "[{{#release}}{{tag}}|{{#tag}}yes{{/tag}}{{^tag}}no{{/tag}}|{{previousTag}}{{/release}}]"))
        #expect(try renderer.render(view) == "[|no|]")
    }
}
