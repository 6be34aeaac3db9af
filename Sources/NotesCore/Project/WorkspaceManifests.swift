import Foundation
import TOMLKit

/// A work tree's files as the project inference reads them: only regular files inside the work tree
/// (``WorkTreeBoundary``, the repository's rule), at most 1 MiB each; anything else reads as absent.
/// Inference never fails a command: an unreadable or hostile file simply declares nothing.
public struct ProjectFiles: Sendable {
    /// The work tree's root.
    public let root: String
    let boundary: WorkTreeBoundary
    static let limit = 1 << 20

    /// Reads the work tree at `root`, held to `boundary` (the repository's work tree and git folders).
    public init(root: String, boundary: WorkTreeBoundary? = nil) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.boundary = boundary ?? WorkTreeBoundary(root: self.root)
    }

    /// The bytes of the repository-relative `path`; nil when absent, unreadable, outside or too big.
    public func read(_ path: String) -> [UInt8]? {
        try? boundary.read(root + "/" + path, origin: .repository, display: path, limit: Self.limit)
    }

    /// The names in the repository-relative folder `path` ("" for the root), sorted; [] when it is none.
    public func list(_ path: String) -> [String] {
        let absolute = path.isEmpty ? root : root + "/" + path
        guard boundary.isInsideWorkTree(URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
    }

    /// True when the repository-relative `path` is a folder.
    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The TOML table in `path`, through the guard that keeps toml++ from aborting; nil when none.
    public func toml(_ path: String) -> TOMLTable? {
        guard let bytes = read(path) else { return nil }
        return try? SafeTOML.table(String(decoding: bytes, as: UTF8.self))
    }

    /// The JSON object in `path`; nil when none.
    public func json(_ path: String) -> [String: Any]? {
        guard let bytes = read(path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }
}

/// A package a workspace manifest declares.
public struct ManifestPackage: Sendable, Hashable {
    /// Its name (`[package] name`, `[project] name`, `"name"`).
    public var name: String
    /// Its folder, repository-relative ("" for the root).
    public var folder: String
    /// The manifest that names it (`crates/foo/Cargo.toml`).
    public var manifest: String
    /// True when the manifest says it is never published: Cargo's `publish = false` (or `publish = []`),
    /// a pyproject classifier `Private :: Do Not Upload`. Benches, examples and test crates of a workspace.
    public var unpublished = false
}

/// The packages a work tree's manifests declare: Cargo `[workspace] members` (with `dir/*` globs) and a root
/// `[package]`, Python projects (`pyproject.toml` `[project] name` or `[tool.poetry] name`, at the root, in
/// workspace members and in top-level folders), npm/pnpm/yarn workspaces (`package.json` `workspaces`,
/// `pnpm-workspace.yaml` `packages`, each member's `name`). At most 500.
public enum WorkspaceManifests {
    static let maximum = 500

    /// The packages of the work tree `files` reads, in the manifests' order, each folder once.
    public static func packages(_ files: ProjectFiles) -> [ManifestPackage] {
        var found: [ManifestPackage] = []
        var folders = Set<String>()
        func add(_ folder: String) {
            guard found.count < maximum, !folders.contains(folder) else { return }
            let prefix = folder.isEmpty ? "" : folder + "/"
            if let package = files.toml(prefix + "Cargo.toml")?["package"]?.table, let name = package["name"]?.string {
                folders.insert(folder)
                let publish = package["publish"]
                found.append(ManifestPackage(name: name, folder: folder, manifest: prefix + "Cargo.toml",
                                             unpublished: publish?.bool == false || publish?.array?.isEmpty == true))
            } else if let project = files.toml(prefix + "pyproject.toml"),
                      let name = project["project"]?.table?["name"]?.string
                        ?? project["tool"]?.table?["poetry"]?.table?["name"]?.string {
                folders.insert(folder)
                let classifiers = strings(project["project"]?.table?["classifiers"]?.array)
                found.append(ManifestPackage(name: name, folder: folder, manifest: prefix + "pyproject.toml",
                                             unpublished: classifiers.contains { $0.hasPrefix("Private :: Do Not Upload") }))
            } else if let object = files.json(prefix + "package.json"), let name = object["name"] as? String,
                      !(folder.isEmpty && object["workspaces"] != nil), object["private"] as? Bool != true {
                // A private package is never published: no releases of its own.
                folders.insert(folder)
                found.append(ManifestPackage(name: name, folder: folder, manifest: prefix + "package.json"))
            }
        }
        // Cargo workspace members.
        if let workspace = files.toml("Cargo.toml")?["workspace"]?.table {
            let excluded = Set(strings(workspace["exclude"]?.array).map(Settings.normalized))
            for glob in strings(workspace["members"]?.array) {
                for folder in expand(glob, files) where !excluded.contains(folder) { add(folder) }
            }
        }
        // npm/yarn workspaces and pnpm.
        var jsGlobs: [String] = []
        if let root = files.json("package.json") {
            if let list = root["workspaces"] as? [String] { jsGlobs += list }
            if let object = root["workspaces"] as? [String: Any], let list = object["packages"] as? [String] { jsGlobs += list }
        }
        if let bytes = files.read("pnpm-workspace.yaml") {
            let lines = YAMLLines(bytes)
            var inPackages = false
            for line in lines.lines {
                if let key = line.key, !line.isItem { inPackages = key == "packages" && line.indent == 0; continue }
                if inPackages, line.isItem { jsGlobs.append(CIWorkflows.unquoted(line.value)) }
            }
        }
        for glob in jsGlobs where !glob.hasPrefix("!") {
            for folder in expand(glob, files) { add(folder) }
        }
        // Top-level Python projects (maturin bindings beside a Rust workspace).
        for name in files.list("") where !name.hasPrefix(".") && files.isFolder(name) {
            if files.read(name + "/pyproject.toml") != nil { add(name) }
        }
        // The root package, when it is one (a root crate beside its members, a single-package repository).
        add("")
        return found
    }

    /// The strings of a TOML array.
    static func strings(_ array: TOMLArray?) -> [String] {
        guard let array else { return [] }
        return (0..<array.count).compactMap { array[$0].string }
    }

    /// A member entry: a folder, or a glob in its last component (`crates/*`, `axum-*`, `packages/**`),
    /// expanded to the folders it names.
    static func expand(_ member: String, _ files: ProjectFiles) -> [String] {
        var member = Settings.normalized(member)
        while member.hasSuffix("/**") { member = String(member.dropLast(3)) + "/*" }
        guard !member.hasPrefix(".."), !member.hasPrefix("/") else { return [] }
        let components = member.split(separator: "/").map(String.init)
        guard let last = components.last else { return [] }
        let parent = components.dropLast().joined(separator: "/")
        guard !parent.contains(where: { "*?[".contains($0) }) else { return [] }
        guard last.contains(where: { "*?[".contains($0) }) else { return [member] }
        return files.list(parent).filter { !$0.hasPrefix(".") && fnmatch(last, $0, 0) == 0 }
            .map { parent.isEmpty ? $0 : parent + "/" + $0 }
            .filter { files.isFolder($0) }
    }
}
