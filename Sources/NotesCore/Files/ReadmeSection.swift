import Foundation
import NotesMarkdown

/// The one rule that finds a README's release-notes section, for `readme`, `release` and `check`: the
/// top-level headings whose text, trimmed, equals the configured title (`[readme] heading`, `--section`)
/// trimmed, in any case. `[readme] heading = "Release Notes "` and `## release notes` find the same section.
enum ReadmeSection {
    /// The headings of `document` that open a section titled `title`, in document order.
    static func headings(in document: MarkdownDocument, title: String) -> [MarkdownDocument.Heading] {
        let wanted = normalized(title)
        return document.headings.filter { normalized($0.plainText) == wanted }
    }

    static func normalized(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
}
