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
        ("pkg2-v1.0.0", "pkg2-v", "1.0.0"),
        ("v1-compat-2.0.0", "v1-compat-", "2.0.0"),
        ("café-1.0.0+build-5", "café-", "1.0.0+build-5"),
        ("é1.2.3", "é", "1.2.3"),
        ("12.0.0.1.2.3", "12.0.0.", "1.2.3"),
    ] as [(String, String?, String)])
    func splits(name: String, prefix: String?, version: String) throws {
        let split = try #require(TagFamily.split(name))
        #expect(split.prefix == prefix)
        #expect(split.version.bare == version)
    }

    @Test("names without a semantic-version ending have no family", arguments: ["release-2024", "v1.2", "latest", "", "v1.2.3\u{301}", "1.2.3-",
                                                                            "v01.2.3", "v18446744073709551615.0.0", "1000000000.0.0"])
    func noFamily(name: String) {
        #expect(TagFamily.split(name) == nil)
    }
}
