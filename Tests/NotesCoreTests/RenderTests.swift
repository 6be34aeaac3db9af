import Foundation
import NotesCore
import NotesGit
import NotesMarkdown
import Testing

/// Commits made in memory, for golden tests that need no repository.
enum Sample {

    static func commit(_ message: String, author: String = "Alice Example", seed: Int) -> CommitRecord {
        let hex = String(format: "%08x", (seed + 1) &* 2_654_435_761 & 0xffff_ffff) + String(repeating: "5", count: 32)
        return CommitRecord(RawCommit(
            id: CommitID(hex: hex)!, parents: [],
            author: Signature(name: author, email: "\(author.lowercased().prefix(3))@example.com",
                              time: 1_764_000_000 + Int64(seed) * 60, offsetMinutes: 0),
            committer: Signature(name: author, email: "x@example.com", time: 1_764_000_000 + Int64(seed) * 60,
                                 offsetMinutes: 0),
            message: Array(message.utf8), encoding: nil))
    }

    /// Newest first, as a walk hands them out.
    static var commits: [CommitRecord] {
        let messages = [
            "feat(api): add pagination (#12)",
            "fix: crash on empty input\n\nFixes #13",
            "feat(api)!: drop the v1 endpoints\n\nBREAKING CHANGE: v1 is gone.\nMigrate to v2.",
            "docs: explain `Vec<u8>` and <T> in the guide",
            "feat(api): paginate search too\n\nRefs: #12",
            "Update the logo",
            "perf: faster walks",
            "chore(release): 1.0.0",
        ]
        return messages.enumerated().map { commit($1, author: $0 % 3 == 0 ? "Bob Builder" : "Alice Example", seed: $0) }
            .reversed()
    }

    static var info: ReleaseInfo {
        ReleaseInfo(title: "v1.1.0", version: ReleaseVersion("v1.1.0"), tagName: "v1.1.0", tagExists: false,
                    previousTag: "v1.0.0", previousTagDate: 1_760_000_000, date: 1_764_028_800,
                    from: CommitID(hex: String(repeating: "1", count: 40)),
                    to: CommitID(hex: String(repeating: "2", count: 40))!, rangeLabel: "v1.0.0..HEAD",
                    comparison: ("v1.0.0", "v1.1.0", "v1.0.0...v1.1.0"))
    }
}

@Suite("Rendering")
struct RenderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func builtinTemplatesMatchTemplatesFolder() throws {
        let folder = Self.packageRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == Set(BuiltinTemplates.files.keys), "run scripts/embed-templates")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltinTemplates.files[name] == text, "templates/\(name) changed: run scripts/embed-templates")
        }
    }

    func render(links: RemoteLinks?) throws -> String {
        let notes = ReleaseBuilder.build(info: Sample.info, commits: Sample.commits)
        let context = ReleaseContext(notes: notes, links: links)
        return try TemplateRenderer(#require(TemplateSource.builtin("release-notes.md"))).render(context)
    }

    func golden(_ name: String, _ text: String) throws {
        let url = Self.packageRoot.appendingPathComponent("Tests/NotesCoreTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func goldenPlainText() throws {
        try golden("release-notes-plain.md", render(links: nil))
    }

    @Test func goldenGitHubLinks() throws {
        try golden("release-notes-github.md", render(links: RemoteLinks(remoteURL: "git@github.com:acme/widget.git")))
    }

    /// A multi-change commit (release-please's convention) with a breaking change in its body, and two
    /// commits whose identical breaking footers make one entry naming both.
    @Test func goldenMultiChangeCommit() throws {
        let messages = [
            "feat: adds v4 UUID to crypto (#40)\n\nThis adds support for v4 UUIDs to the library.\n\n"
                + "fix(utils): unicode no longer throws exception\n  PiperOrigin-RevId: 345559154\n"
                + "  BREAKING-CHANGE: encode method no longer throws.\n  Source-Link: googleapis/googleapis@5e0dcb2\n\n"
                + "feat(utils): update encode to support unicode\n  PiperOrigin-RevId: 345559182",
            "refactor(config)!: rename keys\n\nBREAKING CHANGE: the `[output]` table is now `[render]`;\n"
                + "run notes-migrate to convert old files.",
            "refactor(cli)!: follow the renamed keys\n\nBREAKING CHANGE: the `[output]` table is now `[render]`; "
                + "run notes-migrate to convert old files.",
        ]
        let commits = messages.enumerated().map { Sample.commit($1, seed: $0) }.reversed()
        let notes = ReleaseBuilder.build(info: Sample.info, commits: Array(commits))
        let context = ReleaseContext(notes: notes, links: RemoteLinks(remoteURL: "git@github.com:acme/widget.git"))
        try golden("release-notes-multi-change.md",
                   TemplateRenderer(#require(TemplateSource.builtin("release-notes.md"))).render(context))
        #expect(ChangeSummary(notes).hasBreaking)
    }

    /// The rendered notes parse, with libcmark, into the structure the template means: a title, then a
    /// heading and a list per section, in order.
    @Test func renderedNotesHaveTheIntendedStructure() throws {
        let text = try render(links: RemoteLinks(remoteURL: "https://github.com/acme/widget"))
        let document = MarkdownDocument(text: text)
        #expect(document.blockSummary == [
            "heading(2): v1.1.0 (2025-11-25)",
            "heading(3): Breaking changes", "list(1 item)",
            "heading(3): Features", "list(1 item)",
            "heading(3): Bug fixes", "list(1 item)",
            "heading(3): Performance", "list(1 item)",
            "heading(3): Other changes", "list(1 item)",
            "paragraph",
            "paragraph",
            "paragraph",
        ])
        // The documentation entry is folded into the maintenance line: its text is checked in the context.
        let descriptions = ReleaseContext(notes: ReleaseBuilder.build(info: Sample.info, commits: Sample.commits), links: nil)
            .sections.flatMap(\.entries).map(\.description)
        #expect(descriptions.contains { $0.contains("and \\<T> in") }, "raw HTML must be escaped")
        #expect(descriptions.contains { $0.contains("`Vec<u8>`") }, "code spans stay as written")
        #expect(text.contains("**Maintenance:** 1 change (documentation 1)"))
    }

    @Test func contextJSONHasExplicitNullsAndCompactArrays() throws {
        let notes = ReleaseBuilder.build(info: Sample.info, commits: Sample.commits)
        let json = try ContextJSON.encode(ReleaseContext(notes: notes, links: nil))
        #expect(json.contains("\"url\" : null"))
        #expect(json.contains("\"skipped\" : \"release\""))
        #expect(!json.contains("[\n\n"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) ==
            ["release", "sections", "changes", "maintenance", "breaking", "issues", "contributors", "newContributors",
             "commits", "stats", "hasChanges"])
    }

    @Test(arguments: [
        ("{{#sections}}\n{{title}}\n", "t.md:1: unclosed section \"sections\""),
        ("a\n{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n", "t.md:4: closing tag does not match its section: {{/a}} closes section \"b\" opened on line 3"),
        ("{{title\n", "t.md:1: a tag is not closed: {{title"),
    ])
    func templateErrorsNameFileLineAndSection(template: String, message: String) {
        #expect(throws: NotesError.self) { try TemplateRenderer(TemplateSource(displayName: "t.md", text: template)) }
        do {
            _ = try TemplateRenderer(TemplateSource(displayName: "t.md", text: template))
        } catch let error as NotesError {
            #expect(error.message == message)
            #expect(error.exitCode == .template)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

@Suite("Grouping")
struct GroupingTests {
    @Test func sectionsFoldRevertsAndSkips() {
        let notes = ReleaseBuilder.build(info: Sample.info, commits: Sample.commits)
        #expect(notes.sections.map(\.kind) == [.breaking, .features, .fixes, .performance, .documentation, .other])
        let features = notes.sections.first { $0.kind == .features }?.entries ?? []
        #expect(features.count == 1)
        #expect(features.first?.commits.count == 2, "two commits linking #12 fold into one entry")
        #expect(features.first?.description == "add pagination", "squash suffix removed")
        #expect(notes.commits.first?.skipped == .release)
        #expect(notes.contributors.map(\.commitCount) == [4, 3])
        #expect(notes.issues.map(\.reference.key) == ["#12", "#13"])
        #expect(notes.issues.map(\.closes) == [false, true])
    }

    @Test func revertInRangeCancelsAndRevertOfRevertRestores() {
        let original = Sample.commit("feat: shiny", seed: 100)
        let revert = Sample.commit("Revert \"feat: shiny\"\n\nThis reverts commit \(original.id.hex).", seed: 101)
        let revertRevert = Sample.commit(
            "Revert \"Revert \"feat: shiny\"\"\n\nThis reverts commit \(revert.id.hex.prefix(12)).", seed: 102)
        let cancelled = ReleaseBuilder.build(info: Sample.info, commits: [revert, original])
        #expect(cancelled.sections.isEmpty)
        #expect(cancelled.commits.map(\.skipped) == [.revert, .reverted])
        let restored = ReleaseBuilder.build(info: Sample.info, commits: [revertRevert, revert, original])
        #expect(restored.sections.map(\.kind) == [.features])
        #expect(restored.commits.map(\.skipped) == [.revert, .reverted, nil])
    }

    @Test func revertOfEarlierReleaseIsListed() {
        let revert = Sample.commit("Revert \"feat: old\"\n\nThis reverts commit \(String(repeating: "9", count: 40)).",
                                   seed: 5)
        let notes = ReleaseBuilder.build(info: Sample.info, commits: [revert])
        #expect(notes.sections.map(\.kind) == [.reverts])
        #expect(notes.sections.first?.entries.first?.reverted?.revertedID == String(repeating: "9", count: 40))
    }
}
