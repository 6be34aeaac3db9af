import Foundation

/// Which package a command acts on when `--package` is not given: the `[[package]]` whose folder holds the
/// folder notes runs in (`cd barter-python && notes draft`), else none; and the commands that must not guess.
extension Settings {
    /// The configured package whose plain-folder path holds `folder` (absolute), the deepest such path
    /// winning; nil when none does or `folder` is outside `root`.
    static func package(containing folder: String, root: String, in packages: [Configuration.Package])
        -> Configuration.Package?
    {
        let resolved = URL(fileURLWithPath: folder).standardized.resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).standardized.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootPath + "/") else { return nil }
        let relative = String(resolved.dropFirst(rootPath.count + 1))
        var best: (Configuration.Package, Int)?
        for package in packages {
            for path in package.paths where !PathFilterGlob.isGlob(path) {
                let normalized = normalized(path)
                guard !normalized.isEmpty, relative == normalized || relative.hasPrefix(normalized + "/") else { continue }
                if normalized.count > best?.1 ?? -1 { best = (package, normalized.count) }
            }
        }
        return best?.0
    }

    /// Stops a command that writes or publishes one package's release (`tag`, `attach`, `release`) when
    /// notes.toml defines packages and none is selected: the whole repository is then never what is meant.
    public func requirePackage(for command: String) throws {
        guard package == nil, packageFolder.isEmpty, !scopeFromFlags, !definedPackages.isEmpty else { return }
        throw NotesError(.badInput,
                         "\(configurationFile.map(display) ?? "notes.toml") defines packages: say which one notes \(command) is for",
                         hint: "pass --package with one of: \(definedPackages.joined(separator: ", ")) (or run notes inside the package's folder)")
    }

    /// Stops a command that publishes one release (`attach`) for a tag whose family is the declared
    /// scheme of packages in folders, when none of them is selected: whole-history notes are never what
    /// such a tag means.
    public func requirePackage(forTag text: String, command: String) throws {
        guard package == nil, packageFolder.isEmpty, !scopeFromFlags else { return }
        let family = ReleaseVersion(text) != nil ? nil : TagFamily.split(text)?.prefix
        let owners = project.packages(withFamily: family).filter { !$0.isDefault && !$0.folder.isEmpty }
        guard !owners.isEmpty else { return }
        throw NotesError(.badInput,
                         "\(text) is in the tag scheme of \(owners.map(\.name).joined(separator: " and ")): say which package notes \(command) is for",
                         hint: "pass --package with one of: \(owners.map(\.name).joined(separator: ", "))")
    }

    /// What `draft` says about its scope when notes.toml defines packages; nil when it defines none.
    public var scopeDescription: String? {
        guard !definedPackages.isEmpty else { return nil }
        if let package {
            return "package \(package)" + (packageArgument == nil ? " (the current folder's)" : "")
        }
        if !packageFolder.isEmpty { return "the folder \(packageFolder)" }
        return "the whole repository (notes.toml defines \(definedPackages.joined(separator: ", ")); "
            + "pass --package to draft one)"
    }
}

/// Glob detection, as package paths are read.
enum PathFilterGlob {
    static func isGlob(_ path: String) -> Bool { path.contains { "*?[".contains($0) } }
}
