import TOMLKit

/// A tag scheme another release tool's configuration declares: for a package (by name or folder) or for the
/// whole repository.
public struct ToolScheme: Sendable, Hashable {
    /// The file that says it (`release-plz.toml`).
    public var file: String
    /// The package's name, when the file names it.
    public var package: String?
    /// The package's folder, when the file names it ("" for the root).
    public var folder: String?
    /// The tag prefix (`barter-python-v`, `v`).
    public var prefix: String
}

/// Other release tools' configuration, where it names packages or tag names: release-plz
/// (`release-plz.toml`: `git_tag_name` of the workspace and of each `[[package]]`), release-please
/// (`.release-please-manifest.json` and `release-please-config.json`: components and tag options),
/// cocogitto (`cog.toml`: `tag_prefix`, `[packages]`), git-cliff (`cliff.toml`: `[git] tag_pattern`).
public enum ReleaseToolConfigs {
    /// The files notes looks at, as `notes init` and `notes status` name them.
    public static let files = ["release-plz.toml", ".release-plz.toml", "release-please-config.json",
                               ".release-please-manifest.json", "cog.toml", "cliff.toml", ".versionrc"]

    /// The schemes the work tree's tool files declare, for `packages` (name and folder).
    public static func schemes(_ files: ProjectFiles, packages: [ManifestPackage]) -> [ToolScheme] {
        var schemes: [ToolScheme] = []
        for file in ["release-plz.toml", ".release-plz.toml"] {
            guard let table = files.toml(file) else { continue }
            let workspaceTemplate = table["workspace"]?.table?["git_tag_name"]?.string
            var named = Set<String>()
            if let list = table["package"]?.array {
                for index in 0..<list.count {
                    guard let package = list[index].table, let name = package["name"]?.string else { continue }
                    named.insert(name)
                    if let template = package["git_tag_name"]?.string ?? workspaceTemplate,
                       let prefix = prefix(ofTemplate: template, package: name) {
                        schemes.append(ToolScheme(file: file, package: name, prefix: prefix))
                    }
                }
            }
            // release-plz's default: `{{ package }}-v{{ version }}` in a workspace of several packages,
            // `v{{ version }}` for one.
            let template = workspaceTemplate ?? (packages.count > 1 ? "{{ package }}-v{{ version }}" : "v{{ version }}")
            for package in packages where !named.contains(package.name) {
                if let prefix = prefix(ofTemplate: template, package: package.name) {
                    schemes.append(ToolScheme(file: file, package: package.name, prefix: prefix))
                }
            }
        }
        if let manifest = files.json(".release-please-manifest.json") {
            let config = files.json("release-please-config.json") ?? [:]
            let configured = config["packages"] as? [String: Any] ?? [:]
            for path in manifest.keys.sorted() {
                let folder = path == "." ? "" : Settings.normalized(path)
                let options = configured[path] as? [String: Any] ?? [:]
                func option<T>(_ key: String) -> T? { (options[key] as? T) ?? (config[key] as? T) }
                let component: String? = option("component") ?? option("package-name")
                    ?? packages.first { $0.folder == folder }?.name
                let includeComponent: Bool = option("include-component-in-tag") ?? !folder.isEmpty
                let includeV: Bool = option("include-v-in-tag") ?? true
                let separator: String = option("tag-separator") ?? "-"
                var prefix = includeV ? "v" : ""
                if includeComponent, let component { prefix = component + separator + prefix }
                schemes.append(ToolScheme(file: ".release-please-manifest.json", package: component, folder: folder,
                                          prefix: prefix))
            }
        }
        if let cog = files.toml("cog.toml") {
            let tagPrefix = cog["tag_prefix"]?.string ?? ""
            let separator = cog["monorepo_version_separator"]?.string ?? "-"
            if let table = cog["packages"]?.table {
                for name in table.keys.sorted() {
                    let folder = table[name]?.table?["path"]?.string.map(Settings.normalized)
                    schemes.append(ToolScheme(file: "cog.toml", package: name, folder: folder,
                                              prefix: name + separator + tagPrefix))
                }
            }
            if !tagPrefix.isEmpty { schemes.append(ToolScheme(file: "cog.toml", folder: "", prefix: tagPrefix)) }
        }
        if let pattern = files.toml("cliff.toml")?["git"]?.table?["tag_pattern"]?.string {
            let prefix = CIWorkflows.literalPrefix(ofRegex: Substring("^" + pattern.drop { $0 == "^" }))
            if !prefix.isEmpty { schemes.append(ToolScheme(file: "cliff.toml", folder: "", prefix: prefix)) }
        }
        return schemes
    }

    /// The text before `{{ version }}` in a release-plz tag template, `{{ package }}` replaced by `package`.
    static func prefix(ofTemplate template: String, package: String) -> String? {
        let filled = template.replacingOccurrences(of: "{{ package }}", with: package)
            .replacingOccurrences(of: "{{package}}", with: package)
        guard let range = filled.range(of: "{{ version }}") ?? filled.range(of: "{{version}}") else { return nil }
        let prefix = String(filled[..<range.lowerBound])
        return prefix.contains("{{") ? nil : prefix
    }
}
