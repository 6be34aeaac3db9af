import Foundation
import NotesGit
import NotesMarkdown

/// The view model every template sees and `--context` prints as JSON. Field names are stable and
/// documented in `docs/context.md`; all properties are stored (swift-mustache reads stored properties only).
public struct ReleaseContext: Encodable, Sendable {
    /// The release: version, tag, previous tag, date, range.
    public var release: ReleaseView
    /// Non-empty sections in display order.
    public var sections: [SectionView]
    /// The sections the release notes show in full: `sections` without the maintenance ones.
    public var changes: [SectionView] = []
    /// The maintenance sections (`[commits] maintenance`) folded into one line; null when none has an entry.
    public var maintenance: MaintenanceView?
    /// The breaking changes (same entries as the `breaking` section).
    public var breaking: [EntryView]
    /// Every issue the listed commits reference.
    public var issues: [IssueView]
    /// Authors of listed commits, most commits first.
    public var contributors: [ContributorView]
    /// The contributors whose first commit in the whole history is in this release.
    public var newContributors: [NewContributorView] = []
    /// Every commit of the range, newest first, listed or skipped. Built on first use: most templates
    /// never read it, and for a 100k-commit history it is the largest part of the context.
    public var commits: [CommitView] {
        get { commitList.value }
        set { commitList = CommitList(newValue) }
    }
    /// Counts.
    public var stats: StatsView
    /// True when at least one commit is listed.
    public var hasChanges: Bool

    private var commitList: CommitList

    /// Makes a context from its parts.
    public init(release: ReleaseView, sections: [SectionView], breaking: [EntryView], issues: [IssueView],
                contributors: [ContributorView], commits: [CommitView], stats: StatsView, hasChanges: Bool) {
        self.release = release
        self.sections = sections
        self.breaking = breaking
        self.issues = issues
        self.contributors = contributors
        self.commitList = CommitList(commits)
        self.stats = stats
        self.hasChanges = hasChanges
    }

    enum CodingKeys: String, CodingKey {
        case release, sections, changes, maintenance, breaking, issues, contributors, newContributors, commits, stats
        case hasChanges
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(release, forKey: .release)
        try container.encode(sections, forKey: .sections)
        try container.encode(changes, forKey: .changes)
        try container.encode(maintenance, forKey: .maintenance)
        try container.encode(breaking, forKey: .breaking)
        try container.encode(issues, forKey: .issues)
        try container.encode(contributors, forKey: .contributors)
        try container.encode(newContributors, forKey: .newContributors)
        try container.encode(commits, forKey: .commits)
        try container.encode(stats, forKey: .stats)
        try container.encode(hasChanges, forKey: .hasChanges)
    }
}

/// The `commits` list of a context, made when first read.
final class CommitList: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [CommitView]?
    private let make: @Sendable () -> [CommitView]

    init(_ commits: [CommitView]) {
        built = commits
        make = { commits }
    }

    init(lazy make: @escaping @Sendable () -> [CommitView]) {
        self.make = make
    }

    var value: [CommitView] {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let value = make()
        built = value
        return value
    }
}

/// The release part of the context.
public struct ReleaseView: Codable, Sendable {
    /// "v1.2.3", "1.2.3" or "Unreleased".
    public var title: String
    /// The version without prefix ("1.2.3"), null for Unreleased.
    public var version: String?
    /// The tag name, null for Unreleased.
    public var tag: String?
    /// True when the tag exists already.
    public var tagExists: Bool
    /// True for pre-release versions.
    public var prerelease: Bool
    /// The previous release tag, null for the first release.
    public var previousTag: String?
    /// The previous tag's date (YYYY-MM-DD, UTC), null without one.
    public var previousTagDate: String?
    /// The release date (YYYY-MM-DD, UTC).
    public var date: String
    /// The range.
    public var range: RangeView
    /// Compare page between the previous tag and this release, when the remote is GitHub or GitLab.
    public var compareURL: String?
    /// Its link text: `v1.2.2...v1.2.3`; null for the whole history.
    public var compareLabel: String?
    /// The repository's web page, when known.
    public var repositoryURL: String?

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(version, forKey: .version)
        try container.encode(tag, forKey: .tag)
        try container.encode(tagExists, forKey: .tagExists)
        try container.encode(prerelease, forKey: .prerelease)
        try container.encode(previousTag, forKey: .previousTag)
        try container.encode(previousTagDate, forKey: .previousTagDate)
        try container.encode(date, forKey: .date)
        try container.encode(range, forKey: .range)
        try container.encode(compareURL, forKey: .compareURL)
        try container.encode(compareLabel, forKey: .compareLabel)
        try container.encode(repositoryURL, forKey: .repositoryURL)
    }
}

/// The commits a release covers.
public struct RangeView: Codable, Sendable {
    /// Id of the first excluded commit, null for the whole history.
    public var from: String?
    /// Id of the last commit.
    public var to: String
    /// As written: "v1.2.2..HEAD", or "HEAD" for the whole history.
    public var label: String
    /// Commits in the range, skipped ones included.
    public var commitCount: Int

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(label, forKey: .label)
        try container.encode(commitCount, forKey: .commitCount)
    }
}

/// A section of the notes.
public struct SectionView: Codable, Sendable {
    /// Stable id: breaking, features, fixes, performance, reverts, documentation, refactoring, tests,
    /// build, ci, chores, styles, other.
    public var id: String
    /// Display title.
    public var title: String
    /// Entries, oldest first.
    public var entries: [EntryView]
}

/// The maintenance sections of a release, folded into one line of the release notes.
public struct MaintenanceView: Codable, Sendable {
    /// How many commits they list (a folded line of dependency updates counts each update).
    public var count: Int
    /// `9 changes`, `1 change`.
    public var countLabel: String
    /// `documentation 5, tests 2, chores 2`: each section's title, lower-cased, and its number of commits.
    public var summary: String
    /// The folded sections, in display order.
    public var sections: [SectionView]
}

/// One line of the notes.
public struct EntryView: Codable, Sendable {
    /// Scope (Markdown-safe), null when none.
    public var scope: String?
    /// Description as the author wrote it, raw HTML escaped.
    public var description: String
    /// `BREAKING CHANGE` footer texts on one line, null when none.
    public var breakingText: String?
    /// Linked issues.
    public var issues: [LinkView]
    /// Commits, oldest first.
    public var commits: [LinkView]
    /// Issue links joined with ", " (Markdown), null when none.
    public var issueLinks: String?
    /// Commit links joined with ", " (Markdown).
    public var commitLinks: String
    /// For a revert of an earlier release's commit: what it undid.
    public var reverted: RevertedView?

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        try container.encode(description, forKey: .description)
        try container.encode(breakingText, forKey: .breakingText)
        try container.encode(issues, forKey: .issues)
        try container.encode(commits, forKey: .commits)
        try container.encode(issueLinks, forKey: .issueLinks)
        try container.encode(commitLinks, forKey: .commitLinks)
        try container.encode(reverted, forKey: .reverted)
    }
}

/// Something that may be a link: an issue or a commit.
public struct LinkView: Codable, Sendable {
    /// `#12`, `owner/repo#12`, or a short commit id.
    public var text: String
    /// The full commit id or the issue key.
    public var id: String
    /// Its page, null when the remote is unknown.
    public var url: String?
    /// Markdown: `[text](url)` or `text`.
    public var link: String

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(link, forKey: .link)
    }
}

/// What a revert undid.
public struct RevertedView: Codable, Sendable {
    /// The reverted commit's id as the revert names it.
    public var id: String
    /// Its subject, when the revert message quotes it.
    public var subject: String?
    /// Markdown link or plain short id.
    public var link: String

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(subject, forKey: .subject)
        try container.encode(link, forKey: .link)
    }
}

/// An issue the release references.
public struct IssueView: Codable, Sendable {
    /// `#12` or `owner/repo#12`.
    public var key: String
    /// The number.
    public var number: Int
    /// Its page, null when the remote is unknown.
    public var url: String?
    /// Markdown link or plain key.
    public var link: String
    /// Listed commits that reference it.
    public var commitCount: Int
    /// True when a closing keyword closes it.
    public var closes: Bool
    /// "1 commit", "3 commits".
    public var commitsLabel: String

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(number, forKey: .number)
        try container.encode(url, forKey: .url)
        try container.encode(link, forKey: .link)
        try container.encode(commitCount, forKey: .commitCount)
        try container.encode(closes, forKey: .closes)
        try container.encode(commitsLabel, forKey: .commitsLabel)
    }
}

/// A person: an author or co-author of listed commits, their identities joined (``PeopleRules``).
public struct ContributorView: Codable, Sendable {
    /// Their most used name, Markdown-safe.
    public var name: String
    /// Their most used address.
    public var email: String
    /// Listed commits.
    public var commitCount: Int
    /// "1 commit", "3 commits".
    public var commitsLabel: String
    /// GitHub handle without `@`, null when unknown.
    public var handle: String?
    /// How the notes name them: `@handle` with GitHub links and a known handle (`` `@handle` `` while
    /// `[links] mentions = "code"`, so nobody is pinged), else the name.
    public var mention: String
    /// Their GitHub profile, null without GitHub links or a handle.
    public var url: String?
    /// True for a bot (`[bot]` in the name or address).
    public var bot: Bool

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(commitCount, forKey: .commitCount)
        try container.encode(commitsLabel, forKey: .commitsLabel)
        try container.encode(handle, forKey: .handle)
        try container.encode(mention, forKey: .mention)
        try container.encode(url, forKey: .url)
        try container.encode(bot, forKey: .bot)
    }
}

/// A person whose first commit in the repository's whole history is in this release.
public struct NewContributorView: Codable, Sendable {
    /// Their most used name, Markdown-safe.
    public var name: String
    /// Their most used address.
    public var email: String
    /// GitHub handle without `@`, null when unknown.
    public var handle: String?
    /// As in `contributors`: `@handle` (as code while mentions are off) or the name.
    public var mention: String
    /// Their GitHub profile, null without GitHub links or a handle.
    public var url: String?
    /// Their first commit.
    public var commit: LinkView
    /// The pull request that brought it in, null when unknown.
    public var pullRequest: LinkView?
    /// The pull request when known, else the commit: what "made their first contribution in" links.
    public var firstContribution: LinkView

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(handle, forKey: .handle)
        try container.encode(mention, forKey: .mention)
        try container.encode(url, forKey: .url)
        try container.encode(commit, forKey: .commit)
        try container.encode(pullRequest, forKey: .pullRequest)
        try container.encode(firstContribution, forKey: .firstContribution)
    }
}

/// A commit of the range, for tooling and `--context`.
public struct CommitView: Codable, Sendable {
    /// Full id.
    public var id: String
    /// First line of the message.
    public var subject: String
    /// Conventional type (lowercased), null when not conventional.
    public var type: String?
    /// Scope, null when none.
    public var scope: String?
    /// True for breaking changes.
    public var breaking: Bool
    /// True when the message follows Conventional Commits.
    public var conventional: Bool
    /// Why it is not conventional, null when it is.
    public var nonConformance: String?
    /// Issue keys it references.
    public var issues: [String]
    /// Section id, null when skipped.
    public var section: String?
    /// merge, release, reverted, revert, rule, hidden or scope; null when listed.
    public var skipped: String?
    /// The `[[skip]]` rule number (from 1) when `skipped` is `rule`; absent otherwise.
    public var skipRule: Int?
    /// The `[[rule]]` number (from 1) that matched it; absent when none did.
    public var rule: Int? = nil
    /// Where the correction applied to it is kept (`.notes/edits.toml:7`); absent when none is.
    public var edited: String? = nil
    /// The revert that cancelled it, or the commit this revert cancelled.
    public var cancelledWith: String?
    /// For a change read out of the commit's body (`commits.split_body`): its place among the body's changes,
    /// from 1; absent for the commit itself. Such an entry has the commit's `id` and its own subject (the
    /// header line), type, scope and breaking flag.
    public var bodyChange: Int? = nil
    /// Author name.
    public var author: String
    /// Author date, ISO 8601 UTC.
    public var date: String

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(subject, forKey: .subject)
        try container.encode(type, forKey: .type)
        try container.encode(scope, forKey: .scope)
        try container.encode(breaking, forKey: .breaking)
        try container.encode(conventional, forKey: .conventional)
        try container.encode(nonConformance, forKey: .nonConformance)
        try container.encode(issues, forKey: .issues)
        try container.encode(section, forKey: .section)
        try container.encode(skipped, forKey: .skipped)
        try container.encodeIfPresent(skipRule, forKey: .skipRule)
        try container.encodeIfPresent(rule, forKey: .rule)
        try container.encodeIfPresent(edited, forKey: .edited)
        try container.encode(cancelledWith, forKey: .cancelledWith)
        try container.encodeIfPresent(bodyChange, forKey: .bodyChange)
        try container.encode(author, forKey: .author)
        try container.encode(date, forKey: .date)
    }
}

/// Counts of the range.
public struct StatsView: Codable, Sendable {
    /// Commits in the range.
    public var total: Int
    /// Commits listed in the notes.
    public var listed: Int
    /// Listed commits that are not conventional (in "Other changes").
    public var nonConventional: Int
    /// Skipped merges.
    public var merges: Int
    /// Skipped release commits.
    public var releases: Int
    /// Commits cancelled by reverts (both sides counted).
    public var reverted: Int
}

extension ReleaseContext {
    /// True when `text` has `key` (`#12`, `owner/repo#12`) as a word: not `#123`, not `a#12`.
    static func mentions(_ text: String, _ key: String) -> Bool {
        // Keys are ASCII: when their bytes are nowhere in the text, neither is the key (the usual case).
        if key.utf8.allSatisfy({ $0 < 0x80 }), !UTF8Scan.contains(text, key) { return false }
        var search = text.startIndex
        while let found = text.range(of: key, range: search..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before.map { $0.isLetter || $0.isNumber || $0 == "/" } ?? false),
               !(after.map { $0.isNumber } ?? false) { return true }
            search = found.upperBound
        }
        return false
    }

    /// Builds the view model from release notes, with links when `links` is given. With `quoteMentions`,
    /// `@user` in commit text is shown as code, so it pings nobody (`[links] mentions`).
    public init(notes: ReleaseNotes, links: RemoteLinks?, quoteMentions: Bool = false) {
        // Every text a repository brings goes through UntrustedText, here and nowhere else.
        func line(_ value: String) -> String { UntrustedText.markdownLine(value, quoteMentions: quoteMentions) }
        func name(_ value: String) -> String { UntrustedText.name(value, quoteMentions: quoteMentions) }
        let info = notes.info
        func commitLink(_ id: CommitID) -> LinkView {
            let url = links?.commitURL(id.hex)
            return LinkView(text: id.short, id: id.hex, url: url, link: url.map { "[\(id.short)](\($0))" } ?? id.short)
        }
        func issueLink(_ issue: IssueReference) -> LinkView {
            let url = links?.issueURL(issue)
            return LinkView(text: issue.key, id: issue.key, url: url, link: url.map { "[\(issue.key)](\($0))" } ?? issue.key)
        }
        func entryView(_ entry: Entry) -> EntryView {
            // A reference the description already says (`fix #12 in the parser`) is not repeated after it.
            let issues = entry.issues.filter { !Self.mentions(entry.description, $0.key) }.map(issueLink)
            let commits = entry.commits.map(commitLink)
            let breaking = entry.breakingTexts
                .map { $0.split(whereSeparator: \.isNewline).map { $0.trimmedSpaces() }
                    .filter { !$0.isEmpty }.joined(separator: " ") }
                .filter { !$0.isEmpty }
            var reverted: RevertedView?
            if let revert = entry.reverted {
                let short = String(revert.revertedID.prefix(7))
                let url = links?.commitURL(revert.revertedID)
                reverted = RevertedView(
                    id: revert.revertedID, subject: revert.revertedSubject.map(line),
                    link: url.map { "[\(short)](\($0))" } ?? short)
            }
            return EntryView(
                scope: entry.scope.map(line),
                description: line(entry.description),
                breakingText: breaking.isEmpty ? nil : line(breaking.joined(separator: " ")),
                issues: issues, commits: commits,
                issueLinks: issues.isEmpty ? nil : issues.map(\.link).joined(separator: ", "),
                commitLinks: entry.foldsDependencyUpdates && commits.count > 1
                    ? "\(commits[commits.count - 1].link) and \(commits.count - 1) more"
                    : commits.map(\.link).joined(separator: ", "),
                reverted: reverted)
        }

        let sections = notes.sections.map { section in
            SectionView(id: section.kind.rawValue, title: section.kind.title, entries: section.entries.map(entryView))
        }
        var compareURL: String?
        if let links, let comparison = info.comparison {
            compareURL = links.compareURL(from: comparison.from, to: comparison.to)
        }
        release = ReleaseView(
            title: UntrustedText.label(info.title), version: info.version?.bare, tag: info.tagName.map(UntrustedText.label),
            tagExists: info.tagExists, prerelease: info.version?.isPrerelease ?? false,
            previousTag: info.previousTag.map(UntrustedText.label),
            previousTagDate: info.previousTagDate.map(DateText.day), date: DateText.day(info.date),
            range: RangeView(from: info.from?.hex, to: info.to.hex, label: info.rangeLabel,
                             commitCount: notes.commits.count { $0.record.bodyChange == nil }),
            compareURL: compareURL, compareLabel: info.comparison?.label, repositoryURL: links?.repositoryURL)
        self.sections = sections
        changes = sections.filter { !notes.maintenanceSections.contains($0.id) }
        let folded = notes.sections.filter { notes.maintenanceSections.contains($0.kind.rawValue) }
        if !folded.isEmpty {
            let counts = folded.map { section in (section.kind.title.lowercased(), section.entries.reduce(0) { $0 + $1.commits.count }) }
            maintenance = MaintenanceView(
                count: counts.reduce(0) { $0 + $1.1 },
                countLabel: counts.reduce(0) { $0 + $1.1 } == 1 ? "1 change" : "\(counts.reduce(0) { $0 + $1.1 }) changes",
                summary: counts.map { "\($0.0) \($0.1)" }.joined(separator: ", "),
                sections: sections.filter { notes.maintenanceSections.contains($0.id) })
        }
        breaking = sections.first { $0.id == SectionKind.breaking.rawValue }?.entries ?? []
        issues = notes.issues.map { summary in
            let link = issueLink(summary.reference)
            return IssueView(key: summary.reference.key, number: summary.reference.number, url: link.url,
                             link: link.link, commitCount: summary.commitCount, closes: summary.closes,
                             commitsLabel: commitsLabel(summary.commitCount))
        }
        let github = links?.forge == .github ? links : nil
        func mention(_ person: Contributor) -> (mention: String, url: String?) {
            guard let github, let handle = person.handle else { return (name(person.name), nil) }
            let account = GitHubHandle.mentioned(handle)
            return (quoteMentions ? "`@\(account)`" : "@\(account)", "\(github.baseURL)/\(account)")
        }
        contributors = notes.contributors.map {
            let shown = mention($0)
            return ContributorView(name: name($0.name), email: UntrustedText.label($0.email), commitCount: $0.commitCount,
                                   commitsLabel: commitsLabel($0.commitCount), handle: $0.handle, mention: shown.mention,
                                   url: shown.url, bot: $0.isBot)
        }
        newContributors = (notes.newContributors ?? []).map { new in
            let shown = mention(new.contributor)
            let commit = commitLink(new.commit)
            let pullRequest = new.pullRequest.map { number in
                let key = "#\(number.number)"
                let url = links?.pullRequestURL(number.number)
                return LinkView(text: key, id: key, url: url, link: url.map { "[\(key)](\($0))" } ?? key)
            }
            return NewContributorView(name: name(new.contributor.name),
                                      email: UntrustedText.label(new.contributor.email), handle: new.contributor.handle,
                                      mention: shown.mention, url: shown.url, commit: commit, pullRequest: pullRequest,
                                      firstContribution: pullRequest ?? commit)
        }
        let classified = notes.commits
        commitList = CommitList(lazy: { classified.map { item in
            let record = item.record
            return CommitView(
                id: record.id.hex, subject: UntrustedText.markdownLine(record.subject, quoteMentions: quoteMentions),
                type: record.conventional?.type,
                scope: record.conventional?.scope.map { UntrustedText.markdownLine($0, quoteMentions: quoteMentions) },
                breaking: record.conventional?.isBreaking ?? false,
                conventional: record.conventional != nil && record.message.nonConformance == nil,
                nonConformance: record.message.nonConformance.map { UntrustedText.escapingControls($0) },
                issues: record.issues.map(\.key), section: item.section?.rawValue,
                skipped: item.skipped?.rawValue, skipRule: item.skipRule, rule: item.commitRule,
                edited: item.edit?.place, cancelledWith: item.cancelledWith?.hex, bodyChange: record.bodyChange?.index,
                author: UntrustedText.name(record.author.name, quoteMentions: quoteMentions),
                date: DateText.timestamp(record.author.time))
        } })
        var listed = 0, nonConventional = 0, merges = 0, releases = 0, reverted = 0
        // A commit is listed when it or a change of its body is; changes of a body are not commits of their own.
        let listedChanges = Set(classified.filter { $0.record.bodyChange != nil && $0.skipped == nil }.map(\.record.id))
        for item in classified where item.record.bodyChange == nil {
            switch item.skipped {
            case _ where listedChanges.contains(item.record.id):
                listed += 1
                if item.skipped == nil, item.record.conventional == nil { nonConventional += 1 }
            case nil:
                listed += 1
                if item.record.conventional == nil { nonConventional += 1 }
            case .merge: merges += 1
            case .release: releases += 1
            case .reverted, .revert: reverted += 1
            default: break
            }
        }
        stats = StatsView(total: classified.count - classified.count { $0.record.bodyChange != nil }, listed: listed, nonConventional: nonConventional,
                          merges: merges, releases: releases, reverted: reverted)
        hasChanges = listed > 0
    }
}

/// "1 commit" or "N commits".
func commitsLabel(_ count: Int) -> String { count == 1 ? "1 commit" : "\(count) commits" }

/// Date formatting without locale or time zone surprises: always UTC, always the same digits.
public enum DateText {
    /// `2026-11-25`.
    public static func day(_ seconds: Int64) -> String {
        let (year, month, day) = civil(seconds)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `2026-11-25T14:03:00Z`.
    public static func timestamp(_ seconds: Int64) -> String {
        let (year, month, day) = civil(seconds)
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let hour = Int(secondOfDay / 3600)
        let minute = Int(secondOfDay % 3600 / 60)
        let second = Int(secondOfDay % 60)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2)
            + ":" + pad(second, 2) + "Z"
    }

    /// Zero-padded decimal (String(format:) goes through Foundation and cost 6% of a large draft).
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    static func civil(_ seconds: Int64) -> (Int, Int, Int) {
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
