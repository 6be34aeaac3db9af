import Foundation
import NotesGit

/// One package as `notes status` prints it.
public struct PackageStatus: Sendable, Codable {
    /// A version file and what it holds.
    public struct VersionFile: Sendable, Codable {
        /// Repository-relative path.
        public var path: String
        /// The version it holds in the work tree.
        public var version: String
    }

    /// A release tag.
    public struct Release: Sendable, Codable {
        /// The tag.
        public var tag: String
        /// Its date, `YYYY-MM-DD` (UTC).
        public var date: String?
        /// Its commit, short.
        public var commit: String
    }

    /// The package's name; nil for the whole repository.
    public var name: String?
    /// Its folder ("" for the root).
    public var folder: String
    /// The manifest that declares it.
    public var manifest: String?
    /// Its version files that exist, with their versions.
    public var versionFiles: [VersionFile]
    /// Its tag scheme: the prefix (`v`, `barter-python-v`).
    public var tagPrefix: String
    /// Where the scheme comes from.
    public var schemeSource: String
    /// The CI workflows its next tag runs.
    public var workflows: [String]
    /// Its newest release reachable from HEAD.
    public var lastRelease: Release?
    /// Where its next release starts when it has no release: the bootstrap commit, short, and subject.
    public var startsAfter: String?
    /// The range of its next release and its size: `v0.1.2..HEAD -- barter-python, 7 commits`.
    public var range: String
    /// Commits since its last release that count as changes.
    public var commitsSince: Int
    /// The next version, nil when nothing is to be released.
    public var nextVersion: String?
    /// The tag the next version gets.
    public var nextTag: String?
    /// What needs attention.
    public var warnings: [String]
}

/// The result of `notes status`.
public struct StatusReport: Sendable, Codable {
    /// The packages (or the whole repository).
    public var packages: [PackageStatus]
    /// The CI workflows that run on tags, with their triggers.
    public var workflows: [String]
    /// Other release tools' files.
    public var otherTools: [String]
    /// Warnings about the repository as a whole (an uncommitted notes.toml).
    public var warnings: [String]
    /// Workspace members that make no releases (`publish = false`, and nothing releases them): their manifests.
    public var unpublished: [String] = []

    /// The report for people.
    public var text: String {
        var lines: [String] = []
        for package in packages {
            let title = package.name.map { "\($0) (\(package.folder.isEmpty ? "." : package.folder + "/"))" } ?? "the whole repository"
            lines.append(title)
            func row(_ label: String, _ value: String) { lines.append("  " + label.padding(toLength: 14, withPad: " ", startingAt: 0) + value) }
            if let manifest = package.manifest { row("manifest", manifest) }
            row("version", package.versionFiles.isEmpty ? "no version file"
                : package.versionFiles.map { "\($0.version) (\($0.path))" }.joined(separator: ", "))
            row("tags", "\(package.tagPrefix)X.Y.Z, from \(package.schemeSource)")
            row("CI", package.workflows.isEmpty ? (workflows.isEmpty ? "no workflow runs on tags" : "its tags run no workflow")
                : package.workflows.joined(separator: ", "))
            if let last = package.lastRelease {
                row("last release", "\(last.tag) (\(last.date ?? "no date"), \(last.commit))")
            } else {
                row("last release", "none" + (package.startsAfter.map { "; the first starts after \($0)" } ?? ""))
            }
            row("since", "\(package.commitsSince) change\(package.commitsSince == 1 ? "" : "s") (\(package.range))")
            row("next", package.nextVersion.map { "\($0) → \(package.nextTag ?? "?")" } ?? "nothing to release")
            for warning in package.warnings { row("warning", warning) }
            lines.append("")
        }
        if !workflows.isEmpty { lines.append("tag workflows: " + workflows.joined(separator: "; ")) }
        if !otherTools.isEmpty { lines.append("other release tools: " + otherTools.joined(separator: ", ")) }
        if !unpublished.isEmpty { lines.append("never published, left out: " + unpublished.joined(separator: ", ")) }
        for warning in warnings { lines.append("warning: " + warning) }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// `notes status`: the release model, printed: per package its folder, version files, tag scheme and the CI
/// workflow it triggers, its last release, the changes since, the next version and tag, and what needs
/// attention. It writes nothing.
public enum ProjectStatus {
    /// `settingsFor` resolves the settings of one package (nil: the whole repository), as `--package` would.
    public static func run(settings: Settings, settingsFor: (String?) throws -> Settings, context: RunContext) throws
        -> StatusReport
    {
        let project = settings.project
        var names: [String?] = project.packages.map(\.name)
        if let selected = settings.package { names = [selected] }
        if names.isEmpty { names = [nil] }
        var packages: [PackageStatus] = []
        for name in names {
            packages.append(try status(try name.map(settingsFor) ?? settings, context: context))
        }
        var warnings: [String] = []
        if let workspace = try? ReleaseWorkspace(history: try context.history(settings)),
           let item = ReleasePreconditions.committedItem(workspace), item.status == .fail {
            warnings.append(item.message + "; fix: " + (item.fix ?? ""))
        }
        return StatusReport(packages: packages,
                            workflows: project.tagWorkflows.map { "\($0.file) (\($0.triggerDescription))" },
                            otherTools: project.toolFiles, warnings: warnings,
                            unpublished: project.unpublished.map(\.manifest))
    }

    static func status(_ settings: Settings, context: RunContext) throws -> PackageStatus {
        let quiet = RunContext(now: context.now, environment: context.environment)
        let history = try quiet.history(settings)
        let project = settings.project
        let modelPackage = settings.package.flatMap(project.package(named:))
        let files = ProjectFiles(root: settings.root, boundary: settings.boundary)
        var versionFiles: [PackageStatus.VersionFile] = []
        for spec in settings.versionFiles {
            // Through `files.read`, so `version.workspace = true` reads the workspace root's version.
            if let value = PackageVersionFile.primary([spec], read: files.read)?.value {
                versionFiles.append(PackageStatus.VersionFile(path: spec.path, version: value))
            }
        }
        let unreleased = try history.release(RangeRequest(), now: context.now)
        let info = unreleased.notes.info
        let previous = info.previousTag.flatMap(history.existingTag(named:))
        var warnings: [String] = []
        var next: ReleaseVersion?
        var count = ChangeSummary(unreleased.notes).count
        do {
            let plan = try VersionPlan.make(history, preID: nil, explicit: nil, now: context.now)
            next = plan.next
            count = plan.commitCount
        } catch let error as NotesError where error.exitCode == .nothingToDo {
            next = nil
        } catch let error as NotesError {
            warnings.append(error.message)
        }
        let prefix = history.pattern.prefix ?? (history.planner.listed.first?.version.prefix ?? "v")
        let nextTag = next.map { history.tagName(for: $0) }
        // The versions after the current one whose tags another package holds.
        let current = next ?? previous?.version
        if let current {
            let planner = history.planner
            let taken = planner.schemeTags.filter { $0.version.version > current.version && planner.otherOwner(of: $0) != nil }
                .sorted { $0.version.version < $1.version.version }
            if let first = taken.first {
                let names = taken.count > 2 ? "\(first.name) … \(taken[taken.count - 1].name) (\(taken.count) tags)"
                    : taken.map(\.name).joined(separator: ", ")
                warnings.append("\(names) are taken by tags that are not its releases: releasing \(first.version.bare) would need another tag scheme")
            }
        }
        var workflows: [String] = []
        if let nextTag {
            workflows = project.workflows(runningOn: nextTag).map(\.file)
            if workflows.isEmpty, !project.tagWorkflows.isEmpty {
                warnings.append("the tag \(nextTag) runs no CI workflow (\(project.tagWorkflows.map(\.file).joined(separator: ", ")) run on other tags)")
            }
        } else {
            workflows = modelPackage?.workflows ?? []
        }
        return PackageStatus(
            name: settings.package, folder: settings.packageFolder, manifest: modelPackage?.manifest,
            versionFiles: versionFiles, tagPrefix: prefix,
            schemeSource: modelPackage.map { package in
                package.isDefault && settings.configurationFile == nil && settings.tagPrefix != package.tagPrefix
                    ? "the repository's tags: nothing declares a scheme for it (with notes.toml, \(package.tagPrefix)X.Y.Z)"
                    : package.schemeSource
            } ?? (settings.tagPrefix == nil ? "the repository's tags" : "notes.toml"),
            workflows: workflows,
            lastRelease: previous.map { tag in
                PackageStatus.Release(tag: tag.name, date: info.previousTagDate.map(Self.day), commit: tag.tag.target.short)
            },
            startsAfter: previous == nil && info.from != nil ? info.rangeLabel.components(separatedBy: "..").first : nil,
            range: unreleased.summary, commitsSince: count, nextVersion: next?.bare, nextTag: nextTag, warnings: warnings)
    }

    static func day(_ time: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
