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

@Suite("Release commits of any tool and family")
struct ReleaseToolCommitTests {
    static func record(_ message: String) -> CommitRecord { Sample.commit(message, seed: 1) }

    @Test("release commits with no version of this release in them", arguments: [
        ("chore: release (#1234)", true),
        ("chore(main): release 17.11.1 (#2864)", true),
        ("chore: release main (#812)", true),
        ("chore(main): release notes-core 1.2.0 (#77)", true),
        ("release: plugin-legacy@8.2.3", true),
        ("release: create-vite@9.0.1", true),
        ("Version Packages (#1400)", true),
        ("chore: version packages", true),
        ("Release v1.2.3", true),
        ("chore(release): prepare", true),
        ("chore: release notes template", false),
        ("chore: release notes", false),
        ("chore: release script cleanup", false),
        ("fix: release the lock on exit", false),
        ("feat: release channels", false),
        ("release: the new docs site", false),
        ("Release the kraken", false),
        ("docs: describe the release process", false),
        // A workspace's per-crate version commits (axum: `axum-core 0.5.6`, then a `Release axum-core v0.5.6`
        // tag commit) and their reverts.
        ("axum-core 0.5.6", true),
        ("axum-macros v0.5.1", true),
        ("@vitejs/plugin-react 4.0.0", true),
        ("Revert \"axum-core 0.5.6\"\n\nThis reverts commit 8c6bd2dfec3e508fdcbf8de823357bb5ed71ec13.", true),
        ("Release axum-core v0.5.6", true),
        ("tokio 1.0", false),
        ("Update tokio 1.40.0", false),
        ("Revert \"Fix tuples (#3603)\"\n\nThis reverts commit 0e961504c27d3b43af0147023d8644cce116b025.", false),
        ("0.5.6 axum-core", false),
        ("feat: axum-core 0.5.6", false),
    ] as [(String, Bool)])
    func releaseTool(message: String, expected: Bool) {
        #expect(ReleaseCommitRule.isReleaseCommit(Self.record(message), version: ReleaseVersion("2.0.0"), tagged: false,
                                                  detect: true) == expected)
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
