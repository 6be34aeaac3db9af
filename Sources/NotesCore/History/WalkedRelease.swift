import NotesGit

/// A release whose range is walked: grouping its commits and building the view model is left, pure
/// work that `finish()` does on any thread.
struct WalkedRelease: Sendable {
    let info: ReleaseInfo
    let commits: ParsedCommits
    let grouping: GroupingRules
    let links: RemoteLinks?
    let summary: String
    var outsidePaths: [CommitRecord] = []
    /// The commits release tags point at (release-commit detection).
    var tagTargets: Set<CommitID> = []
    /// Subject → id of the previous tag's side, when it is not an ancestor (cherry-picked backports).
    var cherryPicked: [String: CommitID] = [:]
    /// The paths each commit changes, read only when a `[[rule]]` has a `path`.
    var changedPaths: [CommitID: [String]] = [:]
    /// `[links] mentions = "code"`: `@user` shown as code.
    var quoteMentions = true

    /// Groups the commits and builds the view model.
    func finish() -> ReleaseResult { result(group()) }

    /// The release as it was before its newest `count` commits (in walk order) arrived: what notes wrote for
    /// an earlier end of the range (`EntryFreshness`). Nil when the range has no more commits than that.
    func finish(droppingNewest count: Int) -> ReleaseResult? {
        let records = commits.records()
        guard count < records.count else { return nil }
        return result(group(records: Array(records.dropFirst(count))))
    }

    /// Groups the commits (all of them, or `records`): the notes without their view model.
    func group(records: [CommitRecord]? = nil) -> ReleaseNotes {
        var notes = ReleaseBuilder.build(info: info, commits: records ?? commits.records(), rules: grouping,
                                         tagTargets: tagTargets, cherryPicked: cherryPicked,
                                         changedPaths: changedPaths)
        notes.outsidePaths = outsidePaths
        return notes
    }

    /// The view model of `notes` (grouped by ``group(records:)``, maybe with their new contributors added).
    func result(_ notes: ReleaseNotes) -> ReleaseResult {
        ReleaseResult(notes: notes, context: ReleaseContext(notes: notes, links: links, quoteMentions: quoteMentions),
                      summary: summary)
    }
}


/// Runs a libgit2 call whose failure is not the user's doing: a repository error (exit 3) with libgit2's
/// message (which names the object) and the `git fsck` hint.
func gitCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GitError {
        if let damaged = NotesError(damagedCommit: error) { throw damaged }
        throw NotesError(.repository, "git: \(error.message)", hint: "run git fsck to check the repository")
    }
}

extension NotesError {
    /// The error for a commit libgit2 cannot parse (`GitError.damagedCommit`), nil for other git errors:
    /// exit 3, the commit and the malformed field, and that `git fsck` reports it.
    init?(damagedCommit error: GitError) {
        guard let id = error.damagedCommit else { return nil }
        self.init(.repository, error.message,
                  hint: "`git fsck` reports this commit too (`error in commit \(id)`); `git log` still shows it, but notes "
                    + "reads history with libgit2, which refuses it: rewrite the commit (git rebase -i, git filter-repo), "
                    + "or leave it out of the range (--from a later commit)")
    }
}
