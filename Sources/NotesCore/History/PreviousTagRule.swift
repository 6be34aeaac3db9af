/// Chooses the previous release tag for a release.
public enum PreviousTagRule {
    /// The tags a release's notes may start after, in the order they are preferred: release tags lower
    /// than `version`, highest first. A stable version skips pre-release tags, so v1.2.0's notes include
    /// what its release candidates had; a pre-release (or no version at all, for "Unreleased") takes the
    /// previous tag of any kind. `tags` must be sorted highest first, as `TagPattern.versionTags` returns them.
    /// The previous tag is the first candidate reachable from the release commit; with none, the release
    /// takes the whole history.
    public static func candidates(for version: ReleaseVersion?, excluding releaseTagName: String?,
                                  among tags: [VersionTag]) -> [VersionTag] {
        tags.filter { candidate in
            guard candidate.name != releaseTagName else { return false }
            guard let version else { return true }
            guard candidate.version.version < version.version else { return false }
            return version.isPrerelease || !candidate.version.isPrerelease
        }
    }
}
