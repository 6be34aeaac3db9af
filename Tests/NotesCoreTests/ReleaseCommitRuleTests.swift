@testable import NotesCore
import Testing

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
        ("1.2.3", "1.2.3", true),
        ("v1.2.3-", "1.2.3", false),
        ("x.1.2.3 y", "1.2.3", false),
        ("1.2.3.4", "1.2.3", false),
        ("release 1.2.3.x", "1.2.3", true),
        ("release ١1.2.3", "1.2.3", false),
        ("release é1.2.3 ü", "1.2.3", true),
        ("1.2.31.2.3 1.2.3", "1.2.3", true),
        ("1.2.3", "1.2.3.4", false),
        ("", "1.2.3", false),
    ] as [(String, String, Bool)])
    func names(subject: String, version: String, expected: Bool) {
        #expect(ReleaseCommitRule.names(subject, version) == expected)
    }
}

@Suite("Issue keys already in the text")
struct MentionTests {
    @Test("a key is a mention as a word, with or without its bytes elsewhere", arguments: [
        ("fix #12 in the parser", "#12", true), ("fix #123", "#12", false), ("a#12", "#12", false),
        ("see owner/repo#12", "#12", false), ("see owner/repo#12", "owner/repo#12", true), ("no key", "#12", false),
        ("", "#12", false), ("é#12", "#12", false), ("(#12)", "#12", true), ("#12é", "#12", true), ("#12٣", "#12", false),
    ] as [(String, String, Bool)])
    func mentions(text: String, key: String, expected: Bool) {
        #expect(ReleaseContext.mentions(text, key) == expected)
    }
}
