// swift-tools-version:6.0
import PackageDescription

// `notes --version` names the commit it was built from when the build's environment sets NOTES_BUILD_COMMIT
// (`make dist` does, from `git rev-parse`); a plain `swift build` runs no git and says "unknown".
let buildCommit = String((Context.environment["NOTES_BUILD_COMMIT"] ?? "").filter {
    $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")
})

let package = Package(
    name: "notes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notes", targets: ["notes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/mxcl/Version", from: "2.2.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2",
                       providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        .target(name: "CNotesBuildInfo",
                cSettings: buildCommit.isEmpty ? [] : [.define("NOTES_BUILD_COMMIT", to: "\"\(buildCommit)\"")]),
        .target(name: "NotesGit", dependencies: ["CGit2"]),
        .target(name: "NotesMarkdown", dependencies: ["CCmark"]),
        .target(
            name: "NotesCore",
            dependencies: [
                "NotesGit", "NotesMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Version", package: "Version"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "NotesCLI",
            dependencies: [
                "NotesCore", "NotesGit", "CNotesBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "notes", dependencies: ["NotesCLI"]),
        .testTarget(name: "NotesCoreTests", dependencies: ["NotesCore", "NotesGit", "NotesMarkdown"],
                    exclude: ["Golden"]),
        .testTarget(name: "NotesGitTests", dependencies: ["NotesGit"]),
        .testTarget(name: "NotesMarkdownTests", dependencies: ["NotesMarkdown"]),
        .testTarget(name: "FixtureTests", dependencies: ["NotesCLI", "NotesCore", "NotesGit", "NotesMarkdown"],
                    exclude: ["Fixtures"]),
    ]
)

// libFuzzer harnesses, built only by scripts/fuzz (NOTES_FUZZ=1 swift build -Xswiftc -sanitize=fuzzer,...):
// never part of a normal build or `swift test`.
if Context.environment["NOTES_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "notes-fuzz", dependencies: ["NotesCore", "NotesGit", "NotesMarkdown"], path: "Fuzz/NotesFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
