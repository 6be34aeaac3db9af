import NotesGit

/// One file that holds the package's version, and how to find the version in it.
public struct VersionFileSpec: Sendable, Hashable {
    /// How the version is written in the file.
    public enum Format: Sendable, Hashable {
        /// A Cargo.toml: `[package] version`, `[workspace.package] version`, or `version.workspace = true`
        /// followed to the workspace root.
        case cargo
        /// A pyproject.toml: `[project] version`, else `[tool.poetry] version`.
        case pyproject
        /// Any TOML file, by key path (`["tool", "myapp", "version"]`).
        case toml(keyPath: [String])
        /// Any other file: the quoted version on the line marked `notes:version`.
        case marker
    }

    /// The file, relative to the package's root folder (`Cargo.toml`, `src/mypkg/__init__.py`).
    public var path: String
    /// How the version is written in it.
    public var format: Format
    /// True for a default file (Cargo.toml, pyproject.toml): skipped, and said so, when it does not exist.
    /// A configured file that does not exist is an error.
    public var isDefault: Bool

    /// Makes a spec.
    public init(path: String, format: Format, isDefault: Bool = false) {
        self.path = path
        self.format = format
        self.isDefault = isDefault
    }

    /// The defaults: `Cargo.toml` and `pyproject.toml` at the package's root, each where it exists.
    public static let defaults: [VersionFileSpec] = [
        VersionFileSpec(path: "Cargo.toml", format: .cargo, isDefault: true),
        VersionFileSpec(path: "pyproject.toml", format: .pyproject, isDefault: true),
    ]

    /// Reads a `--version-file` value: `PATH` whose name is `Cargo.toml` or `pyproject.toml` takes that
    /// format, `PATH:dotted.key.path` a TOML key path, any other `PATH` a `notes:version` marker line.
    public static func parse(_ text: String) -> VersionFileSpec {
        if let colon = text.lastIndex(of: ":"), text[text.index(after: colon)...].contains("."),
           !text[text.index(after: colon)...].contains("/") {
            let keys = text[text.index(after: colon)...].split(separator: ".").map(String.init)
            return VersionFileSpec(path: String(text[..<colon]), format: .toml(keyPath: keys))
        }
        let name = text.split(separator: "/").last.map(String.init) ?? text
        switch name {
        case "Cargo.toml": return VersionFileSpec(path: text, format: .cargo)
        case "pyproject.toml": return VersionFileSpec(path: text, format: .pyproject)
        default: return VersionFileSpec(path: text, format: .marker)
        }
    }
}

/// The release flow's settings, filled from flags and defaults (and later from `notes.toml`).
public struct ReleaseSettings: Sendable {
    /// The package's root folder, relative to the work tree; "" for the repository's root.
    public var packagePath: String
    /// The files that hold the version. Default: ``VersionFileSpec/defaults``.
    public var versionFiles: [VersionFileSpec]
    /// Release tags are `prefix` + version; nil takes the style of the previous release tags, else `v`.
    public var tagPrefix: String?
    /// The branch releases are made from. Default `main`.
    public var releaseBranch: String
    /// The ref `notes attach` writes notes under. Default `refs/notes/release`.
    public var notesRef: String
    /// How changes map to a version bump below 1.0.0.
    public var bumpRules: BumpRules
    /// The changelog, relative to the package's root; found at the package's root, else the repository's.
    /// Default `CHANGELOG.md`.
    public var changelogPath: String
    /// The README, relative to the package's root; found at the package's root, else the repository's.
    /// Default `README.md`.
    public var readmePath: String
    /// The commits that count for the package (a configured package's paths); empty: every commit.
    public var paths = PathFilter(paths: [])
    /// The heading of the README's release-notes section. Default `Release Notes`.
    public var readmeHeading = "Release Notes"
    /// Keep only the newest N README entries (nil: all).
    public var readmeKeep: Int?
    /// True when the changelog is configured in notes.toml: `notes release` then creates it when missing
    /// (a default CHANGELOG.md that does not exist is skipped).
    public var changelogConfigured = false
    /// `[tags] tagger_name` / `tagger_email` of notes.toml: who signs tags and release commits when
    /// `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL` are not set. Nil: the git configuration.
    public var tagger: (name: String, email: String)?

    /// The default settings at the repository's root.
    public init(packagePath: String = "", versionFiles: [VersionFileSpec] = VersionFileSpec.defaults,
                tagPrefix: String? = nil, releaseBranch: String = "main", notesRef: String = "refs/notes/release",
                bumpRules: BumpRules = BumpRules(), changelogPath: String = "CHANGELOG.md",
                readmePath: String = "README.md") {
        self.packagePath = packagePath
        self.versionFiles = versionFiles
        self.tagPrefix = tagPrefix
        self.releaseBranch = releaseBranch
        self.notesRef = notesRef
        self.bumpRules = bumpRules
        self.changelogPath = changelogPath
        self.readmePath = readmePath
    }
}
