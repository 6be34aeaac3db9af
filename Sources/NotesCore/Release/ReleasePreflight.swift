import NotesGit

/// What must hold before a release tag is made, shared by `notes release` and `notes tag`, so that a tag
/// never points at a commit whose version files say another version. "Uncommitted" means what `git status`
/// means: untracked and ignored files do not count, nor do a sparse checkout's skip-worktree entries.
enum ReleasePreflight {
    /// `notes release`: the tree is clean, or its only uncommitted changes are to files the release writes
    /// (the version files, their Cargo.lock/uv.lock, the changelog and the README), with every changed
    /// version file already holding `version`: what `notes bump`, `notes changelog` and `notes readme` leave
    /// for review. Returns those paths; the release commit takes them.
    static func carriedChanges(_ workspace: ReleaseWorkspace, version: ReleaseVersion) throws -> [String] {
        let status = try gitCall { try workspace.repository.workTreeStatus() }
        guard !status.isClean else { return [] }
        let changed = status.changed.map(\.path)
        let files = try? VersionFileSet.read(workspace)
        var releaseFiles = files?.paths(in: workspace) ?? []
        releaseFiles.insert(workspace.relative(workspace.settings.changelogFile))
        releaseFiles.insert(workspace.relative(workspace.settings.readmeFile))
        let staleVersionPaths = Set(files?.found.filter { !$0.holds(version) }.map(\.location.path) ?? [])
        let acceptable = files != nil
            && changed.allSatisfy { releaseFiles.contains($0) && !staleVersionPaths.contains($0) }
        guard acceptable else { throw dirtyError(status, hint: releaseHint) }
        return changed
    }

    /// The release's own files that exist but git does not track yet and does not ignore (a changelog
    /// `notes changelog` just created): the release commit takes them, so the tag holds them.
    static func untrackedReleaseFiles(_ workspace: ReleaseWorkspace) -> [String] {
        guard let status = try? workspace.repository.workTreeStatus() else { return [] }
        var owned: Set<String> = [workspace.relative(workspace.settings.changelogFile),
                                  workspace.relative(workspace.settings.readmeFile)]
        for spec in workspace.settings.versionFiles { owned.insert(spec.path) }
        return status.untracked.map(\.path).filter {
            owned.contains($0) && !((try? workspace.repository.isIgnored($0)) ?? true)
        }.sorted()
    }

    /// `notes tag`: nothing uncommitted, and every version file holds `version`.
    static func checkTaggable(_ workspace: ReleaseWorkspace, version: ReleaseVersion) throws {
        let settings = workspace.settings
        let status = try gitCall { try workspace.repository.workTreeStatus() }
        guard status.isClean else {
            throw dirtyError(status, hint: "commit them first, or run notes release \(version.bare)\(settings.packageHint), "
                + "which commits the release files and tags; --force tags HEAD anyway")
        }
        guard let files = try? VersionFileSet.read(workspace) else { return }
        if let stale = files.found.first(where: { !$0.holds(version) }) {
            let location = stale.location
            throw NotesError(
                .badInput,
                "\(location.path):\(location.line) holds \(location.value), not \(version.bare): a tag \(version.bare) on HEAD would not match its version files",
                hint: "run notes release \(version.bare)\(settings.packageHint) (it writes, commits and tags), or notes bump --to "
                    + "\(version.bare)\(settings.packageHint) and commit first; --force tags anyway")
        }
    }

    static let releaseHint = "commit or stash them first; the release commit takes only the files notes changes"

    static func dirtyError(_ status: WorkTreeStatus, hint: String) -> NotesError {
        let paths = status.changed.prefix(5).map(\.path).joined(separator: ", ")
        let more = status.changed.count > 5 ? " and \(status.changed.count - 5) more" : ""
        return NotesError(.repository, "the working tree has uncommitted changes: \(paths)\(more)", hint: hint)
    }
}
