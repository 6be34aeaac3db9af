import NotesGit

/// A tag whose name is a version, such as `v1.2.3` or `barter-python-v0.1.3`.
public struct VersionTag: Sendable, Hashable {
    /// The tag as read from the repository.
    public let tag: TagRef
    /// The version its name holds.
    public let version: ReleaseVersion

    /// The tag's short name.
    public var name: String { tag.name }
}

/// Which tag names are release tags.
///
/// With no prefix (the default), `1.2.3` and `v1.2.3` both count. With a prefix such as
/// `barter-python-v`, only names that start with exactly that prefix followed by a version count,
/// so `barter-v1.0.0` is not taken for a `barter-data-v` tag.
public struct TagPattern: Sendable, Hashable {
    /// The required prefix, or nil for "`v` or nothing".
    public var prefix: String?

    /// Makes a pattern; nil accepts `v1.2.3` and `1.2.3`.
    public init(prefix: String? = nil) { self.prefix = prefix }

    /// The version in `name`, when the name is a release tag under this pattern.
    public func version(inTagNamed name: String) -> ReleaseVersion? {
        ReleaseVersion(name, prefix: prefix)
    }

    /// The release tags among `tags`, highest version first (same version: lexical name order).
    public func versionTags(_ tags: [TagRef]) -> [VersionTag] {
        let found = tags.compactMap { tag in version(inTagNamed: tag.name).map { VersionTag(tag: tag, version: $0) } }
        // Sorted by a key of three integers, the full comparison only on ties: `Version.<` builds two arrays
        // per comparison, and moving `VersionTag`s (a dozen references each) cost as much again; at the
        // 6,708 tags of the 1M bench repository this sort was 166M instructions.
        struct Key { let major: Int, minor: Int, patch: Int, index: Int }
        let keys = found.indices.map { index in
            let version = found[index].version.version
            return Key(major: version.major, minor: version.minor, patch: version.patch, index: index)
        }
        return keys.sorted { lhs, rhs in
            if lhs.major != rhs.major { return lhs.major > rhs.major }
            if lhs.minor != rhs.minor { return lhs.minor > rhs.minor }
            if lhs.patch != rhs.patch { return lhs.patch > rhs.patch }
            return VersionTag.precedes(found[lhs.index], found[rhs.index])
        }.map { found[$0.index] }
    }
}

extension VersionTag {
    /// The order of `TagPattern.versionTags`: highest version first; the same version (build metadata is not
    /// compared) by name.
    static func precedes(_ lhs: VersionTag, _ rhs: VersionTag) -> Bool {
        lhs.version.version != rhs.version.version ? lhs.version.version > rhs.version.version : lhs.name < rhs.name
    }
}

