@testable import NotesCore
import Testing
import Version

@Suite("PEP 440 versions in Python files")
struct PEP440VersionTests {
    @Test("normal forms", arguments: [
        ("0.1.4rc1", "0.1.4rc1"), ("0.1.4-rc.1", "0.1.4rc1"), ("0.1.4.RC1", "0.1.4rc1"), ("1.0.0.post1", "1.0.0.post1"),
        ("1.0.0-1", "1.0.0.post1"), ("2.0.0.dev3", "2.0.0.dev3"), ("1.0.0alpha2", "1.0.0a2"), ("1.0.0-beta.1", "1.0.0b1"),
        ("v1.2", "1.2"), ("1.0.0+local.7", "1.0.0"),
    ])
    func normalises(text: String, normal: String) throws {
        #expect(try #require(PEP440Version(text)).description == normal)
    }

    @Test("not versions", arguments: ["", "abc", "1.0.0-foo.1", "1..0"])
    func rejects(text: String) {
        #expect(PEP440Version(text) == nil)
    }

    @Test("PEP 440 order")
    func order() throws {
        let ordered = ["1.0.0.dev1", "1.0.0a1", "1.0.0a2", "1.0.0b1", "1.0.0rc1", "1.0.0", "1.0.0.post1", "1.0.0.post2", "1.0.1"]
        let versions = try ordered.map { try #require(PEP440Version($0)) }
        for (lower, higher) in zip(versions, versions.dropFirst()) { #expect(lower < higher, "\(lower) < \(higher)") }
        #expect(PEP440Version("1.0") == PEP440Version("1.0.0"))
    }

    @Test("a semantic version is written the PEP 440 way; the tag keeps semver", arguments: [
        ("0.1.4-rc.1", "0.1.4rc1"), ("0.1.4-alpha.2", "0.1.4a2"), ("0.1.4-beta.1", "0.1.4b1"), ("0.1.4", "0.1.4"),
        ("0.2.0-dev.3", "0.2.0.dev3"), ("0.1.4-nightly.1", "0.1.4-nightly.1"),
    ])
    func writes(semver: String, written: String) throws {
        let version = try #require(ReleaseVersion(semver))
        #expect(VersionFileValue.text(for: version, pep440: true) == written)
        #expect(VersionFileValue.text(for: version, pep440: false) == semver)
        #expect(VersionFileValue.holds(written, version, pep440: true))
    }

    @Test("a post-release in a file is above its release and below the next")
    func postReleaseCompares() throws {
        let release = try #require(ReleaseVersion("1.0.0"))
        let next = try #require(ReleaseVersion("1.0.1"))
        #expect(VersionFileValue.compare("1.0.0.post1", with: release, pep440: true) == .orderedDescending)
        #expect(VersionFileValue.compare("1.0.0.post1", with: next, pep440: true) == .orderedAscending)
        #expect(VersionFileValue.compare("0.1.4rc1", with: try #require(ReleaseVersion("0.1.4-rc.1")), pep440: true) == .orderedSame)
        #expect(VersionFileValue.releaseVersion("0.1.4rc1", pep440: true)?.bare == "0.1.4-rc.1")
        #expect(VersionFileValue.releaseVersion("1.0.0.post1", pep440: true) == nil)
    }
}
