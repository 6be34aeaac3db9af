import Foundation
import NotesGit
import TOMLKit

/// What `notes init` finds in a repository: the model `notes status` prints (``ProjectModel``: packages,
/// their folders and tag schemes, CI workflows, other tools' files) and the tag families no package uses.
public struct ProjectDetection: Sendable {
    /// The model.
    public var model: ProjectModel
    /// The packages, as init writes them.
    public var packages: [ProjectModel.Package] { model.packages }
    /// Tag name prefixes in use (`v`, `barter-v`) with their tag counts, most used first.
    public var tagSchemes: [(prefix: String, count: Int)] { model.families.map { ($0.prefix ?? "v", $0.count) } }
    /// Families no package uses while packages are found (an older project's, another tool's).
    public var strayPrefixes: [String] {
        guard !packages.isEmpty else { return [] }
        return model.families.compactMap { family -> String? in
            let prefix = family.prefix ?? "v"
            let used = packages.contains { family.prefix == nil ? $0.usesDefaultFamily : $0.tagPrefix == prefix }
            return used ? nil : prefix
        }
    }
    /// Other release tools' files found at the root (`release-plz.toml`, `cliff.toml`).
    public var otherTools: [String] { model.toolFiles }

    /// Learns the model of the work tree at `root` with the tag names of its repository, as if it had no
    /// notes.toml.
    public static func detect(root: String, boundary: WorkTreeBoundary, tagNames: [String],
                              repositoryName: String? = nil) -> ProjectDetection {
        ProjectDetection(model: ProjectModel.infer(files: ProjectFiles(root: root, boundary: boundary),
                                                   configuration: Configuration(),
                                                   tagNames: tagNames, repositoryName: repositoryName))
    }

    /// The TOML `notes init` puts into the commented file: the `[tags] ignore` proposal (under the file's
    /// `[tags]` header) and one `[[package]]` per package (at the end), each with the tag prefix the
    /// repository declares for it and where that comes from.
    func configured(_ commented: String, keeping existing: [Configuration.Package]) -> String {
        var text = commented
        if !strayPrefixes.isEmpty, let range = text.range(of: "\n[tags]\n") {
            let globs = strayPrefixes.map { "\"\($0)[0-9]*\"" }.joined(separator: ", ")
            text.insert(contentsOf: "# Detected by notes init: tags no package uses (an older project's, another tool's).\n"
                            + "ignore = [\(globs)]\n", at: range.upperBound)
        }
        let tables = existing.isEmpty
            ? packages.map { package in
                Self.table(name: package.name, paths: package.folder.isEmpty ? ["."] : [package.folder])
                    + (package.isDefault ? ""
                        : "# tags \(package.tagPrefix)X.Y.Z, from \(package.schemeSource)\ntag_prefix = \(Self.quoted(package.tagPrefix))\n")
            }
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
                + packages.map { "\($0.name) (\($0.folder.isEmpty ? "." : $0.folder))" }.joined(separator: ", ")
                + "; each is a [[package]]")
            for package in packages where !package.isDefault {
                lines.append("\(package.name): tags \(package.tagPrefix)X.Y.Z, from \(package.schemeSource)")
            }
        }
        if !model.unpublished.isEmpty {
            lines.append("left out \(model.unpublished.count) workspace member\(model.unpublished.count == 1 ? "" : "s") "
                + "that \(model.unpublished.count == 1 ? "is" : "are") never published and that no workflow, tool or tag of "
                + "\(model.unpublished.count == 1 ? "its" : "their") own releases: "
                + model.unpublished.map { "\($0.name) (\($0.manifest))" }.joined(separator: ", "))
        }
        if !tagSchemes.isEmpty, !packages.isEmpty || tagSchemes.count > 1 {
            lines.append("tags in use: " + tagSchemes.map { "\($0.prefix)X.Y.Z (\($0.count))" }.joined(separator: ", "))
        }
        if !strayPrefixes.isEmpty {
            lines.append("no package uses the " + strayPrefixes.map { "\($0)X.Y.Z" }.joined(separator: ", ")
                + " tags: proposed [tags] ignore = [" + strayPrefixes.map { "\"\($0)[0-9]*\"" }.joined(separator: ", ") + "]")
        }
        for tool in otherTools {
            lines.append("\(tool) is another release tool's configuration: notes reads the tag names and packages it declares")
        }
        return lines
    }
}
