/// Chooses the previous release tag for a release.
///
/// The previous release of VERSION is the highest version lower than VERSION among the release tags of
/// its family (the tag pattern), whether or not its commit is an ancestor of the release: releases are
/// often tagged on release branches (`v22.0.9` on `22.0.x`, `v22.1.0` on `main`) or re-created after a
/// fix-up, and projects publish `previous..release` with git's range semantics (the commits reachable
/// from the release and not from the previous tag). `docs/ranges.md` draws it.
public enum PreviousTagRule {
    /// Where a stable release's notes start (`[tags] stable_starts_after`).
    public enum StableStart: String, Sendable, CaseIterable {
        /// After the previous stable tag, so v1.2.0's notes include what v1.2.0-rc.1 and rc.2 had (the default).
        case stable
        /// After the previous tag of any kind, so v1.2.0 starts after v1.2.0-rc.2 (conventional-changelog,
        /// release-please).
        case any
    }

    /// The tags a release's notes may start after, in the order they are preferred: release tags lower
    /// than `version`, highest first. A stable version skips pre-release tags unless `stableStart` is
    /// `.any`; a pre-release (or no version at all, for "Unreleased") takes the previous tag of any kind.
    /// `tags` must be sorted highest first, as `TagPattern.versionTags` returns them.
    ///
    /// With a version, the previous tag is the first candidate, reachable or not; with no version
    /// ("Unreleased", `notes bump`) it is the first candidate reachable from HEAD, since no version says
    /// which branch's line HEAD continues. With no candidate the release takes the whole history.
    ///
    /// `isRelease` says whether a listed tag really is a release tag (it points at a commit: listing takes
    /// packed tags on trust, see `ReleaseHistory`); it is asked only about tags the rest of the rule keeps.
    public static func candidates(for version: ReleaseVersion?, excluding releaseTagName: String?,
                                  among tags: [VersionTag], stableStart: StableStart = .stable,
                                  where isRelease: (VersionTag) -> Bool = { _ in true }) -> [VersionTag] {
        tags.filter { candidate in
            guard candidate.name != releaseTagName else { return false }
            guard let version else { return isRelease(candidate) }
            guard candidate.version.version < version.version else { return false }
            return (version.isPrerelease || stableStart == .any || !candidate.version.isPrerelease) && isRelease(candidate)
        }
    }

    /// The first of `candidates(for:excluding:among:stableStart:where:)` for a version, found by a binary
    /// search for the first lower version (the tags are sorted highest first) and a scan past the
    /// pre-releases a stable version skips and the tags `isRelease` refuses (a tag on a tree: the next one
    /// is taken, as if the tag had not been listed): `changelog --all` asks once per release, and a filter
    /// over every tag made that quadratic in the number of tags (6,700 tags: 45 million comparisons); a
    /// draft asks `isRelease` about one tag, not 6,700.
    public static func first(for version: ReleaseVersion, excluding releaseTagName: String?,
                             among tags: [VersionTag], stableStart: StableStart = .stable,
                             where isRelease: (VersionTag) -> Bool = { _ in true }) -> VersionTag? {
        var low = 0
        var high = tags.count
        while low < high {
            let middle = (low + high) / 2
            if tags[middle].version.version < version.version { high = middle } else { low = middle + 1 }
        }
        for candidate in tags[low...] where candidate.name != releaseTagName {
            if version.isPrerelease || stableStart == .any || !candidate.version.isPrerelease, isRelease(candidate) {
                return candidate
            }
        }
        return nil
    }
}
