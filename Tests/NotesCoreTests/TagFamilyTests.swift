@testable import NotesCore
import Testing

@Suite("Tag families")
struct TagFamilyTests {
    @Test("a tag name splits into its family's prefix and the longest semantic-version ending", arguments: [
        ("v1.2.3", nil, "1.2.3"),
        ("1.2.3", nil, "1.2.3"),
        ("V1.2.3-rc.1", nil, "1.2.3-rc.1"),
        ("conventional-changelog-angular-v9.4.0", "conventional-changelog-angular-v", "9.4.0"),
        ("plugin-legacy@8.2.3", "plugin-legacy@", "8.2.3"),
        ("barter-python-v0.1.3", "barter-python-v", "0.1.3"),
        ("pkg-v1.0.0-rc.1", "pkg-v", "1.0.0-rc.1"),
        ("@vitejs/plugin-react@4.0.0", "@vitejs/plugin-react@", "4.0.0"),
    ] as [(String, String?, String)])
    func splits(name: String, prefix: String?, version: String) throws {
        let split = try #require(TagFamily.split(name))
        #expect(split.prefix == prefix)
        #expect(split.version.bare == version)
    }

    @Test("names without a semantic-version ending have no family", arguments: ["release-2024", "v1.2", "latest"])
    func noFamily(name: String) {
        #expect(TagFamily.split(name) == nil)
    }
}

@Suite("Release commits")
struct ReleaseCommitRuleTests {
    @Test("a subject names the version as a word", arguments: [
        ("release: v8.2.2", "8.2.2", true),
        ("bump: version 4.12.1 → 4.13.0", "4.13.0", true),
        ("release: cut the v22.1.5 release", "22.1.5", true),
        ("chore: 1.2.3", "1.2.3", true),
        ("docs: 18.2.21 notes", "8.2.2", false),
        ("docs: 1.2.3-rc.1 notes", "1.2.3", false),
        ("docs: 1.2.30", "1.2.3", false),
        ("docs: version 1.2.3.", "1.2.3", true),
    ] as [(String, String, Bool)])
    func names(subject: String, version: String, expected: Bool) {
        #expect(ReleaseCommitRule.names(subject, version) == expected)
    }
}
