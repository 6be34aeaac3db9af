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

    /// The file, relative to the repository's root (`barter-python/Cargo.toml`).
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

    /// The defaults: `Cargo.toml` and `pyproject.toml`, each where it exists (``Settings`` puts them in the
    /// package's folder).
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
