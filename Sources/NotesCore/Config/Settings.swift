import Foundation
import NotesGit

/// Everything any command runs with, resolved once by ``resolve(configuration:flags:)``: flags beat
/// notes.toml, notes.toml beats the defaults (which are written once, in ``Configuration``). Every command
/// gets its settings from here; none reads the configuration itself.
///
/// Paths are absolute unless said otherwise.
public struct Settings: Sendable {
    /// The configuration file read, nil when none.
    public var configurationFile: String?
    /// The repository's work tree root (the git folder of a bare repository).
    public var root: String
    /// The selected `[[package]]`'s name; nil without `--package`, or when `--package` names a folder.
    public var package: String?
    /// What `--package` was given as, for hints that suggest a command (`--package barter-python`).
    public var packageArgument: String?
    /// The package's folder relative to `root`: the configured package's first path when it is a plain
    /// directory, or the folder `--package DIR` names; "" for the repository's root.
    public var packageFolder: String
    /// Release tags are this prefix plus a version; nil accepts `v1.2.3` and `1.2.3`.
    public var tagPrefix: String?
    /// Tags that are never release tags (`[tags] ignore`/`pattern`, the package's `tag_ignore`/`tag_pattern`).
    public var tagFilter = TagFilter()
    /// The package's `bootstrap` revision: where its first release starts while it has no release tag.
    public var bootstrap: String?
    /// The names of the `[[package]]`s notes.toml defines.
    public var definedPackages: [String] = []
    /// The repository's other packages (notes.toml's, else the workspace's), whose version files say
    /// whose release a shared `v1.2.3` tag is (``ReleaseScope``).
    public var neighbours: [ReleaseScope.Neighbour] = []
    /// True when `--path` or `--tag-prefix` narrowed the history by hand: a scope, even without a package.
    public var scopeFromFlags = false
    /// Only commits touching these repository-relative directories or globs count; empty: all commits.
    public var paths: [String]
    /// Repository-relative directories or globs inside `paths` whose changes do not count.
    public var excludes: [String]
    /// Sections, skip rules, hidden types and scopes.
    public var grouping: GroupingRules
    /// `[links]`: forge, remote, repository and host for links.
    public var links: Configuration.Links
    /// The templates: `--template`, `[templates]`, the template folder.
    public var templates: TemplateSettings
    /// The changelog (`[files] changelog`, inside the package's folder).
    public var changelogFile: String
    /// True when notes.toml names the changelog (`notes release` then creates it when missing).
    public var changelogConfigured: Bool
    /// The README (`[files] readme`, inside the package's folder).
    public var readmeFile: String
    /// The task list (`[files] todo`).
    public var todoFile: String
    /// The corrections file (`[files] edits`), absolute; `grouping.edits` holds what it says.
    public var editsFile = ""
    /// The files that hold the version, relative to `root`.
    public var versionFiles: [VersionFileSpec]
    /// The heading of the README's release-notes section (`--section`, `[readme] heading`).
    public var readmeHeading: String
    /// Keep at most this many README entries; nil keeps all (`--keep`, `[readme] keep`).
    public var readmeKeep: Int?
    /// Where a new task section goes (`--after`/`--before`, `[todo] placement` and `heading`).
    public var todoPlacement: TodoPlacement
    /// The section ids a README entry lists (`[readme] sections`).
    public var readmeSections = ["breaking", "features", "fixes"]
    /// At most this many README bullets, then "and N more" (`[readme] max_bullets`); nil: all.
    public var readmeMaxBullets: Int?
    /// No `[readme] max_bullets`: a README entry has at most as many bullets as the newest entries have.
    public var readmeFollowsHouseCount = true
    /// The checklist's follow-up tasks (`[todo] tasks`), with `{tag}`, `{version}`, `{branch}` to replace.
    public var todoTasks: [String] = Configuration.Todo.defaultTasks
    /// Where a release is announced (`--channel`, `[todo] announce`).
    public var announceChannels: [String]
    /// The branch releases are made from (`--branch`, `[release] branch`).
    public var releaseBranch: String
    /// The notes ref `notes attach` writes (`--notes-ref`, `[release] notes_ref`).
    public var notesRef: String
    /// How changes map to a version bump below 1.0.0 (`[bump]`).
    public var bumpRules: BumpRules
    /// Who signs tags and release commits when `GIT_COMMITTER_*` are not set (`[tags] tagger_*`).
    public var tagger: Tagger?
    /// Where a stable release's notes start (`[tags] stable_starts_after`).
    public var stableStart: PreviousTagRule.StableStart = .stable
    /// What the command should say before its work, one line each (the tag family chosen).
    public var notices: [String] = []
    /// What the repository declares about its packages and tags (``ProjectModel``), learned once.
    public var project = ProjectModel()
    /// Where notes may write and what it may read for the repository (``WorkTreeBoundary``): every file
    /// the repository names is held to it.
    public var boundary: WorkTreeBoundary

    /// A configured identity for tags and release commits.
    public struct Tagger: Sendable, Hashable {
        /// The name.
        public var name: String
        /// The email.
        public var email: String
    }

    /// The package's (or `--path`'s) commit filter.
    public var pathFilter: PathFilter { PathFilter(paths: paths, excludes: excludes) }

    /// `path` relative to `root` when inside it, else as given: how messages show a path.
    public func display(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// `relative` (to `root`) made absolute; an absolute path stays as it is.
    public func absolute(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (root.hasSuffix("/") ? root : root + "/") + relative
    }

    /// `--package NAME` as hints repeat it (` --package barter-python`), or "".
    public var packageHint: String { packageArgument.map { " --package \($0)" } ?? "" }

    /// Loads the configuration of the repository containing `repositoryPath` (`configPath`, absolute, shown
    /// as `configDisplay`; else the repository's notes.toml), checked in full before any work, and resolves
    /// `flags` over it.
    /// The VERSION argument in `flags` picks the tag family first (``TagFamilyChoice``).
    public static func load(repositoryPath: String, configPath: String?, configDisplay: String? = nil,
                            flags: SettingsFlags) throws -> Settings {
        let repository = try RepositoryAccess.open(repositoryPath)
        let root = repository.workdir ?? repository.gitDir
        let loaded = try ConfigurationLoader.load(explicitPath: configPath, displayPath: configDisplay, root: root)
        var flags = flags
        let tagNames = repository.isEmpty ? [] : ((try? repository.tagNames()) ?? [])
        let project = repository.workdir == nil ? ProjectModel()
            : ProjectModel.infer(files: ProjectFiles(root: root, boundary: loaded.boundary), configuration: loaded.configuration,
                                 tagNames: tagNames, repositoryName: ProjectModel.repositoryName(repository.remoteURL(named: loaded.configuration.links.remote)))
        var notices: [String] = []
        if let owner = project.owner(of: flags, configuration: loaded.configuration) {
            flags.package = owner.package.name
            if let notice = owner.notice { notices.append(notice) }
        }
        if !repository.isEmpty {
            notices += try TagFamilyChoice.apply(&flags, configuration: loaded.configuration, repository: repository,
                                                 project: project)
        }
        var settings = try resolve(configuration: loaded, flags: flags, project: project)
        settings.notices = notices
        return settings
    }

    /// The work tree root of the repository containing `repositoryPath` (the git folder for a bare one).
    public static func root(repositoryPath: String) throws -> String {
        let repository = try RepositoryAccess.open(repositoryPath)
        return repository.workdir ?? repository.gitDir
    }

    /// Resolves flags over the loaded configuration over the defaults.
    ///
    /// `--package NAME` selects the `[[package]]` called NAME: its tag prefix, paths, files and version files.
    /// Without such a package, a NAME that is a folder of the repository is that folder (its commits, its
    /// files, the repository's tag style); anything else is bad input (exit 2) listing the packages.
    /// `--path` and `--tag-prefix` beat the package's.
    public static func resolve(configuration loaded: LoadedConfiguration, flags: SettingsFlags,
                               project: ProjectModel = ProjectModel()) throws -> Settings {
        let config = loaded.configuration
        let packages = effectivePackages(config, project: project)
        let root = loaded.root
        if let ref = flags.notesRef, let problem = PathRules.notesRefProblem(ref) {
            throw NotesError(.badInput, "--notes-ref \(ref) \(problem)", hint: "use a ref under refs/notes/, such as refs/notes/release")
        }
        for path in flags.paths where !PathRules.staysInside(path) {
            throw NotesError(.badInput, "--path \(path) is outside the repository's work tree",
                             hint: "give a path relative to the repository root, without .. or a leading /")
        }
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : (root.hasSuffix("/") ? root : root + "/") + path
        }
        var package: Configuration.Package?
        var packageFolder = ""
        var selected = flags.package
        if selected == nil, flags.paths.isEmpty, flags.tagPrefix == nil, let folder = flags.workingDirectory {
            selected = Self.package(containing: folder, root: root, in: packages)?.name
        }
        if let name = selected {
            if let found = packages.first(where: { $0.name == name })
                ?? packages.first(where: { !$0.paths.isEmpty && normalized($0.paths[0]) == normalized(name) }) {
                package = found
                if let first = found.paths.first, !first.contains(where: { "*?[".contains($0) }) {
                    packageFolder = Self.normalized(first)
                }
            } else if let folder = try folderPackage(name, root: root) {
                packageFolder = folder
            } else {
                let known = packages.map(\.name)
                throw NotesError(.badInput, "no package named \"\(name)\" in \(loaded.file ?? "the configuration (there is no notes.toml)"), and no folder \(name) in the repository",
                                 hint: known.isEmpty ? "add a [[package]] with name = \"\(name)\" to notes.toml, or pass --package with a folder of the repository"
                                     : "the packages are: \(known.joined(separator: ", "))")
            }
        }
        /// `file` inside the package's folder.
        func inPackage(_ file: String) -> String {
            packageFolder.isEmpty || file.hasPrefix("/") ? file : packageFolder + "/" + file
        }
        var paths = package?.paths ?? (packageFolder.isEmpty ? [] : [packageFolder])
        var excludes = package?.excludes ?? []
        if !flags.paths.isEmpty {
            paths = flags.paths
            excludes = []
        }
        var templates: [TemplateKind: String] = [:]
        for kind in TemplateKind.allCases {
            if let path = config.templates.path(for: kind) { templates[kind] = absolute(path) }
        }
        let versionFiles: [VersionFileSpec]
        if !flags.versionFiles.isEmpty {
            versionFiles = flags.versionFiles.map { VersionFileSpec.parse(inPackage($0)) }
        } else if let configured = package?.versionFiles, !configured.isEmpty {
            versionFiles = configured.map(VersionFileSpec.parse)
        } else if !config.files.versionFiles.isEmpty {
            versionFiles = config.files.versionFiles.map { VersionFileSpec.parse(inPackage($0)) }
        } else {
            versionFiles = VersionFileSpec.defaults.map {
                VersionFileSpec(path: inPackage($0.path), format: $0.format, isDefault: true)
            }
        }
        for spec in versionFiles {
            guard let problem = PathRules.placeProblem(spec.path) else { continue }
            let fromFlag = !flags.versionFiles.isEmpty
            throw NotesError(fromFlag ? .badInput : .configuration,
                             "version file \(spec.path) \(problem)"
                                 + (fromFlag ? "" : " (\(loaded.file ?? "notes.toml"))"),
                             hint: "give a path inside the repository (--version-file is relative to the package's folder)")
        }
        var placement: TodoPlacement = .end
        if let heading = config.todo.heading {
            placement = config.todo.placement == "before" ? .before(heading)
                : config.todo.placement == "after" ? .after(heading) : .end
        }
        let keep = flags.readmeKeep ?? (config.readme.keep > 0 ? config.readme.keep : nil)
        let tagger = config.tags.taggerName.flatMap { name in
            config.tags.taggerEmail.map { Tagger(name: name, email: $0) }
        }
        var settings = Settings(
            configurationFile: loaded.file, root: root, package: package?.name, packageArgument: flags.package,
            packageFolder: packageFolder,
            tagPrefix: flags.tagPrefix ?? package.map { package in
                // A package only the manifests declare, with no scheme of its own: the repository's tags, as
                // `--package DIR` always took them.
                config.package.isEmpty && project.package(named: package.name)?.isDefault == true ? config.tags.prefix
                    : package.tagPrefix ?? package.name + "-v"
            } ?? config.tags.prefix,
            paths: paths, excludes: excludes,
            grouping: try GroupingRules(config),
            links: config.links,
            templates: TemplateSettings(flag: flags.template, configured: templates,
                                        folder: absolute(config.templates.folder), boundary: loaded.boundary),
            changelogFile: absolute(package?.changelog ?? inPackage(config.files.changelog)),
            changelogConfigured: package?.changelog != nil || config.files.changelog != Configuration.Files().changelog,
            readmeFile: absolute(package?.readme ?? inPackage(config.files.readme)),
            todoFile: absolute(package?.todo ?? config.files.todo),
            versionFiles: versionFiles,
            readmeHeading: flags.readmeHeading ?? config.readme.heading, readmeKeep: keep,
            todoPlacement: flags.todoPlacement ?? placement,
            announceChannels: flags.announceChannels.isEmpty ? config.todo.announce : flags.announceChannels,
            releaseBranch: flags.releaseBranch ?? config.release.branch,
            notesRef: flags.notesRef ?? config.release.notesRef,
            bumpRules: BumpRules(breakingBelowOneBumpsMinor: config.bump.breakingBelowOneBumpsMinor,
                                 featureBelowOneBumpsPatch: config.bump.featureBelowOneBumpsPatch),
            tagger: tagger,
            stableStart: PreviousTagRule.StableStart(rawValue: config.tags.stableStartsAfter) ?? .stable,
            boundary: loaded.boundary)
        settings.tagFilter = try TagFilter(ignore: config.tags.ignore + (package?.tagIgnore ?? []),
                                           pattern: package?.tagPattern ?? config.tags.pattern,
                                           key: package?.tagPattern != nil ? "package \(package?.name ?? "").tag_pattern" : "tags.pattern")
        settings.bootstrap = package?.bootstrap
        settings.definedPackages = config.package.map(\.name)
        settings.neighbours = packages.filter { $0.name != package?.name }.map { Self.neighbour($0) }
        settings.project = project
        settings.todoTasks = config.todo.tasks
        if let data = try loaded.boundary.read(absolute(".mailmap"), origin: .repository, display: ".mailmap",
                                               hint: "replace .mailmap with a regular file in the repository, or remove it") {
            settings.grouping.mailmap = Mailmap(String(decoding: data, as: UTF8.self))
        }
        settings.editsFile = absolute(config.files.edits)
        if flags.readsEdits, let edits = try CommitEdits.load(settings.editsFile, display: config.files.edits,
                                            sections: settings.grouping.sections.map(\.rawValue), boundary: loaded.boundary) {
            settings.grouping.edits = edits
        } else {
            settings.grouping.edits = CommitEdits(file: config.files.edits)
        }
        settings.readmeSections = config.readme.sections
        settings.readmeMaxBullets = config.readme.maxBullets.flatMap { $0 > 0 ? $0 : nil }
        settings.readmeFollowsHouseCount = config.readme.maxBullets == nil
        settings.scopeFromFlags = !flags.paths.isEmpty || flags.tagPrefix != nil
        return settings
    }

    /// The packages `--package` chooses from: notes.toml's, each without a `tag_prefix` taking the one the
    /// repository declares (``ProjectModel``); without any, the packages the workspace manifests declare.
    static func effectivePackages(_ config: Configuration, project: ProjectModel) -> [Configuration.Package] {
        if !config.package.isEmpty {
            return config.package.map { package in
                var package = package
                if package.tagPrefix == nil, let inferred = project.package(named: package.name), !inferred.isDefault {
                    package.tagPrefix = inferred.tagPrefix
                }
                return package
            }
        }
        return project.packages.map {
            Configuration.Package(name: $0.name, paths: $0.folder.isEmpty ? [] : [$0.folder], tagPrefix: $0.tagPrefix)
        }
    }

    /// A configured package as a neighbour: its first plain folder and its version files.
    static func neighbour(_ package: Configuration.Package) -> ReleaseScope.Neighbour {
        let folder = package.paths.first.flatMap { PathFilterGlob.isGlob($0) ? nil : normalized($0) } ?? ""
        let files = package.versionFiles.flatMap { $0.isEmpty ? nil : $0.map(VersionFileSpec.parse) }
            ?? VersionFileSpec.defaults.map {
                VersionFileSpec(path: folder.isEmpty ? $0.path : folder + "/" + $0.path, format: $0.format, isDefault: true)
            }
        return ReleaseScope.Neighbour(name: package.name, folder: folder, versionFiles: files)
    }

    /// `dir/` and `./dir` as `dir`.
    static func normalized(_ folder: String) -> String {
        var folder = folder
        while folder.hasSuffix("/") { folder.removeLast() }
        if folder.hasPrefix("./") { folder.removeFirst(2) }
        return folder == "." ? "" : folder
    }

    /// The repository-relative folder `name` names, when it is a folder inside the work tree; nil otherwise.
    static func folderPackage(_ name: String, root: String) throws -> String? {
        let absolute = name.hasPrefix("/") ? name : (root.hasSuffix("/") ? root : root + "/") + name
        let resolved = URL(fileURLWithPath: absolute).standardized.resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).standardized.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        if resolved == rootPath { return "" }
        let relative = resolved.hasPrefix(rootPath + "/") ? String(resolved.dropFirst(rootPath.count + 1)) : resolved
        if relative.split(separator: "/").contains(where: { $0.lowercased() == ".git" }) {
            throw NotesError(.file, "--package \(name) is the repository's git folder (\(resolved)), not a package's folder: notes never writes files there; nothing was written",
                             hint: "pass --package with a package's name or a folder of the work tree")
        }
        guard resolved.hasPrefix(rootPath + "/") else {
            throw NotesError(.badInput, "package folder \(name) is outside the repository at \(root)",
                             hint: "pass --package with a folder inside the repository")
        }
        return String(resolved.dropFirst(rootPath.count + 1))
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

/// The templates a command may render with: `--template FILE`, the `[templates]` file per kind, and the
/// repository's template folder, searched in that order before the built-in (see ``TemplateLookup``).
public struct TemplateSettings: Sendable {
    /// `--template FILE`, absolute, when given.
    public var flag: String?
    /// `[templates] draft`, `changelog`, `readme`, `todo`, absolute.
    public var configured: [TemplateKind: String]
    /// `[templates] folder`, absolute.
    public var folder: String
    /// The repository's boundary: the configured and folder templates must be regular files inside the
    /// work tree; only `--template` may name one outside it.
    public var boundary: WorkTreeBoundary
}
