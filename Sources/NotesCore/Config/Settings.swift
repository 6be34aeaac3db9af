import Foundation

/// What the command line says, before the configuration fills the gaps. nil means "not given".
public struct SettingsFlags: Sendable {
    /// `--tag-prefix`.
    public var tagPrefix: String?
    /// `--package NAME`.
    public var package: String?
    /// `--path DIR` (repeatable).
    public var paths: [String]
    /// `--template FILE`, already resolved against the working directory.
    public var template: String?

    /// Makes flags.
    public init(tagPrefix: String? = nil, package: String? = nil, paths: [String] = [], template: String? = nil) {
        self.tagPrefix = tagPrefix
        self.package = package
        self.paths = paths
        self.template = template
    }
}

/// Everything a command runs with, resolved in one place: flags beat the file, the file beats defaults.
/// Paths are absolute (resolved against the repository root) unless said otherwise.
public struct Settings: Sendable {
    /// The configuration file read, nil when none.
    public var configurationFile: String?
    /// The repository's work tree root.
    public var root: String
    /// The selected package's name, nil without `--package`.
    public var package: String?
    /// Release tags are this prefix plus a version; nil accepts `v1.2.3` and `1.2.3`.
    public var tagPrefix: String?
    /// Only commits touching these repository-relative directories or globs count; empty: all commits.
    public var paths: [String]
    /// Repository-relative directories or globs inside `paths` whose changes do not count.
    public var excludes: [String]
    /// Sections, skip rules, hidden types and scopes.
    public var grouping: GroupingRules
    /// `[links]`: forge, remote, repository and host for links.
    public var links: Configuration.Links
    /// `--template FILE`, when given (absolute).
    public var templateFlag: String?
    /// The configured templates per command (`draft`, `changelog`, `readme`, `todo`), absolute.
    public var templates: [String: String]
    /// The repository's template folder (absolute).
    public var templateFolder: String
    /// The changelog file (absolute).
    public var changelogFile: String
    /// The README (absolute).
    public var readmeFile: String
    /// The task list (absolute).
    public var todoFile: String
    /// Version files (absolute).
    public var versionFiles: [String]
    /// `readme.heading`.
    public var readmeHeading: String
    /// `readme.keep` (0: keep all).
    public var readmeKeep: Int
    /// `todo.placement`: `end`, `before` or `after`.
    public var todoPlacement: String
    /// `todo.heading`.
    public var todoHeading: String?
    /// `todo.announce`.
    public var announceChannels: [String]
    /// `release.branch`.
    public var releaseBranch: String
    /// `release.notes_ref`.
    public var notesRef: String
    /// `bump.breaking_below_one_bumps_minor`.
    public var breakingBelowOneBumpsMinor: Bool
    /// `bump.feature_below_one_bumps_patch`.
    public var featureBelowOneBumpsPatch: Bool
    /// `tags.tagger_name`.
    public var taggerName: String?
    /// `tags.tagger_email`.
    public var taggerEmail: String?

    /// Resolves flags over the loaded configuration over the defaults. An unknown `--package` is bad input
    /// (exit 2) listing the configured packages; `--package` with `--path` or `--tag-prefix` lets the flags win.
    public static func resolve(configuration loaded: LoadedConfiguration, flags: SettingsFlags) throws -> Settings {
        let config = loaded.configuration
        let root = loaded.root
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : (root.hasSuffix("/") ? root : root + "/") + path
        }
        var package: Configuration.Package?
        if let name = flags.package {
            guard let found = config.package.first(where: { $0.name == name }) else {
                let known = config.package.map(\.name)
                throw NotesError(.badInput, "no package named \"\(name)\" in \(loaded.file ?? "the configuration (there is no notes.toml)")",
                                 hint: known.isEmpty ? "add a [[package]] with name = \"\(name)\" to notes.toml"
                                     : "the packages are: \(known.joined(separator: ", "))")
            }
            package = found
        }
        /// Inside the package's first path when that is a plain directory.
        func inPackage(_ file: String) -> String {
            guard let first = package?.paths.first, !first.contains(where: { "*?[".contains($0) }) else { return file }
            let folder = first.hasSuffix("/") ? String(first.dropLast()) : first
            return folder.isEmpty || folder == "." ? file : folder + "/" + file
        }
        var templates: [String: String] = [:]
        for (command, path) in [("draft", config.templates.draft), ("changelog", config.templates.changelog),
                                ("readme", config.templates.readme), ("todo", config.templates.todo)] {
            if let path { templates[command] = absolute(path) }
        }
        return Settings(
            configurationFile: loaded.file, root: root, package: package?.name,
            tagPrefix: flags.tagPrefix ?? package.map { $0.tagPrefix ?? $0.name + "-v" } ?? config.tags.prefix,
            paths: flags.paths.isEmpty ? (package?.paths ?? []) : flags.paths,
            excludes: flags.paths.isEmpty ? (package?.excludes ?? []) : [],
            grouping: try GroupingRules(config),
            links: config.links,
            templateFlag: flags.template, templates: templates, templateFolder: absolute(config.templates.folder),
            changelogFile: absolute(package?.changelog ?? inPackage(config.files.changelog)),
            readmeFile: absolute(package?.readme ?? inPackage(config.files.readme)),
            todoFile: absolute(package?.todo ?? config.files.todo),
            versionFiles: (package?.versionFiles ?? config.files.versionFiles.map { package == nil ? $0 : inPackage($0) })
                .map(absolute),
            readmeHeading: config.readme.heading, readmeKeep: config.readme.keep,
            todoPlacement: config.todo.placement, todoHeading: config.todo.heading,
            announceChannels: config.todo.announce,
            releaseBranch: config.release.branch, notesRef: config.release.notesRef,
            breakingBelowOneBumpsMinor: config.bump.breakingBelowOneBumpsMinor,
            featureBelowOneBumpsPatch: config.bump.featureBelowOneBumpsPatch,
            taggerName: config.tags.taggerName, taggerEmail: config.tags.taggerEmail)
    }

    /// The links for a repository whose remotes are read by `remoteURL` (name → URL): forced forge and
    /// `owner/repo` from `[links]`, else what the remote's URL says; nil for plain text.
    public func remoteLinks(remoteURL: (String) -> String?) -> RemoteLinks? {
        let fromRemote = remoteURL(links.remote).flatMap(RemoteLinks.init(remoteURL:))
        switch links.forge {
        case "none":
            return nil
        case "github", "gitlab":
            let forge: RemoteLinks.Forge = links.forge == "github" ? .github : .gitlab
            let host = links.host ?? (fromRemote?.forge == forge ? fromRemote?.baseURL : nil)
                ?? (forge == .github ? "https://github.com" : "https://gitlab.com")
            guard let path = links.repository ?? fromRemote?.path else { return nil }
            return RemoteLinks(forge: forge, baseURL: host, path: path)
        default:
            guard var links = fromRemote else { return nil }
            if let repository = self.links.repository { links = RemoteLinks(forge: links.forge, baseURL: links.baseURL, path: repository) }
            if let host = self.links.host { links = RemoteLinks(forge: links.forge, baseURL: host, path: links.path) }
            return links
        }
    }
}
