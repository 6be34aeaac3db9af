import Foundation
import NotesGit

/// The conditions about a release's identity that `check` reports and `tag` and `release` require, decided
/// once here: the tag the release gets runs the repository's CI, the tag is not another package's, the
/// versions after it are free, and the configuration CI will read is committed. (The conditions about the
/// work tree, the version files and the branch are ``ReleasePreflight`` and ``ReleaseCheck``'s.)
enum ReleasePreconditions {
    /// Every item, in the order `check` prints them.
    static func items(_ workspace: ReleaseWorkspace, version: ReleaseVersion, tagName: String) throws -> [CheckItem] {
        [ciItem(workspace, tagName: tagName), committedItem(workspace)].compactMap { $0 }
            + futureItems(workspace, version: version)
    }

    /// Throws the first failing item's error: `tag` and `release` stop before anything is written.
    static func require(_ workspace: ReleaseWorkspace, version: ReleaseVersion, tagName: String) throws {
        for item in try items(workspace, version: version, tagName: tagName) where item.status == .fail {
            throw NotesError(.badInput, item.message, hint: item.fix)
        }
    }

    /// The tag runs a CI workflow that triggers on tags; skipped when none does.
    static func ciItem(_ workspace: ReleaseWorkspace, tagName: String) -> CheckItem? {
        let project = workspace.settings.project
        let triggered = project.tagWorkflows
        guard !triggered.isEmpty else { return nil }
        let running = triggered.filter { $0.runs(on: tagName) }
        if let workflow = running.first(where: { $0.publishes(tagName) }) {
            return CheckItem(check: "ci", status: .pass,
                             message: "tag \(tagName) runs \(workflow.file) (\(workflow.triggerDescription))")
        }
        let package = workspace.settings.package ?? workspace.settings.packageFolder
        let where_ = package.isEmpty ? "notes.toml's [tags] prefix" : "tag_prefix of [[package]] \(package) in notes.toml"
        if let workflow = running.first, let condition = workflow.conditions.first {
            return CheckItem(check: "ci", status: .fail,
                             message: "tag \(tagName) runs \(workflow.file), but its jobs publish only for refs/tags/\(condition.prefix)… (line \(condition.line))",
                             fix: "release with the scheme the workflow publishes (\(where_)), or change its condition")
        }
        let known = triggered.prefix(3).map { "\($0.file) (\($0.triggerDescription))" }.joined(separator: ", ")
        return CheckItem(check: "ci", status: .fail,
                         message: "tag \(tagName) runs no CI workflow; the tag-triggered ones are \(known)",
                         fix: "release with the tag scheme your CI builds (\(where_)), or add the tag's pattern to the workflow's on.push.tags")
    }

    /// notes.toml and the templates it names are committed: CI's checkout of the tag reads what is committed.
    static func committedItem(_ workspace: ReleaseWorkspace) -> CheckItem? {
        let settings = workspace.settings
        var files: [String] = []
        if let file = settings.configurationFile { files.append(workspace.relative(file)) }
        files += settings.templates.configured.values.map(workspace.relative).sorted()
        let folder = workspace.relative(settings.templates.folder)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: workspace.absolute(folder))) ?? []).sorted()
            where name.hasSuffix(".md") {
            files.append(folder + "/" + name)
        }
        files = files.filter { !$0.hasPrefix("/") && workspace.exists($0) }
        guard !files.isEmpty, let status = try? workspace.repository.workTreeStatus() else { return nil }
        let pending = files.filter { file in
            status.entries.contains { $0.path == file } && !((try? workspace.repository.isIgnored(file)) ?? false)
        }
        guard pending.isEmpty else {
            let list = pending.joined(separator: " ")
            return CheckItem(check: "committed", status: .fail,
                             message: "\(pending.joined(separator: ", ")) \(pending.count == 1 ? "is" : "are") not committed: CI's checkout of the tag will not see \(pending.count == 1 ? "it" : "them")",
                             fix: "git add \(list) && git commit -m \"chore: notes configuration\"")
        }
        return nil
    }

    /// The tags the next releases would get (the next patch, minor and major after `version`) that another
    /// package's tags already hold: a warning, the release itself is fine.
    static func futureItems(_ workspace: ReleaseWorkspace, version: ReleaseVersion) -> [CheckItem] {
        let planner = workspace.history.planner
        let taken = planner.schemeTags.filter { $0.version.version > version.version && planner.otherOwner(of: $0) != nil }
        guard !taken.isEmpty else { return [] }
        let sorted = taken.sorted { $0.version.version < $1.version.version }
        let names = sorted.count > 2 ? "\(sorted[0].name) … \(sorted[sorted.count - 1].name) (\(sorted.count) tags)"
            : sorted.map(\.name).joined(separator: ", ")
        let owner = workspace.settings.package ?? "this package"
        return [CheckItem(check: "future-tags", status: .warn,
                          message: "\(names) are taken by tags that are not \(owner)'s releases: releasing \(sorted[0].version.bare) would need another tag",
                          fix: "before \(sorted[0].version.bare), give \(owner) a tag scheme of its own (tag_prefix in notes.toml and the CI trigger)")]
    }

    /// The existing tag `existing` is another package's: the fix never moves it.
    static func foreignTagItem(_ workspace: ReleaseWorkspace, _ existing: VersionTag) -> CheckItem? {
        guard let reason = workspace.history.planner.otherOwner(of: existing) else { return nil }
        let owner = workspace.settings.package ?? "this package"
        return CheckItem(check: "tag", status: .fail,
                         message: "tag \(existing.name) is taken by a tag that is not \(owner)'s release (\(reason))",
                         fix: "release another version, or give \(owner) a tag scheme of its own (tag_prefix in notes.toml and the CI trigger)")
    }
}
