/// The release notes as text: the `draft` template (``TemplateKind/draft``) rendered over one release of the
/// history pipeline. `notes draft`, the tag message of `notes tag` and `notes release`, and `notes attach`
/// all come from ``render(_:_:now:)``, so what `draft` previews is what gets published.
public struct ReleaseNotesText: Sendable {
    /// The notes, ending with one newline.
    public var text: String
    /// The release they describe.
    public var result: ReleaseResult

    /// The range summary (`v0.1.2..HEAD, 3 commits`).
    public var summary: String { result.summary }

    /// Renders the notes of `range`. The template is found and checked before the history is walked.
    public static func render(_ history: ReleaseHistory, _ range: RangeRequest, now: Int64) throws -> ReleaseNotesText {
        let renderer = try TemplateLookup.renderer(.draft, settings: history.settings.templates)
        var range = range
        // The history before the release is read only when the template shows who is new.
        if renderer.source.text.contains("newContributors") { range.newContributors = true }
        let result = try history.release(range, now: now)
        var text = try renderer.render(result.context)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        return ReleaseNotesText(text: text, result: result)
    }
}
