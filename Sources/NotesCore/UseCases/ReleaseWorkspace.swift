import Foundation
import NotesGit

/// A repository with a work tree, opened once for a release command: its release tags, the package's root
/// folder, the settings, and the questions every release command asks (the next version, the tag's name,
/// who signs).
public final class ReleaseWorkspace {
    /// The repository and its release tags.
    public let source: ReleaseSource
    /// The work tree's absolute path.
    public let workdir: String
    /// The package's root folder relative to the work tree ("" for the root, else `barter-python`).
    public let packagePath: String
    /// The settings.
    public let settings: ReleaseSettings

    /// The repository.
    public var repository: Repository { source.repository }

    /// Opens the repository containing `repositoryPath`. `settings.packagePath` is absolute or relative to the
    /// work tree and must be a folder inside it.
    public init(repositoryPath: String, settings: ReleaseSettings) throws {
        source = try ReleaseSource(repositoryPath: repositoryPath, tagPrefix: settings.tagPrefix, paths: settings.paths)
        guard let workdir = source.repository.workdir else {
            throw NotesError(.repository, "the repository at \(source.repository.gitDir) is bare: it has no work tree",
                             hint: "run the release commands in a clone with a work tree")
        }
        self.workdir = workdir
        self.settings = settings
        packagePath = try Self.relativePackagePath(settings.packagePath, workdir: workdir)
    }

    static func relativePackagePath(_ path: String, workdir: String) throws -> String {
        guard !path.isEmpty else { return "" }
        let absolute = path.hasPrefix("/") ? path : workdir + "/" + path
        let resolved = URL(fileURLWithPath: absolute).standardized.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: workdir).standardized.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotesError(.badInput, "package folder \(path) does not exist",
                             hint: "pass --package with a folder of the repository, such as barter-python")
        }
        if resolved == root { return "" }
        guard resolved.hasPrefix(root + "/") else {
            throw NotesError(.badInput, "package folder \(path) is outside the repository at \(workdir)",
                             hint: "pass --package with a folder inside the repository")
        }
        return String(resolved.dropFirst(root.count + 1))
    }

    // MARK: Files

    /// `name` inside the package's folder, relative to the work tree.
    /// An absolute `name` (from notes.toml, already resolved) is made relative to the work tree instead.
    public func packageFile(_ name: String) -> String {
        if name.hasPrefix("/") {
            let root = workdir.hasSuffix("/") ? workdir : workdir + "/"
            return name.hasPrefix(root) ? String(name.dropFirst(root.count)) : name
        }
        return packagePath.isEmpty ? name : packagePath + "/" + name
    }

    /// The absolute path of `relative` (relative to the work tree).
    public func absolute(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : workdir + "/" + relative
    }

    /// The bytes of `relative`, nil when it does not exist; an unreadable file or a folder is a file error.
    public func read(_ relative: String) throws -> [UInt8]? {
        let path = absolute(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw NotesError(.file, "\(relative) is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotesError(.file, "\(relative) cannot be read", hint: "check the file's permissions")
        }
        return Array(data)
    }

    /// The first of `name` in the package's folder, then at the repository's root, that exists.
    public func findPackageOrRootFile(_ name: String) -> String? {
        let candidates = packagePath.isEmpty || name.hasPrefix("/") ? [packageFile(name)] : [packageFile(name), name]
        return candidates.first { FileManager.default.fileExists(atPath: absolute($0)) }
    }

    // MARK: Versions and tags

    /// Parses a VERSION argument, with or without a tag prefix.
    public func version(_ text: String) throws -> ReleaseVersion {
        try source.version(text)
    }

    /// The tag name for `version`: the configured prefix, else the prefix the version was written with, else
    /// the style of the latest release tag (`v0.1.2` gives `v0.1.3`), else `v`.
    public func tagName(for version: ReleaseVersion) -> String {
        if let prefix = settings.tagPrefix { return prefix + version.bare }
        if !version.prefix.isEmpty { return version.prefix + version.bare }
        return (source.tags.first?.version.prefix ?? "v") + version.bare
    }

    /// The existing release tag named `name`.
    public func existingTag(named name: String) -> VersionTag? {
        source.tags.first { $0.name == name }
    }

    /// HEAD's commit; an error when HEAD is unborn.
    public func head() throws -> CommitID {
        guard let head = try gitCall({ try repository.headCommit() }) else {
            throw NotesError(.repository, "HEAD does not point at a commit", hint: "check out a branch")
        }
        return head
    }

    // MARK: Identity

    /// The committer identity for tags, commits and notes: `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL`, else
    /// `[tags] tagger_name`/`tagger_email` of notes.toml, else `user.name`/`user.email` from the git configuration. With `allowActionsBot`, GitHub Actions (where
    /// `GITHUB_ACTIONS=true` and no identity is configured) signs as `github-actions[bot]`.
    public func identity(environment: [String: String], allowActionsBot: Bool = false) throws -> GitIdentity {
        let repository = repository
        if let tagger = settings.tagger, environment["GIT_COMMITTER_NAME"] == nil,
           environment["GIT_COMMITTER_EMAIL"] == nil {
            return GitIdentity(name: tagger.name, email: tagger.email, nameSource: .config, emailSource: .config)
        }
        if let identity = GitIdentity.resolve(environment: environment, config: { repository.config($0) }) {
            return identity
        }
        if allowActionsBot, environment["GITHUB_ACTIONS"] == "true" {
            return GitIdentity(name: "github-actions[bot]",
                               email: "41898282+github-actions[bot]@users.noreply.github.com",
                               nameSource: .environment, emailSource: .environment)
        }
        throw Self.noIdentityError
    }

    static let noIdentityError = NotesError(
        .badInput,
        "no committer identity: GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL are not set and git config has no user.name/user.email",
        hint: "run git config user.name \"Your Name\" && git config user.email you@example.com, "
            + "or set GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL")

    // MARK: Next version

    /// The changes since the previous release (the latest release tag reachable from HEAD) and what they make
    /// the next version, per ``NextVersion``.
    public func nextVersion(preID: String?, explicit: ReleaseVersion?, now: Int64) throws -> VersionPlan {
        let unreleased = try source.release(RangeRequest(), now: now)
        let notes = unreleased.notes
        let previous = notes.info.previousTag.flatMap { name in source.tags.first { $0.name == name } }
        let hasBreaking = notes.sections.contains { $0.kind == .breaking && !$0.entries.isEmpty }
        let hasFeature = notes.sections.contains { $0.kind == .features && !$0.entries.isEmpty }
        let changes = notes.commits.filter { $0.skipped != .release }.count
        let next = try NextVersion.compute(
            current: previous?.version, hasBreaking: hasBreaking, hasFeature: hasFeature, hasAnyChange: changes > 0,
            rules: settings.bumpRules, preID: preID, explicit: explicit)
        return VersionPlan(previous: previous, next: next, commitCount: changes, summary: unreleased.summary)
    }
}

/// The next version and why: the previous release and the changes since it.
public struct VersionPlan: Sendable {
    /// The previous release tag, nil for a first release.
    public var previous: VersionTag?
    /// The next version.
    public var next: ReleaseVersion
    /// Commits since the previous release, not counting `chore(release)` commits.
    public var commitCount: Int
    /// The range read: `v0.1.2..HEAD, 3 commits`.
    public var summary: String
}
