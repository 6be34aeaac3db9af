extension ReleaseContext {
    /// A context with every optional value set and every list holding one element: the names a template may
    /// use are read from its JSON (`TemplateNameCheck`). A test checks it has no nulls and no empty lists.
    public static let example: ReleaseContext = {
        let link = LinkView(text: "#1", id: "#1", url: "https://example.com/1", link: "[#1](https://example.com/1)")
        let entry = EntryView(
            scope: "api", description: "add x", breakingText: "x changed", issues: [link], commits: [link],
            issueLinks: link.link, commitLinks: link.link,
            reverted: RevertedView(id: "abc1234", subject: "feat: x", link: "abc1234"))
        var context = ReleaseContext(
            release: ReleaseView(
                title: "v1.0.0", version: "1.0.0", tag: "v1.0.0", tagExists: true, prerelease: false,
                previousTag: "v0.9.0", previousTagDate: "2025-01-01", date: "2025-02-01",
                range: RangeView(from: "a", to: "b", label: "v0.9.0..v1.0.0", commitCount: 1),
                compareURL: "https://example.com/compare", compareLabel: "v0.9.0...v1.0.0",
                repositoryURL: "https://example.com"),
            sections: [SectionView(id: "features", title: "Features", entries: [entry])],
            breaking: [entry],
            issues: [IssueView(key: "#1", number: 1, url: "https://example.com/1", link: link.link, commitCount: 1,
                               closes: true, commitsLabel: "1 commit")],
            contributors: [ContributorView(name: "A", email: "a@example.com", commitCount: 1, commitsLabel: "1 commit",
                                           handle: "a", mention: "@a", url: "https://github.com/a", bot: false)],
            commits: [CommitView(
                id: "a", subject: "feat: x", type: "feat", scope: "api", breaking: false, conventional: true,
                nonConformance: "none", issues: ["#1"], section: "features", skipped: "rule", skipRule: 1, rule: 1, edited: ".notes/edits.toml:1",
                cancelledWith: "b", bodyChange: 1, author: "A", date: "2025-01-01T00:00:00Z")],
            stats: StatsView(total: 1, listed: 1, nonConventional: 0, merges: 0, releases: 0, reverted: 0),
            hasChanges: true)
        context.newContributors = [NewContributorView(
            name: "A", email: "a@example.com", handle: "a", mention: "@a", url: "https://github.com/a", commit: link,
            pullRequest: link, firstContribution: link)]
        context.changes = context.sections
        context.maintenance = MaintenanceView(count: 1, countLabel: "1 change", summary: "documentation 1",
                                              sections: [SectionView(id: "documentation", title: "Documentation", entries: [entry])])
        return context
    }()
}
