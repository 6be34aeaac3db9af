import Foundation
import NotesGit
import TOMLKit

/// What `notes init` finds in a repository: its packages (Cargo workspace members, Python projects), the tag
/// schemes in use and the stray ones, and other release tools' configuration files.
public struct ProjectDetection: Sendable {
    /// A package found: its name and folder (repository-relative).
    public struct Package: Sendable, Hashable {
        /// `[package] name` or `[project] name`.
        public var name: String
        /// Its folder.
        public var path: String
    }

    /// The packages, in the workspace's member order, then Python projects in folder order.
    public var packages: [Package] = []
    /// Tag name prefixes in use (`v`, `barter-v`) with their tag counts, most used first.
    public var tagSchemes: [(prefix: String, count: Int)] = []
    /// Prefixes no detected package uses while packages are detected (`v` from an older crate).
    public var strayPrefixes: [String] = []
    /// Other release tools' files found at the root (`release-plz.toml`, `cliff.toml`).
    public var otherTools: [String] = []

    /// Looks at the work tree at `root` and the tags of `repository`.
    /// Files are read through `boundary`: one that leads outside the work tree, or is not a regular file, is
    /// not read (as if absent).
    public static func detect(root: String, boundary: WorkTreeBoundary, tags: [TagRef]) -> ProjectDetection {
        var detection = ProjectDetection()
        let base = root.hasSuffix("/") ? root : root + "/"
        func table(_ path: String) -> TOMLTable? {
            guard let data = try? boundary.read(base + path, origin: .repository, display: path),
                  let text = String(bytes: data, encoding: .utf8) else { return nil }
            return try? SafeTOML.table(text)
        }
        var folders: [String] = []
        if let members = table("Cargo.toml")?["workspace"]?.table?["members"]?.array {
            for index in 0..<members.count {
                guard let member = members[index].string else { continue }
                folders += expand(member, base: base)
            }
        }
        let topLevel = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: base + $0 + "/pyproject.toml") }
        for folder in topLevel where !folders.contains(folder) { folders.append(folder) }
        for folder in folders {
            let name = table(folder + "/Cargo.toml")?["package"]?.table?["name"]?.string
                ?? table(folder + "/pyproject.toml")?["project"]?.table?["name"]?.string
            if let name, !detection.packages.contains(where: { $0.name == name }) {
                detection.packages.append(Package(name: name, path: folder))
            }
        }
        var counts: [String: Int] = [:]
        for tag in tags {
            guard let start = versionStart(in: tag.name) else { continue }
            counts[String(tag.name[..<start]), default: 0] += 1
        }
        detection.tagSchemes = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, $0.value) }
        if !detection.packages.isEmpty {
            let used = Set(detection.packages.map { $0.name + "-v" })
            detection.strayPrefixes = detection.tagSchemes.map(\.prefix).filter { !used.contains($0) && ($0 == "v" || $0.isEmpty) }
        }
        detection.otherTools = ["release-plz.toml", ".release-plz.toml", "cliff.toml", "release-please-config.json",
                                "cog.toml", ".versionrc"].filter { FileManager.default.fileExists(atPath: base + $0) }
        return detection
    }

    /// Where the version starts in a tag name (`barter-v0.12.3` → the `0`), when the rest is a version.
    static func versionStart(in name: String) -> String.Index? {
        var index = name.startIndex
        while index < name.endIndex {
            if name[index].isASCIIDigit, index == name.startIndex || !name[name.index(before: index)].isASCIIDigit,
               ReleaseVersion(String(name[index...]), prefix: "") != nil {
                return index
            }
            index = name.index(after: index)
        }
        return nil
    }

    /// A workspace member, with a trailing `/*` glob expanded to the folders that have a Cargo.toml.
    static func expand(_ member: String, base: String) -> [String] {
        let member = Settings.normalized(member)
        guard member.hasSuffix("/*") else { return [member] }
        let parent = String(member.dropLast(2))
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: base + parent)) ?? []).sorted()
        return children.map { parent + "/" + $0 }.filter { FileManager.default.fileExists(atPath: base + $0 + "/Cargo.toml") }
    }

    /// The TOML `notes init` puts into the commented file: the `[tags] ignore` proposal (under the file's
    /// `[tags]` header) and one `[[package]]` per package (at the end).
    func configured(_ commented: String, keeping existing: [Configuration.Package]) -> String {
        var text = commented
        if !strayPrefixes.isEmpty, let range = text.range(of: "\n[tags]\n") {
            let globs = strayPrefixes.map { "\"\($0)[0-9]*\"" }.joined(separator: ", ")
            text.insert(contentsOf: "# Detected by notes init: tags no package uses (an older project's, another tool's).\n"
                            + "ignore = [\(globs)]\n", at: range.upperBound)
        }
        let tables = existing.isEmpty ? packages.map { Self.table(name: $0.name, paths: [$0.path]) }
            : existing.map(Self.table(_:))
        if !tables.isEmpty {
            text += "\n# The packages\(existing.isEmpty ? " notes init found" : " of your notes.toml, kept by notes init --force").\n"
                + tables.joined(separator: "\n")
        }
        return text
    }

    static func table(name: String, paths: [String]) -> String {
        "[[package]]\nname = \(quoted(name))\npaths = [\(paths.map(quoted).joined(separator: ", "))]\n"
    }

    static func table(_ package: Configuration.Package) -> String {
        var text = table(name: package.name, paths: package.paths)
        func line(_ key: String, _ value: String?) { if let value { text += "\(key) = \(quoted(value))\n" } }
        func list(_ key: String, _ values: [String]?) {
            if let values, !values.isEmpty { text += "\(key) = [\(values.map(quoted).joined(separator: ", "))]\n" }
        }
        list("excludes", package.excludes)
        line("tag_prefix", package.tagPrefix)
        line("changelog", package.changelog)
        line("readme", package.readme)
        line("todo", package.todo)
        list("version_files", package.versionFiles)
        list("tag_ignore", package.tagIgnore)
        line("tag_pattern", package.tagPattern)
        line("bootstrap", package.bootstrap)
        return text
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// What `notes init` tells the user about what it found.
    var report: [String] {
        var lines: [String] = []
        if !packages.isEmpty {
            lines.append("found \(packages.count) package\(packages.count == 1 ? "" : "s"): "
                + packages.map { "\($0.name) (\($0.path))" }.joined(separator: ", ") + "; each is a [[package]]")
        }
        if !tagSchemes.isEmpty, !packages.isEmpty || tagSchemes.count > 1 {
            lines.append("tags in use: " + tagSchemes.map { "\($0.prefix.isEmpty ? "(none)" : $0.prefix)X.Y.Z (\($0.count))" }
                .joined(separator: ", "))
        }
        if !strayPrefixes.isEmpty {
            lines.append("no package uses the " + strayPrefixes.map { "\($0)X.Y.Z" }.joined(separator: ", ")
                + " tags: proposed [tags] ignore = [" + strayPrefixes.map { "\"\($0)[0-9]*\"" }.joined(separator: ", ") + "]")
        }
        for tool in otherTools {
            lines.append("\(tool) is another release tool's configuration; notes does not read it (see docs/configuration.md for the keys)")
        }
        return lines
    }
}
