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

    /// What to tell the user, including the command that tags the previous release (`tagName`).
    func notice(tagPrefix: String?, tagName: String?) -> String {
        let start = "no \(tagPrefix ?? "v")* tag yet: the release starts after \(commit.short) (\"\(subject)\")"
        if let configured { return start + ", the package's bootstrap = \"\(configured)\"" }
        let tagging = tagName.map { "; tag it with: git tag -a \($0) \(commit.short)" } ?? ""
        return start + ", where \(file ?? "the version file") took \(version ?? "its version")" + tagging
    }

    /// The bootstrap for a release of `version` (nil: Unreleased) ending at `to`.
    static func find(settings: Settings, version: ReleaseVersion?, to: CommitID, in repository: Repository) throws
        -> ReleaseBootstrap?
    {
        if let revision = settings.bootstrap {
            let id = try RepositoryAccess.resolve(revision, option: "bootstrap", in: repository)
            return ReleaseBootstrap(commit: id, subject: subject(of: id, in: repository), file: nil, version: nil,
                                    configured: revision)
        }
        guard let primary = PackageVersionFile.primary(settings.versionFiles, read: {
            try repository.fileContents(atPath: $0, in: to)
        }) else { return nil }
        let spec = primary.spec
        let pep440 = spec.format.isPEP440
        var skipCurrent = version.map { VersionFileValue.holds(primary.value, $0, pep440: pep440) } ?? false
        var found: ReleaseBootstrap?
        do {
            try repository.fileRevisions(atPath: spec.path, from: to) { revision in
                let after = revision.contents.flatMap { PackageVersionFile.value(in: $0, spec: spec) }
                let before = revision.previous.flatMap { PackageVersionFile.value(in: $0, spec: spec) }
                guard let after, after != before else { return .continue }
                if skipCurrent {
                    skipCurrent = false
                    return .continue
                }
                found = ReleaseBootstrap(commit: revision.commit.id, subject: Self.subject(revision.commit),
                                         file: spec.path, version: after, configured: nil)
                return .stop
            }
        } catch is GitError {
            return nil
        }
        return found
    }

    static func subject(_ commit: RawCommit) -> String {
        String(decoding: commit.message, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .first.map(String.init) ?? ""
    }

    static func subject(of id: CommitID, in repository: Repository) -> String {
        (try? repository.commit(id)).map(subject) ?? ""
    }
}
