import NotesGit

/// Where a package's first release starts when it has no previous release tag: the package's
/// `bootstrap = "REV"` (release-please's `bootstrap-sha`), else the commit where its version file last took
/// the version it held before the release, found as `git log -S` would, through libgit2: walk the commits
/// that changed the file and compare the version each one's blob holds with its parent's.
///
/// Which version change counts: describing a release whose commit already holds its version (the tag exists,
/// or the release commit is made), the change before the one that set it; otherwise (drafting before the
/// bump, "Unreleased") the change that set the version the files hold now. Without a version file, a version
/// change, or a readable history (a shallow clone), there is no bootstrap and the range is the whole history.
public struct ReleaseBootstrap: Sendable {
    /// The commit the release starts after (exclusive).
    public var commit: CommitID
    /// Its subject.
    public var subject: String
    /// The file whose version changed there; nil for a configured `bootstrap`.
    public var file: String?
    /// The version that commit gave the file (the previous release's version); nil for a configured one.
    public var version: String?
    /// The configured revision, when `bootstrap` gave it.
    public var configured: String?

    /// What to tell the user, including the command that tags the previous release (`tagName`, when that
    /// name is free; `taken` names it when another tag holds it).
    func notice(tagPrefix: String?, tagName: String?, taken: String? = nil) -> String {
        let start = "no earlier \(tagPrefix ?? "v")* release tag: the release starts after \(commit.short) (\"\(subject)\")"
        if let configured { return start + ", the package's bootstrap = \"\(configured)\"" }
        let tagging = tagName.map { "; tag it with: git tag -a \($0) \(commit.short)" }
            ?? taken.map { "; the tag \($0) is taken by another tag" } ?? ""
        return start + ", where \(file ?? "the version file") took \(version ?? "its version")" + tagging
    }

    /// The bootstrap of a release of `version` (nil: Unreleased) ending at `to`, for a package without an
    /// earlier release: its `bootstrap` revision, else the change of its version file described above; nil
    /// when there is neither (the release takes the whole history).
    static func find(scope: ReleaseScope, version: ReleaseVersion?, to: CommitID, facts: ReleaseFacts) throws
        -> ReleaseBootstrap?
    {
        if let revision = scope.bootstrap {
            let id = try facts.resolve(revision, option: "bootstrap")
            return ReleaseBootstrap(commit: id, subject: facts.subject(of: id), file: nil, version: nil,
                                    configured: revision)
        }
        guard let primary = PackageVersionFile.primary(scope.versionFiles, read: { facts.contents(of: $0, at: to) })
        else { return nil }
        let spec = primary.spec
        let pep440 = spec.format.isPEP440
        var skipCurrent = version.map { VersionFileValue.holds(primary.value, $0, pep440: pep440) } ?? false
        var found: ReleaseBootstrap?
        facts.fileChanges(of: spec.path, from: to) { change in
            let after = change.contents.flatMap { PackageVersionFile.value(in: $0, spec: spec) }
            let before = change.previous.flatMap { PackageVersionFile.value(in: $0, spec: spec) }
            guard let after, after != before else { return true }
            if skipCurrent {
                skipCurrent = false
                return true
            }
            found = ReleaseBootstrap(commit: change.commit, subject: change.subject, file: spec.path, version: after,
                                     configured: nil)
            return false
        }
        return found
    }

}
