import TOMLKit

/// The package's version files as they are now: where each holds the version, and which were skipped.
///
/// Paths are relative to the work tree. A Cargo.toml with `version.workspace = true` is followed to the
/// workspace root, whose `[workspace.package] version` is the one read and written. Cargo.lock (the nearest
/// one at or above the package's folder, inside the repository) has the package's entry updated when a Cargo
/// package's version changes; other workspace members that inherit the version keep their lock entries until
/// cargo next runs.
public struct VersionFileSet: Sendable {
    /// A version file found and read.
    public struct Found: Sendable, Hashable {
        /// The file as configured (`barter-python/Cargo.toml`).
        public var specPath: String
        /// Where the version lives: the file itself, or the workspace root it inherits from.
        public var location: VersionLocation
        /// Said to the user: a followed workspace inheritance.
        public var note: String? = nil
        /// The Cargo package's `[package] name`, for its Cargo.lock entry.
        public var cargoPackageName: String? = nil
        /// The Python project's `[project] name` as uv.lock writes it (normalised), for its uv.lock entry.
        public var pythonPackageName: String? = nil
        /// True when the file holds a PEP 440 version (pyproject.toml): written as PEP 440 normalises it.
        public var isPEP440 = false

        /// True when the file holds `version` (`0.1.4rc1` holds `0.1.4-rc.1` in a Python file).
        public func holds(_ version: ReleaseVersion) -> Bool {
            VersionFileValue.holds(location.value, version, pep440: isPEP440)
        }
    }

    /// Files found, in the order configured.
    public var found: [Found]
    /// Default files that do not exist: skipped, and said so.
    public var skipped: [String]

    /// Reads every version file of `workspace`'s settings.
    /// - Throws: ``NotesError`` `.badInput` for a configured file that is missing or holds no version, and for
    ///   invalid TOML (with the file, line and column).
    public static func read(_ workspace: ReleaseWorkspace) throws -> VersionFileSet {
        var found: [Found] = []
        var skipped: [String] = []
        for spec in workspace.settings.versionFiles {
            let path = spec.path
            guard let bytes = try workspace.read(path) else {
                if spec.isDefault {
                    skipped.append(path)
                    continue
                }
                throw NotesError(.badInput, "version file \(path) does not exist",
                                 hint: "create it, or remove it from the version files")
            }
            switch spec.format {
            case .cargo:
                let location = try VersionFiles.cargoManifestVersion(bytes, path: path)
                let name = cargoPackageName(bytes)
                if location.isWorkspaceInherited {
                    let followed = try VersionFiles.cargoWorkspaceVersion(
                        memberPath: path, memberBytes: bytes, read: { try workspace.read($0) })
                    found.append(Found(specPath: path, location: followed.location, note: followed.note,
                                       cargoPackageName: name))
                } else {
                    found.append(Found(specPath: path, location: location, note: nil, cargoPackageName: name))
                }
            case .pyproject:
                found.append(Found(specPath: path, location: try VersionFiles.pyprojectVersion(bytes, path: path),
                                   pythonPackageName: pythonPackageName(bytes), isPEP440: true))
            case .toml(let keyPath):
                found.append(Found(specPath: path,
                                   location: try VersionFiles.tomlValue(bytes, keyPath: keyPath, path: path)))
            case .marker:
                found.append(Found(specPath: path, location: try VersionFiles.markerVersion(bytes, path: path)))
            }
        }
        return VersionFileSet(found: found, skipped: skipped)
    }

    /// The `[package] name` of a Cargo.toml, nil when it has none (a virtual workspace root).
    static func cargoPackageName(_ bytes: [UInt8]) -> String? {
        guard let table = try? SafeTOML.table(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return table["package"]?.table?["name"]?.string
    }

    /// The `[project] name` of a pyproject.toml as lock files write it (PEP 503: lowercase, `-` for runs of
    /// `-`, `_` and `.`), nil when it has none.
    static func pythonPackageName(_ bytes: [UInt8]) -> String? {
        guard let table = try? SafeTOML.table(String(decoding: bytes, as: UTF8.self)),
              let name = table["project"]?.table?["name"]?.string else { return nil }
        return VersionFiles.pythonName(name)
    }

    /// The paths the edits for a new version would write: the version files and the lock files next to them.
    public func paths(in workspace: ReleaseWorkspace) -> Set<String> {
        var paths = Set(found.map(\.location.path))
        for item in found {
            if item.cargoPackageName != nil, let lock = lockPath("Cargo.lock", forManifest: item.specPath, in: workspace) {
                paths.insert(lock)
            }
            if item.pythonPackageName != nil, let lock = lockPath("uv.lock", forManifest: item.specPath, in: workspace) {
                paths.insert(lock)
            }
        }
        return paths
    }

    /// The edits that set every found version to `newVersion` (`0.1.3`; `0.1.4rc1` in Python files), one per
    /// file, plus the Cargo.lock entry of each Cargo package and the uv.lock entry of each Python project.
    /// Files already at `newVersion` are left out. A lock entry follows the version, not its file: it is
    /// brought to `newVersion` also when the version file already holds it (a run killed between the two
    /// writes), and only the entry whose source is the work tree changes, never a registry or git package of
    /// the same name. An edit of a file git ignores and
    /// does not track (a gitignored root Cargo.lock) is marked: it is written, never committed.
    /// - Throws: ``NotesError`` `.badInput` when a file holds a version above `newVersion` (it would go
    ///   backwards; PEP 440 order in Python files, so `1.0.0.post1` is above `1.0.0`).
    /// Also returns what the user should hear about files left alone (a Cargo.lock without the package's
    /// entry at the old version).
    public func edits(to newVersion: ReleaseVersion, in workspace: ReleaseWorkspace) throws
        -> (edits: [PlannedFileEdit], notes: [String])
    {
        var notes: [String] = []
        var byPath: [String: [(VersionLocation, String)]] = [:]
        var order: [String] = []
        var lockPackages: [(lock: String, name: String, manifest: String, new: String)] = []
        for item in found {
            let location = item.location
            if VersionFileValue.compare(location.value, with: newVersion, pep440: item.isPEP440) == .orderedDescending {
                throw NotesError(
                    .badInput,
                    "version goes backwards: \(location.path):\(location.line) holds \(location.value), above \(newVersion.bare)",
                    hint: "release a version above \(location.value)")
            }
            let text = VersionFileValue.text(for: newVersion, pep440: item.isPEP440)
            if let name = item.cargoPackageName, !lockPackages.contains(where: { $0.lock == "Cargo.lock" && $0.name == name }) {
                lockPackages.append(("Cargo.lock", name, item.specPath, text))
            }
            if let name = item.pythonPackageName, !lockPackages.contains(where: { $0.lock == "uv.lock" && $0.name == name }) {
                lockPackages.append(("uv.lock", name, item.specPath, text))
            }
            guard !item.holds(newVersion) else { continue }
            if byPath[location.path] == nil { order.append(location.path) }
            if !(byPath[location.path] ?? []).contains(where: { $0.0.contentRange == location.contentRange }) {
                byPath[location.path, default: []].append((location, text))
            }
        }
        var edits: [PlannedFileEdit] = []
        for path in order {
            guard let original = try workspace.read(path) else {
                throw NotesError(.file, "\(path) disappeared while notes was reading it")
            }
            var bytes = original
            let locations = (byPath[path] ?? []).sorted { $0.0.contentRange.lowerBound > $1.0.contentRange.lowerBound }
            for (location, text) in locations {
                bytes = VersionFiles.replacing(location, in: bytes, with: text)
            }
            let what = locations.map { "\(VersionFiles.displayKey($0.0.keyPath))" }.joined(separator: ", ")
            let old = locations.first?.0.value ?? ""
            edits.append(PlannedFileEdit(path: path, original: original, updated: bytes,
                                         summary: "\(path): \(what) \(old) → \(locations.first?.1 ?? newVersion.bare)"))
        }
        for package in lockPackages {
            guard let lockPath = lockPath(package.lock, forManifest: package.manifest, in: workspace) else { continue }
            let existing = edits.firstIndex { $0.path == lockPath }
            let original: [UInt8]
            if let existing { original = edits[existing].updated } else {
                guard let bytes = try workspace.read(lockPath) else { continue }
                original = bytes
            }
            let source: VersionFiles.LocalLockSource = package.lock == "Cargo.lock"
                ? .cargoPath : .uvProject(folder: Self.relativeFolder(of: package.manifest, from: lockPath))
            let updated: [UInt8]
            let old: String
            switch VersionFiles.lockUpdate(original, packageName: package.name, source: source, to: package.new) {
            case .alreadyAt:
                continue
            case .notFound:
                let tool = package.lock == "Cargo.lock" ? "cargo update -p \(package.name)" : "uv lock"
                notes.append("\(lockPath) not updated: it has no [[package]] entry for \(package.name) from this work "
                    + "tree (\(package.lock == "Cargo.lock" ? "cargo" : "uv") updates it on its next run: \(tool))")
                continue
            case let .updated(bytes, from):
                updated = bytes
                old = from
            }
            let summary = "\(lockPath): \(package.name) \(old) → \(package.new)"
            if let existing {
                edits[existing] = PlannedFileEdit(path: lockPath, original: edits[existing].original, updated: updated,
                                                  summary: edits[existing].summary + "; " + summary)
            } else {
                edits.append(PlannedFileEdit(path: lockPath, original: original, updated: updated, summary: summary))
            }
        }
        let marked = try edits.map { edit in
            guard try workspace.isIgnoredAndUntracked(edit.path) else { return edit }
            var ignored = edit
            ignored.isIgnored = true
            ignored.summary += " (ignored by git: updated on disk, not committed)"
            return ignored
        }
        return (marked, notes)
    }

    /// The folder of `manifest` relative to the folder of `lock` (which is at or above it): `.` or `sub/dir`.
    static func relativeFolder(of manifest: String, from lock: String) -> String {
        let manifestFolder = manifest.split(separator: "/").dropLast()
        let lockFolder = lock.split(separator: "/").dropLast()
        guard manifestFolder.starts(with: lockFolder) else { return "." }
        let rest = manifestFolder.dropFirst(lockFolder.count)
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    /// The nearest lock file called `name` (Cargo.lock, uv.lock) at or above the manifest's folder, inside
    /// the work tree.
    func lockPath(_ name: String, forManifest manifest: String, in workspace: ReleaseWorkspace) -> String? {
        var folder = manifest.split(separator: "/").dropLast().map(String.init)
        while true {
            let candidate = (folder + [name]).joined(separator: "/")
            if (try? workspace.read(candidate)) != nil { return candidate }
            guard !folder.isEmpty else { return nil }
            folder.removeLast()
        }
    }
}

extension VersionFileSet {
    /// What to tell the user about how the files were found: workspace inheritance and skipped defaults.
    public var sayings: [String] {
        found.compactMap(\.note)
            + skipped.map { "\($0) does not exist: skipped (not configured)" }
            + (found.isEmpty ? ["no version files found: only the tag will carry the version"] : [])
    }
}

