import NotesGit

/// `notes draft --explain` and `--strict`: what happened to each commit of a range, and which commits do
/// not follow Conventional Commits.
public enum DraftReport {
    /// One line per commit of the range, newest first: short id, subject, and where it went and why.
    public static func explain(_ notes: ReleaseNotes, rules: GroupingRules, configurationFile: String?) -> String {
        var lines: [(time: Int64, text: String)] = []
        let file = configurationFile.map { asPath($0).lastComponent } ?? "the configuration"
        for record in notes.outsidePaths {
            lines.append((record.author.time,
                          "\(record.id.short) \(record.subject) → skipped: outside the package's paths"))
        }
        let folded = Set(notes.sections.flatMap(\.entries).filter(\.foldsDependencyUpdates).flatMap(\.commits))
        // The changes read out of a body are shown under their commit, in the order written.
        var bodyChanges: [CommitID: [String]] = [:]
        for item in notes.commits.reversed() where item.record.bodyChange != nil {
            bodyChanges[item.record.id, default: []].append(
                "  ↳ " + item.record.subject + " → " + outcome(of: item, rules: rules, file: file, folded: folded))
        }
        for item in notes.commits where item.record.bodyChange == nil {
            let record = item.record
            var what = outcome(of: item, rules: rules, file: file, folded: folded)
            if let changes = bodyChanges[record.id] {
                what += "; its body lists \(changes.count) more change\(changes.count == 1 ? "" : "s") (commits.split_body):\n"
                    + changes.joined(separator: "\n")
            } else if !rules.noise.splitBody, item.skipped == nil,
                      let count = record.splittingBody(types: rules.changeTypes).map({ $0.count - 1 }) {
                what += " (its body lists \(count) more change\(count == 1 ? "" : "s"), left in the body: commits.split_body = false)"
            }
            lines.append((record.author.time, "\(record.id.short) \(record.subject) → \(what)"))
        }
        if lines.isEmpty { return "no commits in \(notes.info.rangeLabel)\n" }
        // Newest first; the sort is stable, so commits of one time keep the walk's order.
        return lines.enumerated().sorted { $0.element.time != $1.element.time
            ? $0.element.time > $1.element.time : $0.offset < $1.offset }
            .map(\.element.text).joined(separator: "\n") + "\n"
    }

    /// Where one commit (or one change of a body) went and why.
    private static func outcome(of item: ClassifiedCommit, rules: GroupingRules, file: String, folded: Set<CommitID>) -> String {
        let record = item.record
        let what: String
        switch item.skipped {
        case .merge?:
            what = "skipped: merge commit (the commits it brings in are listed on their own)"
        case .release?:
            what = "skipped: release commit" + (item.releaseReason.map { " (\($0))" } ?? "")
        case .rule?:
            let number = item.skipRule ?? 0
            let summary = rules.rules.first { $0.number == number }?.summary
            what = "skipped: rule \(number) of \(file)" + (summary.map { " (\($0))" } ?? "")
        case .commitRule?:
            let number = item.commitRule ?? 0
            let summary = rules.commitRules.rules.first { $0.number == number }?.summary
            what = "skipped: [[rule]] \(number) of \(file)" + (summary.map { " (\($0))" } ?? "")
        case .edited?:
            what = "skipped: left out by the correction in \(item.edit?.place ?? rules.edits.file) (edited)"
        case .cherryPicked?:
            what = "skipped: cherry-picked, released already as \(item.cancelledWith?.short ?? "?") on the previous release's side"
        case .hidden?:
            what = "skipped: type \(record.conventional?.type.lowercased() ?? "?") is hidden (commits.hidden_types)"
        case .scope?:
            what = "skipped: scope \"\(record.conventional?.scope ?? "")\" is not in commits.scopes"
        case .reverted?:
            what = "skipped: reverted by \(item.cancelledWith?.short ?? "?") in this range"
        case .revert?:
            what = "skipped: reverts \(item.cancelledWith?.short ?? "?") in this range"
        case nil:
            let section = item.section ?? rules.section(for: record)
            let ruleText = item.commitRule.map { number in
                "[[rule]] \(number) of \(file)"
                    + (rules.commitRules.rules.first { $0.number == number }.map { " (\($0.summary))" } ?? "")
            }
            let reason = item.edit.map { "edited: \($0.summary), in \($0.place)" }
                ?? ruleText ?? rules.reason(for: record, in: section)
            what = "\(section.title) (\(reason)"
                + (folded.contains(record.id) ? "; folded into the dependency updates line" : "") + ")"
        }
        return what
    }

    /// The commits `--strict` rejects: not conventional, or read as conventional with a deviation
    /// (`nonConformance`: no blank line after the header, `BREAKING CHANGE:` with its text below), and not
    /// a merge, a git revert or skipped by a rule.
    public static func nonConventional(_ notes: ReleaseNotes) -> [ClassifiedCommit] {
        notes.commits.filter { item in
            item.record.bodyChange == nil && (item.record.conventional == nil || item.record.message.nonConformance != nil)
                && item.skipped != .merge && item.skipped != .rule && item.record.revert == nil
        }
    }

    /// The `--strict` failure: exit code 6, listing the offenders.
    public static func strictError(_ offenders: [ClassifiedCommit], rangeLabel: String) -> NotesError {
        let count = offenders.count
        let list = offenders.map { item in
            "  \(item.record.id.short) \(item.record.subject)"
                + (item.record.message.nonConformance.map { " (\($0))" } ?? "")
        }.joined(separator: "\n")
        return NotesError(
            .checkFailed,
            "\(count) commit\(count == 1 ? "" : "s") in \(rangeLabel) \(count == 1 ? "does" : "do") not follow Conventional Commits:\n\(list)",
            hint: "reword \(count == 1 ? "it" : "them") as type(scope): description (git rebase -i), or add a [[skip]] rule to notes.toml")
    }
}

/// The last path component, without Foundation.
private struct NSStringPath {
    let path: String
    var lastComponent: String { String(path.split(separator: "/").last ?? Substring(path)) }
}

private func asPath(_ string: String) -> NSStringPath { NSStringPath(path: string) }
