/// Where a version string sits in a file: found by ``VersionFiles``, edited by ``VersionFiles/replacing(_:in:with:)``.
public struct VersionLocation: Sendable, Hashable {
    /// The file, as given to the function that found it (used in messages).
    public let path: String
    /// The TOML key path found (`["package", "version"]`); empty for a `notes:version` marker line.
    public let keyPath: [String]
    /// The version text as it is in the file (`1.2.3`); empty when ``isWorkspaceInherited``.
    public let value: String
    /// The byte offsets of the string's contents, inside the quotes; empty when ``isWorkspaceInherited``.
    public let contentRange: Range<Int>
    /// The 1-based line of the value.
    public let line: Int
    /// True for a Cargo.toml whose `[package] version` is `version.workspace = true`: the version lives in the
    /// workspace root's `[workspace.package] version` (see ``VersionFiles/cargoWorkspaceVersion(memberPath:memberBytes:read:)``).
    public let isWorkspaceInherited: Bool

    /// Makes a location.
    public init(path: String, keyPath: [String], value: String, contentRange: Range<Int>, line: Int,
                isWorkspaceInherited: Bool = false) {
        self.path = path
        self.keyPath = keyPath
        self.value = value
        self.contentRange = contentRange
        self.line = line
        self.isWorkspaceInherited = isWorkspaceInherited
    }
}

/// One version file's new contents: only the bytes of the version string differ from the old ones.
public struct VersionFileEdit: Sendable, Hashable {
    /// The file to write.
    public let path: String
    /// The key path edited; empty for a `notes:version` marker line.
    public let keyPath: [String]
    /// The version the file held.
    public let oldVersion: String
    /// The whole file with the new version spliced in.
    public let newBytes: [UInt8]

    /// Makes an edit.
    public init(path: String, keyPath: [String], oldVersion: String, newBytes: [UInt8]) {
        self.path = path
        self.keyPath = keyPath
        self.oldVersion = oldVersion
        self.newBytes = newBytes
    }
}

/// A Cargo member's version followed to its workspace root.
public struct CargoWorkspaceVersion: Sendable, Hashable {
    /// The member's Cargo.toml, which says `version.workspace = true`.
    public let memberPath: String
    /// The workspace root's Cargo.toml.
    public let rootPath: String
    /// The root's `[workspace.package] version`.
    public let location: VersionLocation

    /// Makes a followed version.
    public init(memberPath: String, rootPath: String, location: VersionLocation) {
        self.memberPath = memberPath
        self.rootPath = rootPath
        self.location = location
    }

    /// What to tell the user: `crates/a/Cargo.toml inherits its version from the workspace: Cargo.toml [workspace.package] version = "1.2.3"`.
    public var note: String {
        "\(memberPath) inherits its version from the workspace: \(rootPath) [workspace.package] version = \"\(location.value)\""
    }
}
