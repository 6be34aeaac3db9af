import Foundation

/// A version as a version file spells it: Python files (pyproject.toml, uv.lock) hold PEP 440 versions
/// (`0.1.4rc1`, `1.0.0.post1`), every other file semantic versions. The one place that decides how a
/// release's version is written into a file, whether a file already holds it, and how a file's version
/// compares with it.
public enum VersionFileValue {
    /// The text to write for `version`: the bare semantic version, or its PEP 440 normal form.
    public static func text(for version: ReleaseVersion, pep440: Bool) -> String {
        pep440 ? PEP440Version.text(for: version.version) : version.bare
    }

    /// How the file's `text` compares with `version`; nil when `text` is not a version this format reads.
    public static func compare(_ text: String, with version: ReleaseVersion, pep440: Bool) -> ComparisonResult? {
        if pep440, let file = PEP440Version(text) {
            guard let release = PEP440Version(semver: version.version) else {
                return text == version.bare ? .orderedSame : nil
            }
            return file < release ? .orderedAscending : file == release ? .orderedSame : .orderedDescending
        }
        guard let file = ReleaseVersion(text, prefix: "") else { return nil }
        return file.version < version.version ? .orderedAscending
            : file.version == version.version ? .orderedSame : .orderedDescending
    }

    /// True when the file's `text` is `version` (`0.1.4rc1` is `0.1.4-rc.1` in a Python file).
    public static func holds(_ text: String, _ version: ReleaseVersion, pep440: Bool) -> Bool {
        text == self.text(for: version, pep440: pep440) || compare(text, with: version, pep440: pep440) == .orderedSame
    }

    /// The semantic version a file's `text` stands for (`0.1.4rc1` → `0.1.4-rc.1`); nil when it has none
    /// (a post-release, a two-number version).
    public static func releaseVersion(_ text: String, pep440: Bool) -> ReleaseVersion? {
        if let semver = ReleaseVersion(text, prefix: "") { return semver }
        guard pep440, let version = PEP440Version(text)?.semver else { return nil }
        return ReleaseVersion(version: version)
    }
}

extension VersionFileSpec.Format {
    /// True for formats that hold PEP 440 versions (pyproject.toml).
    public var isPEP440: Bool { self == .pyproject }
}

/// The package's version as one file holds it, read from any bytes (the work tree, a commit's tree): the
/// first of the package's version files that holds a version of its own, a Cargo member inheriting from
/// its workspace followed to the workspace root. What the bootstrap search and the version baseline read.
public struct PackageVersionFile: Sendable, Hashable {
    /// The file that holds the version (the workspace root's Cargo.toml for an inheriting member).
    public var spec: VersionFileSpec
    /// The version text as the file has it.
    public var value: String

    /// The first of `specs` that `read` finds holding a version; nil when none does.
    public static func primary(_ specs: [VersionFileSpec], read: (String) throws -> [UInt8]?) -> PackageVersionFile? {
        for spec in specs {
            guard let bytes = try? read(spec.path) else { continue }
            if spec.format == .cargo, let location = try? VersionFiles.cargoManifestVersion(bytes, path: spec.path),
               location.isWorkspaceInherited {
                guard let followed = try? VersionFiles.cargoWorkspaceVersion(
                    memberPath: spec.path, memberBytes: bytes, read: { try read($0) }) else { continue }
                return PackageVersionFile(spec: VersionFileSpec(path: followed.rootPath, format: .cargo),
                                          value: followed.location.value)
            }
            if let value = value(in: bytes, spec: spec) { return PackageVersionFile(spec: spec, value: value) }
        }
        return nil
    }

    /// The version `bytes` hold as `spec`'s format reads it; nil when none (or one inherited from a workspace).
    public static func value(in bytes: [UInt8], spec: VersionFileSpec) -> String? {
        let location: VersionLocation?
        switch spec.format {
        case .cargo: location = try? VersionFiles.cargoManifestVersion(bytes, path: spec.path)
        case .pyproject: location = try? VersionFiles.pyprojectVersion(bytes, path: spec.path)
        case .toml(let keyPath): location = try? VersionFiles.tomlValue(bytes, keyPath: keyPath, path: spec.path)
        case .marker: location = try? VersionFiles.markerVersion(bytes, path: spec.path)
        }
        guard let location, !location.isWorkspaceInherited, !location.value.isEmpty else { return nil }
        return location.value
    }

    /// The semantic version it holds, PEP 440 read for Python files.
    public var version: ReleaseVersion? { VersionFileValue.releaseVersion(value, pep440: spec.format.isPEP440) }
}
