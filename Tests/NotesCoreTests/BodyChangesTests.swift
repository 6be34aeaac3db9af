@testable import NotesCore
import Testing

/// Which lines of a body are changes of their own (`BodyChanges`), from messages seen in public histories.
@Suite("Body changes")
struct BodyChangesTests {
    /// The headers read out of `message` as changes (type, scope, breaking), none when nil.
    static func changes(_ message: String) -> [String]? {
        BodyChanges.split(CommitMessageParser.parse(message))?.changes.map { change in
            guard let c = change.conventional else { return "?" + change.subject }
            return c.type + (c.scope.map { "(\($0))" } ?? "") + (c.isBreaking ? "!" : "") + ": " + c.description
        }
    }

    @Test("split or not", arguments: [
        // release-please's multi-change convention: headers opening paragraphs, or in a run.
        ("feat: Support pnpm workspaces (#2058)\n\nfix(deps): replace lerna dependency with lerna-lite\n\nCo-authored-by: J <j@x>",
         ["fix(deps): replace lerna dependency with lerna-lite"]),
        ("fix(go-yoshi): allows using go-yoshi with manifest (#1287)\n\nfix: allow configuring tags\nfix(go-yoshi): should not always skip modules\nfix: correctly fetch full list of files",
         ["fix: allow configuring tags", "fix(go-yoshi): should not always skip modules", "fix: correctly fetch full list of files"]),
        // A footer whose token is a type is a change.
        ("feat: a\n\nfix: b", ["fix: b"]),
        // A breaking footer under a body header belongs to that change.
        ("feat: a\n\nfix(utils): b\n  BREAKING-CHANGE: encode no longer throws.", ["fix(utils)!: b"]),
        ("feat: a\n\nfeat!: b", ["feat!: b"]),
        // GitHub's squash body: the pull request's own commits, the first repeating the subject.
        ("feat(template): add group_by_scope filter (#1547)\n\n* feat(templating): Implemented group_by_scope filter\n\n* style: remove unwrap usage\n\n* fix: make group_by_scope prefix parsing explicit\n\n* test: add test fixture",
         nil),
        // A squash of merged pull requests: bullets with their own numbers.
        ("chore: sync (#50)\n\n* feat(cli): add --json (#44)\n* fix(api): handle null prices (#45)",
         ["feat(cli): add --json (#44)", "fix(api): handle null prices (#45)"]),
        // The same number twice, or the commit's own: one pull request's steps.
        ("feat(examples): add GitLab templates (#1561)\n\n* feat(examples): add GitLab templates (#1560)\n\n* fix(examples): apply review feedback (#1560)",
         nil),
        // Inside prose, a header-looking line is prose.
        ("feat: a\n\nThis changes the parser so that\nfix: lines are read as prose here.", nil),
        // Capitalised or unknown types are prose.
        ("feat: a\n\nNote: this is prose.\n\nFix: typo", nil),
        // A log of working commits pasted one after another.
        ("feat(@angular/build): emit debug ids\n\nEnable debug ids.\n\nCloses #33108\nfix: persist formatting of source map JSON\n\nfix: improve source map comment detection\n\nformat\n\nfix imports",
         nil),
        // `fix #1998.` closes an issue (release-please 3e16c79).
        ("docs: update README.md (#2001)\n\nfix #1998.\n\nCo-authored-by: J <j@x>", nil),
        // The commit's own description repeated in the body is not another change.
        ("feat(deps)!: update octokit to v20\" (#2490)\n\nfeat(deps)!: update octokit to v20", nil),
    ] as [(String, [String]?)])
    func split(_ message: String, _ expected: [String]?) {
        #expect(Self.changes(message) == expected)
    }

    /// The commit keeps its own breaking footer and loses the one that belongs to a change of its body.
    @Test func breakingFootersGoWhereTheyBelong() throws {
        let split = try #require(BodyChanges.split(CommitMessageParser.parse(
            "feat: a\n\nfix: b\nBREAKING-CHANGE: b breaks\n\nSome prose.\n\nBREAKING CHANGE: a breaks")))
        #expect(split.commit.conventional?.breakingDescriptions == ["a breaks"])
        #expect(split.changes.map { $0.conventional?.breakingDescriptions ?? [] } == [["b breaks"]])
        #expect(split.commit.body == "Some prose.")
        let only = try #require(BodyChanges.split(CommitMessageParser.parse(
            "feat: a\n\nprose\n\nfix: b\n  BREAKING-CHANGE: b breaks")))
        #expect(only.commit.conventional?.isBreaking == false)
        #expect(only.commit.body == "prose")
    }

    @Test("the byte pre-check never rules out a line the header reader takes", arguments: [
        "fix: a", "* fix(api): b (#1)", "-   feat!: c", "+ perf: d", "docs(readme): e", "chore(deps)!: f",
        "fix:", "feat(", "Fix: g", " fix: h", "*fix: i", "note: j", "prose: k", "fixes: l", "fix #12", "deps: m",
        "refactor-ish: n", "é: o", "fix\u{301}: p", "", "* ", "- fix: q\r",
    ])
    func preCheckAgreesWithHeaderReader(line: String) {
        let types = BodyChanges.standardTypes
        if BodyChanges.header(in: line, types: types) != nil {
            #expect(BodyChanges.mayHaveHeaderLine("prose\n" + line + "\nmore", types: types))
            #expect(BodyChanges.mayHaveHeaderLine(line, types: types))
        }
    }

    @Test("bodies with no header-like line are not split, before any line is parsed")
    func preCheckRulesOut() {
        let types = BodyChanges.standardTypes
        for body in ["plain prose\nover lines", "Fix: capital\nNote: x", "  fix: indented", "fixes: plural", ""] {
            #expect(!BodyChanges.mayHaveHeaderLine(body, types: types))
        }
        #expect(BodyChanges.mayHaveHeaderLine("prose\n\nfix: b", types: types))
    }
}
