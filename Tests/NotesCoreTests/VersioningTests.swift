@testable import NotesCore
import Version
import NotesGit
import Testing

@Suite("Release versions and tags")
struct VersioningTests {
    @Test(arguments: [
        ("1.2.3", "1.2.3", ""), ("v1.2.3", "1.2.3", "v"), ("V1.2.3", "1.2.3", "V"),
        ("v1.2.3-rc.1", "1.2.3-rc.1", "v"), ("1.0.0-alpha.beta+exp.sha.5114f85", "1.0.0-alpha.beta+exp.sha.5114f85", ""),
        ("0.0.0", "0.0.0", ""),
    ])
    func parsesVersions(text: String, bare: String, prefix: String) throws {
        let version = try #require(ReleaseVersion(text))
        #expect(version.bare == bare)
        #expect(version.prefix == prefix)
        #expect(version.description == text)
    }

    @Test(arguments: ["banana", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "v", "", "1.2.3-", "1.2.3-rc..1", "1.2.3-01",
                      "1.2.3+", "vv1.2.3", " 1.2.3", "1.2.3 ", "-1.2.3", "1.2.x"])
    func rejectsNonVersions(text: String) {
        #expect(ReleaseVersion(text) == nil)
    }

    @Test func prefixedTagsDoNotMatchLookAlikes() throws {
        let pattern = TagPattern(prefix: "barter-data-v")
        #expect(pattern.version(inTagNamed: "barter-data-v0.13.0")?.bare == "0.13.0")
        #expect(pattern.version(inTagNamed: "barter-v1.0.0") == nil)
        #expect(pattern.version(inTagNamed: "barter-data-v0.13") == nil)
        #expect(TagPattern(prefix: "barter-v").version(inTagNamed: "barter-data-v0.13.0") == nil)
        #expect(TagPattern().version(inTagNamed: "barter-v1.0.0") == nil)
    }

    @Test func prereleaseOrderIsNumeric() throws {
        let rc2 = try #require(ReleaseVersion("v1.0.0-rc.2"))
        let rc10 = try #require(ReleaseVersion("v1.0.0-rc.10"))
        let final = try #require(ReleaseVersion("v1.0.0"))
        #expect(rc2 < rc10)
        #expect(rc10 < final)
    }

    static func tag(_ name: String, _ hex: Character) -> TagRef {
        TagRef(name: name, target: CommitID(hex: String(repeating: hex, count: 40))!, date: 0)
    }

    /// A linear history a <- b <- c <- d; tags on each.
    @Test func previousTagRules() throws {
        let tags = TagPattern().versionTags([
            Self.tag("v1.0.0", "a"), Self.tag("v1.1.0-rc.1", "b"), Self.tag("v1.1.0-rc.2", "c"), Self.tag("v1.1.0", "d"),
        ])
        func names(_ version: String?, excluding: String?) -> [String] {
            PreviousTagRule.candidates(for: version.flatMap { ReleaseVersion($0) }, excluding: excluding, among: tags)
                .map(\.name)
        }
        #expect(names("v1.1.0", excluding: "v1.1.0") == ["v1.0.0"])
        #expect(names("v1.1.0-rc.2", excluding: "v1.1.0-rc.2") == ["v1.1.0-rc.1", "v1.0.0"])
        #expect(names(nil, excluding: nil) == ["v1.1.0", "v1.1.0-rc.2", "v1.1.0-rc.1", "v1.0.0"])
        #expect(names("v0.9.0", excluding: nil).isEmpty)
        #expect(names("v1.2.0", excluding: nil) == ["v1.1.0", "v1.0.0"])
    }

    /// The keyed sort of `versionTags` gives the order of the plain comparison, in every input order: ties in
    /// the numbers, pre-releases, build metadata (not compared), one version under two names.
    @Test func versionTagsOrderIsThePlainComparisonsOrder() throws {
        let names = ["v1.0.0", "1.0.0", "v1.0.0+build.2", "v1.0.0-rc.1", "v1.0.0-rc.10", "v1.0.0-rc.2", "v1.0.0-alpha",
                     "v1.0.0-alpha.1", "v1.0.0-1", "v0.10.0", "v0.9.9", "v10.0.0", "v2.0.0", "v1.10.0", "v1.9.10", "V1.0.0"]
        let tags = names.enumerated().map { Self.tag($0.element, Array("0123456789abcdef")[$0.offset]) }
        let expected = tags.compactMap { tag in ReleaseVersion(tag.name).map { VersionTag(tag: tag, version: $0) } }
            .sorted(by: VersionTag.precedes).map(\.name)
        #expect(expected.prefix(3) == ["v10.0.0", "v2.0.0", "v1.10.0"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            #expect(TagPattern().versionTags(tags.shuffled(using: &generator)).map(\.name) == expected)
        }
    }

    /// The binary search gives the first candidate of the filter, for every version and both stable-start
    /// rules, on tags with pre-releases, equal versions under two spellings and gaps.
    @Test func firstCandidateIsTheFiltersFirst() throws {
        let names = ["0.9.0", "v1.0.0", "1.0.0", "v1.1.0-alpha.1", "v1.1.0-rc.1", "v1.1.0-rc.2", "v1.1.0", "v1.1.1",
                     "v2.0.0-beta.1", "v2.0.0", "v2.0.1-rc.1", "v10.0.0"]
        let tags = TagPattern().versionTags(names.enumerated().map { Self.tag($0.element, Array("0123456789ab")[$0.offset]) })
        let versions = names + ["v0.1.0", "v1.0.1", "v1.1.0-beta.1", "v1.2.0", "v2.0.1", "v3.0.0", "v99.0.0-rc.1"]
        for text in versions {
            let version = try #require(ReleaseVersion(text))
            for excluding in [nil, text] {
                for start in PreviousTagRule.StableStart.allCases {
                    let filtered = PreviousTagRule.candidates(for: version, excluding: excluding, among: tags, stableStart: start)
                    let first = PreviousTagRule.first(for: version, excluding: excluding, among: tags, stableStart: start)
                    #expect(first == filtered.first, "\(text) excluding \(excluding ?? "-") \(start)")
                }
            }
        }
        #expect(PreviousTagRule.first(for: ReleaseVersion("v1.0.0")!, excluding: nil, among: []) == nil)
    }

    /// Tags that turn out not to be release tags when checked (`isRelease`: a packed tag on a tree, or
    /// one whose commit a shallow clone lacks) are skipped as if they had not been listed: the first
    /// candidate is the next one, for every version, both stable-start rules and every set of refused tags
    /// among a few; and `isRelease` is asked only about the tags the rule reaches.
    @Test(arguments: [
        ([], "v1.2.0", "v1.1.0"),
        (["v1.1.0"], "v1.2.0", "v1.0.0"),  // the highest lower version is on a tree: the next one
        (["v1.1.0"], "v1.2.0-rc.1", "v1.1.0-rc.2"),
        (["v1.1.0", "v1.1.0-rc.2"], "v1.2.0-rc.1", "v1.1.0-rc.1"),
        (["v1.1.0", "v1.0.0"], "v1.2.0", nil),
        (["v1.1.0-rc.2"], "v1.1.0", "v1.0.0"),  // a stable release skips rc.1 anyway
        (["v1.1.0-rc.2"], "v1.1.0-rc.3", "v1.1.0-rc.1"),
    ] as [([String], String, String?)])
    func refusedTagsAreSkipped(refused: [String], version text: String, expected: String?) throws {
        let tags = TagPattern().versionTags([
            Self.tag("v1.0.0", "a"), Self.tag("v1.1.0-rc.1", "b"), Self.tag("v1.1.0-rc.2", "c"), Self.tag("v1.1.0", "d"),
        ])
        let version = try #require(ReleaseVersion(text))
        var asked: [String] = []
        let first = PreviousTagRule.first(for: version, excluding: nil, among: tags) { tag in
            asked.append(tag.name)
            return !refused.contains(tag.name)
        }
        #expect(first?.name == expected)
        #expect(asked.allSatisfy { refused.contains($0) || $0 == expected }, "asked only up to the answer: \(asked)")
        let filtered = TagPattern().versionTags(tags.map(\.tag).filter { !refused.contains($0.name) })
        #expect(first == PreviousTagRule.first(for: version, excluding: nil, among: filtered), "as if never listed")
        for start in PreviousTagRule.StableStart.allCases {
            for excluding in [nil, text, "v1.1.0"] {
                let candidates = PreviousTagRule.candidates(for: version, excluding: excluding, among: tags,
                                                            stableStart: start) { !refused.contains($0.name) }
                #expect(candidates == PreviousTagRule.candidates(for: version, excluding: excluding, among: filtered,
                                                                 stableStart: start))
                #expect(PreviousTagRule.first(for: version, excluding: excluding, among: tags, stableStart: start) {
                    !refused.contains($0.name)
                } == candidates.first)
            }
        }
    }
}

@Suite("Remote links")
struct RemoteLinksTests {
    @Test(arguments: [
        ("https://github.com/acme/widget.git", "github", "https://github.com/acme/widget"),
        ("https://github.com/acme/widget", "github", "https://github.com/acme/widget"),
        ("git@github.com:acme/widget.git", "github", "https://github.com/acme/widget"),
        ("ssh://git@github.com/acme/widget.git", "github", "https://github.com/acme/widget"),
        ("https://user:token@github.com/acme/widget.git", "github", "https://github.com/acme/widget"),
        ("git@gitlab.com:group/sub/widget.git", "gitlab", "https://gitlab.com/group/sub/widget"),
        ("https://gitlab.example.org/team/widget", "gitlab", "https://gitlab.example.org/team/widget"),
        ("ssh://git@gitlab.com:2222/team/widget.git", "gitlab", "https://gitlab.com/team/widget"),
    ])
    func parsesRemotes(url: String, forge: String, repository: String) throws {
        let links = try #require(RemoteLinks(remoteURL: url))
        #expect(links.forge.rawValue == forge)
        #expect(links.repositoryURL == repository)
    }

    @Test(arguments: ["/srv/git/widget.git", "file:///srv/git/widget.git", "https://bitbucket.org/acme/widget",
                      "", "https://github.com/acme", "../widget"])
    func ignoresOtherRemotes(url: String) {
        #expect(RemoteLinks(remoteURL: url) == nil)
    }

    @Test func buildsPages() throws {
        let github = try #require(RemoteLinks(remoteURL: "git@github.com:acme/widget.git"))
        #expect(github.commitURL("abc") == "https://github.com/acme/widget/commit/abc")
        #expect(github.compareURL(from: "v1.0.0", to: "v1.1.0") == "https://github.com/acme/widget/compare/v1.0.0...v1.1.0")
        let gitlab = try #require(RemoteLinks(remoteURL: "https://gitlab.com/acme/widget"))
        #expect(gitlab.commitURL("abc") == "https://gitlab.com/acme/widget/-/commit/abc")
    }
}

@Suite("Dates")
struct DateTextTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01"), (1_764_028_800, "2025-11-25"), (951_782_400, "2000-02-29"),
        (4_107_542_399, "2100-02-28"), (-1, "1969-12-31"),
    ])
    func formatsDays(seconds: Int64, day: String) {
        #expect(DateText.day(seconds) == day)
    }

    @Test func formatsTimestamps() {
        #expect(DateText.timestamp(1_764_028_800 + 3_723) == "2025-11-25T01:02:03Z")
    }
}

@Suite("Strict SemVer on bytes")
struct StrictSemVerTests {
    @Test("the byte check agrees with the Character check", arguments: [
        "1.2.3", "0.0.0", "1.2.3-rc.1", "1.0.0-alpha.beta+exp.sha.5114f85", "1.2.3+001", "1.2.3-01", "1.2.3-0",
        "1.2.3-0a", "1.2.3-rc..1", "1.2.3-", "1.2.3+", "1.2.3+a+b", "1.2.3-a-b", "01.2.3", "1.02.3", "1.2.03",
        "1.2", "1.2.3.4", "", ".", "..", "1..3", "1.2.3 ", " 1.2.3", "1.2.x", "1234567890.0.0", "123456789.0.0",
        "1.2.3-ü", "1.2.3\u{301}", "١.2.3", "1.2.3-rc.1+é", "1.2.3-a.b.c.d+e.f-g", "1.2.3-+", "1.2.3--", "1.2.3-x.-",
        "1.2.3-rc.1+", "1.2.3+build.01", "1.2.3-rc.01", "1.2.3-a..b", "1.2.3-.a", "1.2.3+.", "+1.2.3", "-1.2.3",
        "1.2.3-a+b-c", "1.2.3+b-c", "1.2.3-00", "1.2.3+00", "0.0.0-0.0", "1.2.3-a.", "1.2.3.", ".1.2.3", "1.-2.3",
        "999999999.999999999.999999999", "1.2.3-a_b", "1.2.3\n", "1.2.3-a\u{0}",
    ])
    func agrees(text: String) {
        #expect(ReleaseVersion.isStrictSemVer(Substring(text)) == ReleaseVersion.isStrictSemVerByCharacter(Substring(text)))
    }

    @Test("the byte parse gives what Version(String) gives, build metadata included", arguments: [
        "1.2.3", "0.0.0", "1.2.3-rc.1", "1.0.0-alpha.beta+exp.sha.5114f85", "1.2.3+001", "1.2.3-0", "1.2.3-0a",
        "123456789.987654321.5", "1.2.3-a-b", "1.2.3-a.b.c.d+e.f-g", "10.20.30-x.7.z.92", "1.2.3--", "1.0.0-rc.1+build.1",
        "01.2.3", "1.2", "1.2.3.4", "", "1234567890.0.0", "1.2.3-ü", "1.2.x", "1.2.3-rc..1",
    ])
    func parsesLikeVersion(text: String) {
        let parsed = ReleaseVersion.strictSemVer(Substring(text))
        let reference = ReleaseVersion.isStrictSemVerByCharacter(Substring(text)) ? Version(text) : nil
        #expect(parsed == reference)
        #expect(parsed?.buildMetadataIdentifiers == reference?.buildMetadataIdentifiers)
        #expect(parsed?.description == reference?.description)
    }

    @Test("build metadata with a hyphen and no pre-release is a version (Version(String) refuses it)")
    func buildMetadataWithHyphen() throws {
        let version = try #require(ReleaseVersion("v1.2.3+build-5"))
        #expect(version.version.prereleaseIdentifiers.isEmpty)
        #expect(version.version.buildMetadataIdentifiers == ["build-5"])
        #expect(version.bare == "1.2.3+build-5")
    }
}
