import Foundation

/// What a repository declares about its releases, learned once per run: its packages (notes.toml's
/// `[[package]]`s, else the workspace manifests'), each package's folder and tag scheme, and the CI
/// workflows and other tools' files that say so. `notes status` prints it, `notes init` writes it, and
/// ``Settings`` resolves `--package`, a tag's package and a package's tag prefix from it.
///
/// A package's tag scheme, in this order: `tag_prefix` in notes.toml; the CI workflow that builds the
/// package's folder (its `on.push.tags` filter, `startsWith(github.ref, 'refs/tags/…')` conditions, GitLab
/// `$CI_COMMIT_TAG` rules): the first of the package's own existing family, `NAME-v` and `v` whose tags it
/// runs on; another release tool's configuration naming it (release-plz, release-please, cocogitto); an
/// existing tag family named after it (`widget-cli-v` ↔ crate `widget-cli` in `crates/widget_cli`); else
/// `v` for a repository of one package (or the root package) and `NAME-v` for a member.
public struct ProjectModel: Sendable {
    /// One package and its scheme.
    public struct Package: Sendable, Hashable {
        /// The name `--package` takes.
        public var name: String
        /// Its folder, repository-relative ("" for the root).
        public var folder: String
        /// The manifest that declares it, when one does (`barter-python/Cargo.toml`).
        public var manifest: String?
        /// Its tag prefix (`v`, `barter-python-v`).
        public var tagPrefix: String
        /// Where the prefix comes from, for messages: `notes.toml`, `.github/workflows/x.yml:5 (on.push.tags "v*")`,
        /// `release-plz.toml`, `3 barter-v tags`, `the default`.
        public var schemeSource: String
        /// The workflows a tag of its scheme runs, by file.
        public var workflows: [String] = []
        /// True when nothing the repository declares gave the scheme (the default).
        public var isDefault = false

        /// True when its tags are the plain `v1.2.3` (or `1.2.3`) ones.
        public var usesDefaultFamily: Bool { tagPrefix == "v" || tagPrefix.isEmpty || tagPrefix == "V" }
    }

    /// The packages, notes.toml's first (in its order), else the manifests'.
    public var packages: [Package] = []
    /// The CI workflows found.
    public var workflows: [CIWorkflow] = []
    /// Other release tools' files found.
    public var toolFiles: [String] = []
    /// The tag families among the repository's tags: prefix (nil: `v`/none) and count, most first.
    public var families: [(prefix: String?, count: Int)] = []
    /// Workspace members left out: never published (``ManifestPackage/unpublished``) and nothing the
    /// repository declares (CI, another tool, a tag family of their own) releases them.
    public var unpublished: [ManifestPackage] = []

    /// The workflows with a tag trigger.
    public var tagWorkflows: [CIWorkflow] { workflows.filter(\.isTagTriggered) }

    /// Learns the model of the work tree `files` reads, its configuration and its tag names.
    /// `repositoryName` is the last part of the origin's URL (`vite` for `github.com/vitejs/vite`): the
    /// package named like the repository takes the plain `v` tags when nothing else claims them.
    public static func infer(files: ProjectFiles, configuration: Configuration, tagNames: [String],
                             repositoryName: String? = nil) -> ProjectModel {
        var model = ProjectModel()
        model.workflows = CIWorkflows.read(list: files.list, read: files.read)
        model.toolFiles = ReleaseToolConfigs.files.filter { files.read($0) != nil }
        var counts: [String?: Int] = [:]
        for name in tagNames.prefix(100_000) {
            guard let (prefix, _) = TagFamily.split(name) else { continue }
            counts[prefix, default: 0] += 1
        }
        model.families = counts.map { ($0.key, $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.prefix ?? "") < ($1.prefix ?? "") }
        let manifests = WorkspaceManifests.packages(files)
        let tools = model.toolFiles.isEmpty ? [] : ReleaseToolConfigs.schemes(files, packages: manifests)
        var declared: [(name: String, folder: String, manifest: String?, prefix: String?)] = []
        if !configuration.package.isEmpty {
            for package in configuration.package {
                let folder = package.paths.first.flatMap { PathFilterGlob.isGlob($0) ? nil : Settings.normalized($0) } ?? ""
                declared.append((package.name, folder, manifests.first { $0.folder == folder }?.manifest, package.tagPrefix))
            }
        } else {
            // A workspace's benches, examples and test crates (`publish = false`) make no releases, unless
            // something the repository declares releases them (a binary tagged by CI, its own tag family).
            let released = manifests.filter { manifest in
                guard manifest.unpublished, !manifest.folder.isEmpty else { return true }
                return model.declaredScheme(name: manifest.name, folder: manifest.folder, single: false, tools: tools) != nil
            }
            model.unpublished = manifests.filter { manifest in !released.contains { $0.folder == manifest.folder } }
            // A repository that is one package at its root has no packages to choose between.
            let members = released.filter { !$0.folder.isEmpty }
            if !members.isEmpty {
                declared = released.map { ($0.name, $0.folder, $0.manifest, nil) }
            }
        }
        let single = declared.count == 1
        var strong: [Package?] = []
        for entry in declared {
            if let prefix = entry.prefix {
                strong.append(Package(name: entry.name, folder: entry.folder, manifest: entry.manifest,
                                      tagPrefix: prefix, schemeSource: "notes.toml"))
            } else if let (prefix, source) = model.declaredScheme(name: entry.name, folder: entry.folder, single: single,
                                                                   tools: tools) {
                strong.append(Package(name: entry.name, folder: entry.folder, manifest: entry.manifest,
                                      tagPrefix: prefix, schemeSource: source))
            } else {
                strong.append(nil)
            }
        }
        // The plain `v` tags nobody claims: the package named like the repository (`vite` in vitejs/vite).
        if let repositoryName, !strong.contains(where: { $0?.usesDefaultFamily == true }),
           model.families.contains(where: { $0.prefix == nil }) {
            let matching = declared.indices.filter { index in
                strong[index] == nil && !declared[index].folder.isEmpty
                    && (declared[index].name == repositoryName
                        || declared[index].name.split(separator: "/").last.map(String.init) == repositoryName)
            }
            if matching.count == 1, let index = matching.first {
                let entry = declared[index]
                strong[index] = Package(name: entry.name, folder: entry.folder, manifest: entry.manifest,
                                        tagPrefix: "v",
                                        schemeSource: "the repository's name (\(repositoryName)) and its v tags")
            }
        }
        // What nothing declares: `v` for the root or only package, `NAME-v` for a member of several.
        for (index, entry) in declared.enumerated() {
            if let package = strong[index] {
                model.packages.append(package)
                continue
            }
            let (prefix, source) = entry.folder.isEmpty || single ? ("v", "the default")
                : (entry.name + "-v", "the default for a package of several")
            var package = Package(name: entry.name, folder: entry.folder, manifest: entry.manifest,
                                  tagPrefix: prefix, schemeSource: source)
            package.isDefault = true
            model.packages.append(package)
        }
        for index in model.packages.indices {
            let sample = model.packages[index].tagPrefix + "1.2.3"
            model.packages[index].workflows = model.tagWorkflows.filter { $0.runs(on: sample) }.map(\.file)
        }
        return model
    }

    /// The scheme what the repository declares gives a package notes.toml gives no prefix: its CI, another
    /// tool's configuration, its own tag family; nil when none says.
    func declaredScheme(name: String, folder: String, single: Bool, tools: [ToolScheme]) -> (String, String)? {
        let own = families.compactMap(\.prefix).first { Self.family($0, isNamedAfter: name, folder: folder) }
        let candidates = own.map { [$0] } ?? (single || folder.isEmpty ? ["v", name + "-v"] : [name + "-v", "v"])
        // CI: a workflow that builds this package's folder (or any, for the root or the only package).
        for workflow in tagWorkflows where folder.isEmpty || single || workflow.mentions(folder: folder) {
            // The literal start of the workflow's own patterns (`py-v*` → `py-v`) is a candidate too.
            let literal = (workflow.tagPatterns ?? []).filter { !$0.negated }.map(\.literalPrefix)
                + workflow.conditions.map(\.prefix)
            let candidates = own.map { [$0] }
                ?? (literal.filter { !$0.isEmpty && !candidates.contains($0) } + candidates)
            if let prefix = candidates.first(where: { workflow.runs(on: $0 + "1.2.3") && workflow.publishes($0 + "1.2.3") }) {
                let line = workflow.line > 0 ? workflow.line
                    : workflow.conditions.first { (prefix + "1.2.3").hasPrefix($0.prefix) }?.line ?? 0
                return (prefix, "\(workflow.file):\(line) (\(workflow.triggerDescription))")
            }
        }
        if let tool = tools.first(where: { $0.package == name })
            ?? tools.first(where: { $0.folder == folder && ($0.package == nil || !folder.isEmpty) }) {
            return (tool.prefix, tool.file)
        }
        if let own, let count = families.first(where: { $0.prefix == own })?.count {
            return (own, "\(count) \(own) tag\(count == 1 ? "" : "s")")
        }
        return nil
    }

    /// True when the tag family `prefix` is named after the package `name` or its folder: `widget-cli-v` ↔
    /// `widget-cli`, `widget_cli`, `crates/widget_cli`; `@scope/widget@` ↔ `@scope/widget`.
    static func family(_ prefix: String, isNamedAfter name: String, folder: String) -> Bool {
        var stem = Substring(prefix)
        for ending in ["-v", "_v", "/v", "@v", "@", "-", "_", "/"] where stem.hasSuffix(ending) {
            stem = stem.dropLast(ending.count)
            break
        }
        func normal<S: StringProtocol>(_ text: S) -> String { text.lowercased().replacingOccurrences(of: "_", with: "-") }
        let base = folder.split(separator: "/").last.map(normal) ?? ""
        return !stem.isEmpty && (normal(stem) == normal(name) || (!base.isEmpty && normal(stem) == base))
    }

    /// The package `text` names: by name, else by folder (`crates/foo`, `./crates/foo/`).
    public func package(named text: String) -> Package? {
        packages.first { $0.name == text } ?? packages.first { $0.folder == Settings.normalized(text) && !$0.folder.isEmpty }
    }

    /// The packages whose scheme is the tag family `prefix` (nil: the plain `v1.2.3` tags).
    public func packages(withFamily prefix: String?) -> [Package] {
        packages.filter { prefix == nil || prefix == "v" || prefix == "V" ? $0.usesDefaultFamily : $0.tagPrefix == prefix }
    }

    /// The one package a tag of the family `prefix` belongs to, when exactly one package in a folder has
    /// that scheme by what the repository declares (notes.toml, CI, tools, its own tags); nil otherwise.
    public func owner(ofFamily prefix: String?) -> Package? {
        let owners = packages(withFamily: prefix).filter { !$0.isDefault || !$0.usesDefaultFamily }
        guard owners.count == 1, let owner = owners.first, !owner.folder.isEmpty else { return nil }
        return owner
    }

    /// An empty model: no packages, no workflows.
    public init() {}

    /// The tag-triggered workflows a tag named `name` runs.
    public func workflows(runningOn name: String) -> [CIWorkflow] { tagWorkflows.filter { $0.runs(on: name) } }
}

extension ProjectModel {
    /// The package a command's VERSION belongs to when no flag names one: the one package whose scheme is
    /// VERSION's tag family (`barter-python-v0.1.3`, or `0.1.3` and `v0.1.3` for the plain `v` family),
    /// with the line that says so; nil when no flag leaves the choice open or no single package owns it.
    func owner(of flags: SettingsFlags, configuration: Configuration) -> (package: Package, notice: String?)? {
        guard flags.package == nil, flags.tagPrefix == nil, flags.paths.isEmpty, let text = flags.version else { return nil }
        let family: String?
        if configuration.tags.prefix == nil, ReleaseVersion(text) != nil {
            family = nil
        } else if let (prefix, _) = TagFamily.split(text) {
            family = prefix
        } else {
            return nil
        }
        guard let owner = owner(ofFamily: family) else { return nil }
        let tag = family == nil && !text.hasPrefix("v") && !text.hasPrefix("V") ? owner.tagPrefix + text : text
        // A tag written with its family's prefix names its package plainly; a plain version is said.
        guard family == nil else { return (owner, nil) }
        return (owner, "package \(owner.name): \(tag) is in its tag scheme \(owner.tagPrefix)X.Y.Z (\(owner.schemeSource))")
    }
}

extension ProjectModel {
    /// The repository's name in a remote URL: `vite` for `https://github.com/vitejs/vite.git` or
    /// `git@github.com:vitejs/vite`; nil for none.
    static func repositoryName(_ url: String?) -> String? {
        guard var url, !url.isEmpty else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        if url.hasSuffix(".git") { url.removeLast(4) }
        let last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init)
        return last?.isEmpty == false ? last : nil
    }
}
