import Foundation

/// What `notes init` is asked for.
public struct InitRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// `--config FILE`, absolute: where to write the configuration instead of notes.toml at the root.
    public var configPath: String?
    /// Also copy the built-in templates into the template folder.
    public var templates: Bool
    /// Overwrite files that exist.
    public var force: Bool

    /// Makes a request.
    public init(repositoryPath: String, configPath: String? = nil, templates: Bool = false, force: Bool = false) {
        self.repositoryPath = repositoryPath
        self.configPath = configPath
        self.templates = templates
        self.force = force
    }
}

/// `notes init`: a commented notes.toml with every default, the packages it finds (Cargo workspace members,
/// Python projects) as `[[package]]` tables and stray tag schemes as a `[tags] ignore` proposal, and
/// optionally the built-in templates to edit. `--force` keeps an existing file's `[[package]]` tables;
/// `--templates` alone leaves an existing notes.toml alone.
public enum InitProject {
    /// The settings flags of `init`: no edits file (init writes the configuration, never notes).
    static var flags: SettingsFlags {
        var flags = SettingsFlags()
        flags.readsEdits = false
        return flags
    }

    /// Writes the files and returns their paths as messages show them. Nothing is written when a file exists
    /// and `force` is not set (exit 8, listing them). A notes.toml that does not load is what `--force`
    /// replaces: its template folder then falls back to the default.
    public static func run(_ request: InitRequest) throws -> InitOutcome {
        let settings: Settings
        var existingPackages: [Configuration.Package] = []
        let repository = try RepositoryAccess.open(request.repositoryPath)
        let root = repository.workdir ?? repository.gitDir
        let boundary = WorkTreeBoundary(repository: repository)
        guard repository.workdir != nil else {
            throw NotesError(.repository, "the repository at \(repository.gitDir) is bare: it has no work tree for notes.toml\(request.templates ? " and the templates" : ""); nothing was written",
                             hint: "run notes init in a clone with a work tree, and commit notes.toml there")
        }
        do {
            let loaded = try ConfigurationLoader.load(explicitPath: request.configPath, root: root, boundary: boundary)
            existingPackages = loaded.configuration.package
            settings = try Settings.resolve(configuration: loaded, flags: Self.flags)
        } catch let error as NotesError where error.exitCode == .configuration && request.force {
            // A notes.toml that does not load is what --force repairs (the TOML guards make reading it safe):
            // the defaults, template folder included, apply.
            settings = try Settings.resolve(configuration: LoadedConfiguration(root: root, boundary: boundary),
                                            flags: Self.flags)
        }
        let detection = ProjectDetection.detect(root: settings.root, boundary: settings.boundary,
                                                tagNames: (try? repository.tagNames()) ?? [],
                                                repositoryName: ProjectModel.repositoryName(repository.remoteURL(named: settings.links.remote)))
        var findings = detection.report
        let configPath = request.configPath ?? settings.absolute(ConfigurationLoader.fileName)
        let configExists = FileManager.default.fileExists(atPath: configPath)
        var writes: [(path: String, text: String, origin: PathOrigin)] = []
        if request.templates && configExists && !request.force {
            findings.append("kept \(settings.display(configPath)) as it is (--templates adds only the templates)")
        } else {
            if configExists && !existingPackages.isEmpty {
                findings.append("kept the \(existingPackages.count) [[package]] table\(existingPackages.count == 1 ? "" : "s") of \(settings.display(configPath))")
            }
            // [[rule]] proposals when most commits have no Conventional Commits type (RuleProposal).
            let messages = RuleProposal.recentMessages(in: repository)
            let proposal = RuleProposal.propose(messages, knownTypes: settings.grouping.knownTypes)
            if !proposal.rules.isEmpty {
                findings.append("\(proposal.nonConventional) of the last \(messages.count) commits have no Conventional Commits type: "
                    + "proposed \(proposal.rules.count) [[rule]]\(proposal.rules.count == 1 ? "" : "s") from their leading verbs ("
                    + proposal.rules.map { "\($0.words.prefix(3).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "/"))… → "
                        + "\($0.section), \($0.count) commit\($0.count == 1 ? "" : "s")" }.joined(separator: "; ") + ")")
            }
            writes.append((configPath, detection.configured(ConfigurationReference.commentedFile, keeping: existingPackages)
                            + RuleProposal.toml(proposal.rules, nonConventional: proposal.nonConventional, total: messages.count),
                           request.configPath == nil ? .repository : .commandLine))
        }
        if request.templates {
            let folder = settings.templates.folder.hasSuffix("/") ? settings.templates.folder : settings.templates.folder + "/"
            for name in BuiltinTemplates.files.keys.sorted() {
                writes.append((folder + name, BuiltinTemplates.files[name] ?? "", .repository))
            }
        }
        let existing = writes.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty && !request.force {
            throw NotesError(.file, "not overwriting what exists: \(existing.map(settings.display).joined(separator: ", "))",
                             hint: "pass --force to overwrite, or move the file away first")
        }
        // Everything is checked before anything is written: a template folder that cannot be made must not
        // leave a new notes.toml behind. And where each file would land, links followed: inside the work
        // tree, outside the git folder, a regular file (a notes.toml link out of the repository, or a FIFO,
        // is refused).
        for write in writes {
            try Self.checkCanWrite(write.path, display: settings.display(write.path))
            _ = try settings.boundary.writeTarget(write.path, origin: write.origin, display: settings.display(write.path))
        }
        var written: [String] = []
        for write in writes {
            let folder = (write.path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw NotesError(.file, "cannot create the folder \(folder): \(error.localizedDescription)")
            }
            try AtomicFile.write(Array(write.text.utf8), to: write.path, scope: PathScope(settings.boundary, write.origin),
                                 display: settings.display(write.path))
            written.append(settings.display(write.path))
        }
        return InitOutcome(written: written, findings: findings)
    }

    /// Throws a file error (exit 8) when `path` is a folder, or when its folder neither exists nor can be
    /// made (the nearest existing ancestor is a file, or not writable).
    static func checkCanWrite(_ path: String, display: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw NotesError(.file, "\(display) is a folder, not a file; nothing was written") }
            return
        }
        var folder = (path as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), folder != "/", !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
        }
        guard isDirectory.boolValue else {
            throw NotesError(.file, "cannot create \(display): \(folder) is a file, not a folder; nothing was written",
                             hint: "move \(folder) away, or set [templates] folder to another place")
        }
        guard access(folder, W_OK) == 0 else {
            throw NotesError(.file, "cannot create \(display): the folder \(folder) is not writable; nothing was written",
                             hint: "check the folder's permissions")
        }
    }
}

/// What `notes init` did.
public struct InitOutcome: Sendable {
    /// The files written, as messages show them.
    public var written: [String]
    /// What it found and proposed: packages, tag schemes, stray tags, other tools' files.
    public var findings: [String]
}
