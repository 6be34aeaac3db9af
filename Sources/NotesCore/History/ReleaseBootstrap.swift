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
    /// The previous tag passed over, and what the version file said at its commit (nil: no such file):
    /// a tag that is not this package's release.
    public var passedOver: (tag: String, fileVersion: String?)?

    /// What to tell the user, including the command that tags the previous release (`tagName`).
    func notice(tagPrefix: String?, tagName: String?) -> String {
        let start: String
        if let passedOver {
            let said = passedOver.fileVersion.map { "its \(file ?? "version file") says \($0)" }
                ?? "\(file ?? "the version file") did not exist there"
            start = "\(passedOver.tag) is not this package's release (\(said)): the release starts after \(commit.short) (\"\(subject)\")"
        } else {
            start = "no earlier \(tagPrefix ?? "v")* release tag: the release starts after \(commit.short) (\"\(subject)\")"
        }
        if let configured { return start + ", the package's bootstrap = \"\(configured)\"" }
        let tagging = tagName.map { "; tag it with: git tag -a \($0) \(commit.short)" } ?? ""
        return start + ", where \(file ?? "the version file") took \(version ?? "its version")" + tagging
    }

    /// The bootstrap for a release of `version` (nil: Unreleased) ending at `to`, when there is no
    /// `previous` tag, or when `previous` is not this package's release: the version file at its commit says
    /// another version (or is missing) and the commit where the file took its version came after the tag
    /// (an older crate's `v0.8.4` in the same repository). Without a version file, or with a bootstrap older
    /// than the tag (a release made without bumping the file), the tag stays.
    static func find(settings: Settings, version: ReleaseVersion?, to: CommitID, previous: VersionTag?,
                     in repository: Repository) throws -> ReleaseBootstrap?
    {
        guard let previous else { return try find(settings: settings, version: version, to: to, in: repository) }
        guard settings.bootstrap == nil else { return nil }
        // The usual case, checked first and cheaply: the tag's own version file holds the tag's version.
        let tagged = PackageVersionFile.primary(settings.versionFiles, read: {
            try repository.fileContents(atPath: $0, in: previous.tag.target)
        })
        if let tagged, VersionFileValue.holds(tagged.value, previous.version, pep440: tagged.spec.format.isPEP440) {
            return nil
        }
        guard let current = PackageVersionFile.primary(settings.versionFiles, read: {
            try repository.fileContents(atPath: $0, in: to)
        }) else { return nil }
        let atTag = tagged?.spec == current.spec ? tagged?.value
            : (try? repository.fileContents(atPath: current.spec.path, in: previous.tag.target))?
                .flatMap { PackageVersionFile.value(in: $0, spec: current.spec) }
        guard var point = try find(settings: settings, version: version, to: to, in: repository),
              point.commit != previous.tag.target,
              (try? repository.isAncestor(previous.tag.target, of: point.commit)) == true
        else { return nil }
        point.passedOver = (previous.name, atTag)
        return point
    }

    /// The bootstrap for a release without a previous tag.
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
