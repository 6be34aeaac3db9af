import Testing
@testable import NotesCore

/// Version files that gave exit 1 ("please report this") because the byte scanner could not find what
/// TOMLKit read: a byte order mark, and keys written with escapes.
struct VersionFilesHostileTests {
    static let files: [(String, [String])] = [
        ("\u{FEFF}[package]\nname = \"a\"\nversion = \"1.2.3\"\n", ["package", "version"]),
        ("[package]\n\"vers\\u0069on\" = \"1.2.3\"\n", ["package", "version"]),
        ("[\"p\\u0061ckage\"]\n\"version\" = \"1.2.3\"\n", ["package", "version"]),
        ("[project]\n\"\\U00000076ersion\" = \"1.2.3\"\n", ["project", "version"]),
    ]

    @Test("the version is found and spliced; every other byte (the BOM too) stays", arguments: files)
    func spliced(text: String, keyPath: [String]) throws {
        let bytes = Array(text.utf8)
        let location = try VersionFiles.tomlValue(bytes, keyPath: keyPath, path: "Cargo.toml")
        #expect(location.value == "1.2.3")
        let edited = VersionFiles.replacing(location, in: bytes, with: "2.0.0")
        #expect(String(decoding: edited, as: UTF8.self) == text.replacingOccurrences(of: "1.2.3", with: "2.0.0"))
    }

    @Test func cargoManifestWithBOM() throws {
        let location = try VersionFiles.cargoManifestVersion(Array(Self.files[0].0.utf8), path: "Cargo.toml")
        #expect(location.value == "1.2.3" && location.line == 3)
    }
}
