import NotesGit

/// Turns the commits of a range into release notes: skips merges and release commits, cancels
/// reverts inside the range, sorts commits into sections, folds commits that link one issue, and
/// counts issues and contributors. `rules` (from the configuration) choose the sections, their order,
/// and which commits are left out. Pure: the same commits and rules always give the same notes.
public enum ReleaseBuilder {
    /// Builds the notes. `commits` come newest first, as the walk hands them out.
    /// `tagTargets` are the commits release tags point at (for `commits.release_commits = "detect"`);
    /// `cherryPicked` maps subjects of the previous tag's side to their commits, when it is not an ancestor.
    public static func build(info: ReleaseInfo, commits: [CommitRecord], rules: GroupingRules = .standard,
                             tagTargets: Set<CommitID> = [], cherryPicked: [String: CommitID] = [:],
                             changedPaths: [CommitID: [String]] = [:]) -> ReleaseNotes {
        var classified = commits.map { ClassifiedCommit(record: $0) }
        skipMergesAndReleases(&classified, version: info.version, tagTargets: tagTargets, detect: rules.noise.detectReleaseCommits)
        if !cherryPicked.isEmpty {
            for index in classified.indices where classified[index].skipped == nil {
                if let other = cherryPicked[classified[index].record.subject] {
                    classified[index].skipped = .cherryPicked
                    classified[index].cancelledWith = other
                }
            }
        }
        if rules.noise.splitBody { splitBodies(&classified, types: rules.changeTypes) }
        var ruleMatches: [ObjectIdentifier: CommitRuleSet.Match] = [:]
        for index in classified.indices where classified[index].skipped == nil {
            if let match = rules.commitRules.match(classified[index].record,
                                                   paths: changedPaths[classified[index].record.id]) {
                classified[index].commitRule = match.number
                if match.skip {
                    classified[index].skipped = .commitRule
                    continue
                }
                ruleMatches[ObjectIdentifier(classified[index].record)] = match
            }
            if let skip = rules.skip(classified[index].record) {
                classified[index].skipped = skip.reason
                classified[index].skipRule = skip.rule
            }
        }
        applyEdits(&classified, rules: rules)
        cancelReverts(&classified)

        // Oldest first for display.
        let listed = classified.reversed().filter { $0.skipped == nil }
        var sectionEntries: [SectionKind: [Entry]] = [:]
        var entryByIssue: [SectionKind: [String: Int]] = [:]
        var placement: [ObjectIdentifier: SectionKind] = [:]
        let pullRequests = rules.noise.mergePullRequests ? MergePullRequests.numbers(in: commits) : [:]
        let dependencyUpdates = rules.noise.foldDependencyUpdates
            ? listed.filter { $0.edit == nil && DependencyUpdate.matches($0.record) } : []
        let folded = dependencyUpdates.count >= 2 ? Set(dependencyUpdates.map { ObjectIdentifier($0.record) }) : []
        var foldedEntry: (kind: SectionKind, index: Int)?
        for item in listed {
            let match = ruleMatches[ObjectIdentifier(item.record)]
            if let edit = item.edit, item.record.bodyChange == nil {
                // A correction beats the rules: its section (or breaking), its description, its own entry.
                let kind = edit.section.flatMap(rules.section(id:))
                    ?? (edit.breaking != nil && rules.sections.contains(.breaking) ? .breaking : nil)
                    ?? match?.section ?? rules.section(for: item.record)
                placement[ObjectIdentifier(item.record)] = kind
                append(item.record, to: &sectionEntries[kind, default: []], index: &entryByIssue[kind, default: [:]],
                       kind: kind, pullRequest: pullRequests[item.record.id],
                       description: edit.description ?? match?.description, area: rules.area(of: item.record),
                       breakingTexts: edit.breaking.map { [$0] }, folds: false)
                continue
            }
            let kind = match?.section ?? rules.section(for: item.record)
            placement[ObjectIdentifier(item.record)] = kind
            if folded.contains(ObjectIdentifier(item.record)) {
                if let foldedEntry {
                    sectionEntries[foldedEntry.kind]?[foldedEntry.index].commits.append(item.record.id)
                } else {
                    foldedEntry = (kind, sectionEntries[kind, default: []].count)
                    sectionEntries[kind, default: []].append(Entry(
                        section: kind, scope: nil, description: "", breakingTexts: [], issues: [],
                        commits: [item.record.id], reverted: nil, foldsDependencyUpdates: true))
                }
                continue
            }
            // A change of a body shows the commit's pull request, unless it names its own (`(#123)`).
            let pullRequest = item.record.bodyChange.map { origin in
                SquashSuffix.split(item.record.conventional?.description ?? item.record.subject).number == nil
                    ? pullRequests[item.record.id] ?? origin.pullRequest : nil
            } ?? pullRequests[item.record.id]
            append(item.record, to: &sectionEntries[kind, default: []], index: &entryByIssue[kind, default: [:]],
                   kind: kind, pullRequest: pullRequest, description: match?.description, area: rules.area(of: item.record))
        }
        if let foldedEntry, let count = sectionEntries[foldedEntry.kind]?[foldedEntry.index].commits.count {
            sectionEntries[foldedEntry.kind]?[foldedEntry.index].description = "\(count) dependency updates"
        }
        for index in classified.indices {
            if let kind = placement[ObjectIdentifier(classified[index].record)] { classified[index].section = kind }
        }
        let sections = rules.sections.compactMap { kind -> (kind: SectionKind, entries: [Entry])? in
            guard let entries = sectionEntries[kind], !entries.isEmpty else { return nil }
            return (kind, entries)
        }
        var notes = ReleaseNotes(
            info: info, sections: sections, commits: classified,
            issues: issueSummaries(listed.map(\.record), list: rules.noise.issueList),
            contributors: ContributorCount.contributors(listed.map(\.record).filter { $0.bodyChange == nil },
                                                        people: rules.people, noise: rules.noise))
        notes.maintenanceSections = rules.maintenanceSections
        if rules.noise.mergePullRequests { notes.pullRequests = pullRequests }
        return notes
    }

    /// Applies the edits file's corrections: a correction beats `[[skip]]` and `[[rule]]` rules, hidden
    /// types and scopes (the user named this commit), not merges, release commits or cherry-picks. It records
    /// the type and breaking flag the bump sees: an edited section's first type (the `breaking` section:
    /// breaking), else the commit's own; a `breaking` text makes it breaking.
    private static func applyEdits(_ commits: inout [ClassifiedCommit], rules: GroupingRules) {
        guard !rules.edits.isEmpty else { return }
        let overridable: Set<SkipReason> = [.rule, .hidden, .scope, .commitRule]
        for index in commits.indices {
            if let skipped = commits[index].skipped, !overridable.contains(skipped) { continue }
            let record = commits[index].record
            guard let edit = rules.edits.edit(for: record) else { continue }
            // A change read out of the commit's body shares its id: only leaving the commit out applies to it.
            if record.bodyChange != nil {
                if edit.leaveOut { commits[index].skipped = .edited }
                continue
            }
            commits[index].edit = edit
            let own = record.conventional
            if let id = edit.section, let section = rules.section(id: id) {
                if section == .breaking {
                    commits[index].bumpType = own?.type.lowercased()
                    commits[index].bumpBreaking = true
                } else {
                    commits[index].bumpType = rules.bumpType(of: section)
                    commits[index].bumpBreaking = edit.breaking != nil
                }
            } else {
                commits[index].bumpType = own?.type.lowercased()
                commits[index].bumpBreaking = (own?.isBreaking ?? false) || edit.breaking != nil
            }
            if edit.leaveOut {
                commits[index].skipped = .edited
            } else {
                commits[index].skipped = nil
                commits[index].skipRule = nil
            }
        }
    }

    private static func skipMergesAndReleases(_ commits: inout [ClassifiedCommit], version: ReleaseVersion?,
                                              tagTargets: Set<CommitID>, detect: Bool) {
        for index in commits.indices {
            let record = commits[index].record
            if record.isMerge {
                commits[index].skipped = .merge
            } else if let reason = ReleaseCommitRule.reason(record, version: version, tagged: tagTargets.contains(record.id),
                                                            detect: detect) {
                commits[index].skipped = .release
                commits[index].releaseReason = reason
            }
        }
    }

    /// Replaces each listed commit whose body lists further changes (`BodyChanges`) by the commit without
    /// them and the changes, newest first as the walk's order is: the last change first, the commit last, so
    /// the notes (oldest first) show the commit, then its changes in the order written. Dependency updates
    /// and bots' commits are not split: their bodies quote other projects' changelogs.
    private static func splitBodies(_ commits: inout [ClassifiedCommit], types: Set<String>) {
        var result: [ClassifiedCommit] = []
        var changed = false
        for item in commits {
            guard item.skipped == nil, item.record.message.body != nil || !item.record.message.footers.isEmpty,
                  !DependencyUpdate.matches(item.record),
                  !Contributor.isBot(name: item.record.author.name, email: item.record.author.email),
                  let records = item.record.splittingBody(types: types) else {
                result.append(item)
                continue
            }
            changed = true
            for record in records.reversed() {
                var copy = item
                copy.record = record
                result.append(copy)
            }
        }
        if changed { commits = result }
    }

    /// Newest first, a revert that is itself still listed cancels its target when the target is in the
    /// range and still listed. Going newest first makes a revert of a revert restore the original.
    private static func cancelReverts(_ commits: inout [ClassifiedCommit]) {
        guard commits.contains(where: { $0.record.revert != nil }) else { return }
        var indexByID: [String: Int] = [:]
        for index in commits.indices where commits[index].record.bodyChange == nil {
            indexByID[commits[index].record.id.hex] = index
        }
        for index in commits.indices {
            guard commits[index].skipped == nil, let revert = commits[index].record.revert else { continue }
            let target = revert.revertedID.lowercased()
            guard target.count >= 4,
                  let targetIndex = indexByID[target] ?? (target.count < 40 ? commits.indices.first(where: {
                      $0 != index && commits[$0].record.id.hex.hasPrefix(target)
                  }) : nil),
                  targetIndex != index, commits[targetIndex].record.bodyChange == nil,
                  commits[targetIndex].skipped == nil
            else { continue }
            commits[index].skipped = .revert
            commits[index].cancelledWith = commits[targetIndex].record.id
            commits[targetIndex].skipped = .reverted
            commits[targetIndex].cancelledWith = commits[index].record.id
        }
        // The changes of a reverted commit's body are reverted with it.
        for index in commits.indices where commits[index].record.bodyChange != nil && commits[index].skipped == nil {
            if let parent = indexByID[commits[index].record.id.hex], commits[parent].skipped == .reverted {
                commits[index].skipped = .reverted
                commits[index].cancelledWith = commits[parent].cancelledWith
            }
        }
    }

    /// The issue a commit folds under: its first closing reference, else its first reference.
    static func foldingIssue(of record: CommitRecord) -> IssueReference? {
        record.issues.first(where: \.closes) ?? record.issues.first
    }

    /// Adds a commit to a section's entries; `index` maps a folding issue key to its entry.
    /// `pullRequest` (from a merge commit) is shown with the commit's issues but never folds entries.
    /// `area` (`GroupingRules.area(of:)`) is the scope of an entry outside Other changes that has none.
    /// `breakingTexts` replace the commit's own; without `folds` the commit gets an entry of its own.
    private static func append(_ record: CommitRecord, to entries: inout [Entry], index: inout [String: Int],
                               kind: SectionKind, pullRequest: IssueReference? = nil, description rewritten: String? = nil,
                               area: String? = nil, breakingTexts: [String]? = nil, folds: Bool = true) {
        let folding = folds ? foldingIssue(of: record) : nil
        let shown = record.issues + (pullRequest.map { pr in record.issues.contains { $0.key == pr.key } ? [] : [pr] } ?? [])
        // A breaking change several commits state in the same words is listed once, naming every commit.
        // Looked up by text in `index` (a key no issue has: it starts with U+0000), so thousands of breaking
        // changes stay linear.
        let textKey = kind == .breaking
            ? breakingKey(breakingTexts ?? record.conventional?.breakingDescriptions ?? []).map { "\u{0}" + $0 } : nil
        if let textKey, let existing = index[textKey] {
            entries[existing].commits.append(record.id)
            addIssues(shown, to: &entries[existing], at: existing, index: &index)
            return
        }
        if let folding, kind != .breaking, let existing = index[folding.key] {
            entries[existing].commits.append(record.id)
            addIssues(shown, to: &entries[existing], at: existing, index: &index)
            return
        }
        var issues = shown
        if let folding, let position = issues.firstIndex(where: { $0.key == folding.key }), position != 0 {
            issues.insert(issues.remove(at: position), at: 0)
        }
        // Other changes show the whole subject: a `wip:` prefix is part of what the author said.
        if let folding, kind != .breaking { index[folding.key] = entries.count }
        if let textKey { index[textKey] = entries.count }
        for issue in issues { index[Self.issueKey(entries.count, issue)] = 0 }
        let raw = kind == .other ? record.subject : (record.conventional?.description ?? record.subject)
        let description = rewritten ?? SquashSuffix.split(raw).text
        entries.append(Entry(
            section: kind,
            // `time: fix the race` moved to Bug fixes by a rule reads `**time:** fix the race`. In Other
            // changes the whole subject is the description and already says its scope: `wip(render): x` would
            // read `**render:** wip(render): x`.
            scope: kind == .other && description == SquashSuffix.split(record.subject).text ? nil
                : record.conventional?.scope ?? (kind == .other ? nil : area),
            description: description,
            breakingTexts: breakingTexts ?? record.conventional?.breakingDescriptions ?? [],
            issues: issues,
            commits: [record.id],
            reverted: record.revert))
    }

    /// Adds the issues an entry does not list yet, checked through `index` (keys starting with U+0001: the
    /// entry's position and the issue), so thousands of commits folding into one entry stay linear.
    private static func addIssues(_ issues: [IssueReference], to entry: inout Entry, at position: Int,
                                  index: inout [String: Int]) {
        for issue in issues where index.updateValue(0, forKey: issueKey(position, issue)) == nil {
            entry.issues.append(issue)
        }
    }

    private static func issueKey(_ position: Int, _ issue: IssueReference) -> String { "\u{1}\(position)\u{1}\(issue.key)" }

    /// What makes two breaking changes one: their `BREAKING CHANGE` texts, whitespace and case aside; nil
    /// when there is none (`!` alone: the description says what breaks).
    private static func breakingKey(_ texts: [String]) -> String? {
        let key = texts.map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
        return key.isEmpty ? nil : key
    }

    private static func issueSummaries(_ records: [CommitRecord], list: NoiseRules.IssueList) -> [IssueSummary] {
        guard list != .none else { return [] }
        // A reference is listed when any commit links it as an issue; its count is every commit naming it.
        let linked = list == .all ? nil : records.reduce(into: Set<String>()) { $0.formUnion($1.issueLinkKeys) }
        var byKey: [String: IssueSummary] = [:]
        for record in records {
            for issue in record.issues where linked?.contains(issue.key) ?? true {
                var summary = byKey[issue.key] ?? IssueSummary(reference: issue, commitCount: 0, closes: false)
                summary.commitCount += 1
                summary.closes = summary.closes || issue.closes
                byKey[issue.key] = summary
            }
        }
        return byKey.values.sorted { $0.reference < $1.reference }
    }
}
