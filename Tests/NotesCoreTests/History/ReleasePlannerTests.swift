@testable import NotesCore
import NotesGit
import Testing

/// The release planner's rules, one row each, over fake commit graphs (no repository): the README's
/// "Which commits" rules, docs/ranges.md's pictures, and the numbered cases of issue 20.
struct PlanRow: Sendable, CustomTestStringConvertible {
    let name: String
    let graph: @Sendable () -> FakeReleaseFacts
    var scope = ReleaseScope()
    var request = RangeRequest()
    /// `PREVIOUS..END`: PREVIOUS is the previous tag's name, `bootstrap:<label>`, `--from`'s revision, or
    /// nothing for the whole history (then just END).
    let range: String
    var warned = false
    var passedOver: [String] = []
    var tagName: String?
    var releaseTag: String?
    var noticeContains: String?

    var testDescription: String { name }
}

/// `a` → `b` → ... a line of commits, with a Cargo.toml at the root from the first.
private func line(_ labels: [String], tags: [String: String] = [:]) -> FakeReleaseFacts {
    let facts = FakeReleaseFacts()
    for label in labels { facts.commit(label) }
    for (name, label) in tags.sorted(by: { $0.key < $1.key }) { facts.tag(name, at: label) }
    return facts
}

/// The release-branch picture of docs/ranges.md: main a-b-c-d-e-f, branch 22.0.x from b: x-y.
private func releaseBranch() -> FakeReleaseFacts {
    let facts = FakeReleaseFacts()
    facts.commit("a").commit("b").commit("c").commit("d")
    facts.commit("x", parents: ["b"]).commit("y")
    facts.commit("e", parents: ["d"]).commit("f")
    facts.tag("v21.2.0", at: "a").tag("v22.0.0", at: "b").tag("v22.0.1", at: "x").tag("v22.0.9", at: "y")
    facts.tag("v22.1.0", at: "f")
    return facts
}

/// The user's repository: an old crate tagged v0.1.0 … v0.8.4 before `barter-python/` existed, then the
/// package with its version file, and later its own `v` releases.
private func barter(ownReleases: [String] = []) -> FakeReleaseFacts {
    let facts = FakeReleaseFacts()
    facts.commit("old0", ["Cargo.toml": cargo("0.1.0", name: "barter"), "barter/src/lib.rs": "0"])
    facts.tag("v0.1.0")
    for (index, version) in ["0.2.0", "0.8.4"].enumerated() {
        facts.commit("old\(index + 1)", ["Cargo.toml": cargo(version, name: "barter")])
        facts.tag("v" + version)
    }
    facts.commit("py", ["barter-python/Cargo.toml": cargo("0.1.1", name: "barter-python")])
    facts.commit("bump012", ["barter-python/Cargo.toml": cargo("0.1.2", name: "barter-python")])
    facts.commit("feat1", ["barter-python/src/a.rs": "a"])
    var last = "feat1"
    for version in ownReleases {
        last = "rel" + version
        facts.commit(last, ["barter-python/Cargo.toml": cargo(version, name: "barter-python")])
        facts.tag("v" + version)
        facts.commit("after" + version, ["barter-python/src/\(version).rs": version])
    }
    return facts
}

private let pythonScope = ReleaseScope(
    package: "barter-python", folder: "barter-python", tagPrefix: "v",
    versionFiles: [VersionFileSpec(path: "barter-python/Cargo.toml", format: .cargo)],
    neighbours: [ReleaseScope.Neighbour(name: "barter", folder: "",
                                        versionFiles: [VersionFileSpec(path: "Cargo.toml", format: .cargo)])])

private let rootCargo = ReleaseScope(versionFiles: [VersionFileSpec(path: "Cargo.toml", format: .cargo)])

let planRows: [PlanRow] = [
    // README "Which commits": VERSION's tag exists.
    PlanRow(name: "VERSION's tag exists: previous tag (exclusive) up to that tag",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.1.0": "c"]) },
            request: RangeRequest(version: "1.1.0"), range: "v1.0.0..v1.1.0", releaseTag: "v1.1.0"),
    PlanRow(name: "VERSION's tag does not exist: previous tag up to HEAD, titled VERSION",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a"]) },
            request: RangeRequest(version: "1.1.0"), range: "v1.0.0..HEAD", tagName: "v1.1.0"),
    PlanRow(name: "no VERSION: the latest release tag reachable from HEAD",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.0.1": "b"]) },
            range: "v1.0.1..HEAD"),
    PlanRow(name: "previous is the highest lower version, not the newest tag",
            graph: { line(["a", "b", "c"], tags: ["v2.0.0": "a", "v1.5.0": "b"]) },
            request: RangeRequest(version: "1.6.0"), range: "v1.5.0..HEAD"),
    PlanRow(name: "release branch: the highest lower version although not an ancestor, warned",
            graph: releaseBranch, request: RangeRequest(version: "v22.1.0"), range: "v22.0.9..v22.1.0", warned: true,
            releaseTag: "v22.1.0"),
    PlanRow(name: "a patch on the release branch starts after the previous patch, an ancestor",
            graph: { let facts = releaseBranch(); facts.commit("z", parents: ["y"]); facts.tag("v22.0.10"); return facts },
            request: RangeRequest(version: "22.0.10"), range: "v22.0.9..v22.0.10"),
    PlanRow(name: "Unreleased on main passes over a higher tag on another branch",
            graph: { let facts = releaseBranch(); facts.checkout("d"); return facts },
            range: "v22.0.0..HEAD"),
    PlanRow(name: "Unreleased on main after a minor: the minor",
            graph: releaseBranch, range: "v22.1.0..HEAD"),
    PlanRow(name: "a stable version starts after the previous stable tag",
            graph: { line(["a", "b", "c", "d"], tags: ["v1.1.0": "a", "v1.2.0-rc.1": "b", "v1.2.0-rc.2": "c"]) },
            request: RangeRequest(version: "1.2.0"), range: "v1.1.0..HEAD"),
    PlanRow(name: "stable_starts_after = any: after the last pre-release",
            graph: { line(["a", "b", "c", "d"], tags: ["v1.1.0": "a", "v1.2.0-rc.1": "b", "v1.2.0-rc.2": "c"]) },
            scope: ReleaseScope(stableStart: .any), request: RangeRequest(version: "1.2.0"), range: "v1.2.0-rc.2..HEAD"),
    PlanRow(name: "a pre-release starts after the previous tag of any kind",
            graph: { line(["a", "b", "c"], tags: ["v1.1.0": "a", "v1.2.0-rc.1": "b"]) },
            request: RangeRequest(version: "1.2.0-rc.2"), range: "v1.2.0-rc.1..HEAD"),
    PlanRow(name: "pre-releases order numerically: rc.10 after rc.2",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0-rc.2": "a", "v1.0.0-rc.10": "b"]) },
            request: RangeRequest(version: "1.0.0-rc.11"), range: "v1.0.0-rc.10..HEAD"),
    PlanRow(name: "Unreleased takes a pre-release as previous",
            graph: { line(["a", "b", "c"], tags: ["v1.1.0": "a", "v1.2.0-rc.1": "b"]) },
            range: "v1.2.0-rc.1..HEAD"),
    PlanRow(name: "no lower tag and no version file: the whole history",
            graph: { line(["a", "b"], tags: ["v2.0.0": "a"]) },
            request: RangeRequest(version: "1.0.0"), range: "HEAD"),
    PlanRow(name: "no tag at all: the whole history",
            graph: { line(["a", "b"]) }, range: "HEAD"),
    PlanRow(name: "no tag, a version file: Unreleased starts where the file took its current version",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("0.1.0")]).commit("b", ["Cargo.toml": cargo("0.1.1")])
                facts.commit("c", ["src/x.rs": "x"])
                return facts
            },
            scope: rootCargo, range: "bootstrap:b..HEAD", noticeContains: "tag it with: git tag -a v0.1.1"),
    PlanRow(name: "no tag, a version file already holding VERSION: starts at the change before",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("0.1.0")]).commit("b", ["Cargo.toml": cargo("0.1.1")])
                facts.commit("c", ["src/x.rs": "x"]).commit("d", ["Cargo.toml": cargo("0.1.2")])
                return facts
            },
            scope: rootCargo, request: RangeRequest(version: "0.1.2"), range: "bootstrap:b..HEAD"),
    PlanRow(name: "a configured bootstrap revision",
            graph: { line(["a", "b", "c"]) },
            scope: ReleaseScope(bootstrap: "b"), range: "bootstrap:b..HEAD", noticeContains: "bootstrap = \"b\""),
    PlanRow(name: "[tags] ignore leaves a tag out",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.1.0": "b"]) },
            scope: ReleaseScope(tagFilter: TagFilter(ignore: ["v1.1.*"])), range: "v1.0.0..HEAD"),
    PlanRow(name: "[tags] pattern keeps only matching names",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.1.0-nightly.1": "b"]) },
            scope: ReleaseScope(tagFilter: TagFilter(regex: try! LinearRegex("^v[0-9]+\\.[0-9]+\\.[0-9]+$"))), range: "v1.0.0..HEAD"),
    PlanRow(name: "a tag prefix keeps its family only: barter-v is not barter-data-v",
            graph: { line(["a", "b", "c"], tags: ["barter-data-v0.10.0": "a", "barter-v1.0.0": "b", "v9.0.0": "b"]) },
            scope: ReleaseScope(tagPrefix: "barter-data-v"), request: RangeRequest(version: "0.10.1"),
            range: "barter-data-v0.10.0..HEAD", tagName: "barter-data-v0.10.1"),
    PlanRow(name: "a tag on a tree is no release tag: the next one is taken",
            graph: { let facts = line(["a", "b", "c"], tags: ["v1.0.0": "a"]); facts.tag("v1.1.0", onTree: true); return facts },
            request: RangeRequest(version: "1.2.0"), range: "v1.0.0..HEAD"),
    PlanRow(name: "Unreleased passes over a tag on a tree",
            graph: { let facts = line(["a", "b", "c"], tags: ["v1.0.0": "a"]); facts.tag("v1.1.0", onTree: true); return facts },
            range: "v1.0.0..HEAD"),
    PlanRow(name: "several tags on one commit: the highest lower version",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.0.1": "a", "v1.1.0": "c"]) },
            request: RangeRequest(version: "1.1.0"), range: "v1.0.1..v1.1.0"),
    PlanRow(name: "--from overrides the start",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a"]) },
            request: RangeRequest(version: "1.1.0", from: "b"), range: "b..HEAD"),
    PlanRow(name: "--to overrides the end",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a"]) },
            request: RangeRequest(version: "1.1.0", to: "b"), range: "v1.0.0..b"),
    PlanRow(name: "--from a tag keeps it as the previous tag",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.0.1": "b"]) },
            request: RangeRequest(from: "v1.0.0"), range: "v1.0.0..HEAD"),
    PlanRow(name: "a version without v finds the v tag",
            graph: { line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.1.0": "b"]) },
            request: RangeRequest(version: "1.1.0"), range: "v1.0.0..v1.1.0", releaseTag: "v1.1.0"),
    PlanRow(name: "tag names follow the newest tag's style: bare",
            graph: { line(["a", "b"], tags: ["1.0.0": "a"]) },
            request: RangeRequest(version: "1.1.0"), range: "1.0.0..HEAD", tagName: "1.1.0"),
    PlanRow(name: "tag names default to v",
            graph: { line(["a", "b"]) }, request: RangeRequest(version: "1.1.0"), range: "HEAD", tagName: "v1.1.0"),
    PlanRow(name: "Unreleased at a tagged HEAD: the tag itself, an empty range",
            graph: { line(["a", "b"], tags: ["v1.0.0": "a", "v1.1.0": "b"]) }, range: "v1.1.0..HEAD"),
    PlanRow(name: "re-created tag: the previous tag off the branch, warned",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a").commit("old").commit("b", parents: ["a"]).commit("c")
                facts.tag("v1.0.0", at: "a").tag("v1.0.1", at: "old").tag("v1.1.0", at: "c")
                return facts
            },
            request: RangeRequest(version: "1.1.0"), range: "v1.0.1..v1.1.0", warned: true),
    PlanRow(name: "a VERSION below every tag takes the whole history",
            graph: { line(["a", "b"], tags: ["v2.0.0": "a"]) }, request: RangeRequest(version: "0.9.0"), range: "HEAD"),
    PlanRow(name: "Unreleased: first candidate unreachable, the next reachable one",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a").commit("b").commit("side", parents: ["a"]).commit("c", parents: ["b"])
                facts.tag("v1.0.0", at: "a").tag("v1.1.0", at: "b").tag("v2.0.0", at: "side")
                return facts
            },
            range: "v1.1.0..HEAD"),

    // Issue 20, case 4: the version-file rule never drops a tag of the package's own family.
    PlanRow(name: "case 4: tagged before bumping (the file says the older version at the tag): the tag stays",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("0.2.9")]).tag("v0.2.9")
                facts.commit("b", ["src/a.rs": "a"]).tag("v0.3.0")
                facts.commit("c", ["Cargo.toml": cargo("0.3.0")]).commit("d", ["src/b.rs": "b"])
                return facts
            },
            scope: rootCargo, request: RangeRequest(version: "0.3.1"), range: "v0.3.0..HEAD"),
    PlanRow(name: "case 4: tagged before bumping, Unreleased: the newest tag stays",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("0.2.9")]).tag("v0.2.9")
                facts.commit("b", ["src/a.rs": "a"]).tag("v0.3.0")
                facts.commit("c", ["Cargo.toml": cargo("0.3.0")]).commit("d", ["src/b.rs": "b"])
                return facts
            },
            scope: rootCargo, range: "v0.3.0..HEAD"),
    PlanRow(name: "case 4: the version file did not exist at the previous tag: the tag stays",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["README.md": "x"]).tag("v0.1.0")
                facts.commit("b", ["Cargo.toml": cargo("0.1.0")]).commit("c", ["src/a.rs": "a"])
                return facts
            },
            scope: rootCargo, range: "v0.1.0..HEAD"),
    PlanRow(name: "case 4: changelog --all's biggest release keeps its previous tag",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("1.0.0")]).tag("v1.0.0")
                facts.commit("b", ["src/a.rs": "a"]).tag("v2.0.0")
                facts.commit("c", ["Cargo.toml": cargo("2.0.0")])
                return facts
            },
            scope: rootCargo, request: RangeRequest(version: "v2.0.0"), range: "v1.0.0..v2.0.0"),
    PlanRow(name: "case 4: a version file that never changes (0.0.0, tags carry the versions): tags stay",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["barter-python/Cargo.toml": cargo("0.0.0")]).tag("v1.0.0")
                facts.commit("b", ["barter-python/x": "x"])
                return facts
            },
            scope: pythonScope, range: "v1.0.0..HEAD"),

    // Issue 20, case 2: old tags of the shared scheme are not the package's releases.
    PlanRow(name: "case 2: Unreleased starts at the package's own newest release, not the old crate's v0.8.4",
            graph: { barter(ownReleases: ["0.1.3", "0.1.4"]) }, scope: pythonScope, range: "v0.1.4..HEAD",
            passedOver: ["v0.8.4", "v0.2.0"]),
    PlanRow(name: "case 2: the next patch starts at the package's newest release",
            graph: { barter(ownReleases: ["0.1.3", "0.1.4"]) }, scope: pythonScope,
            request: RangeRequest(version: "0.1.5"), range: "v0.1.4..HEAD", tagName: "v0.1.5"),
    PlanRow(name: "case 2: the first release passes over the old crate's v0.1.0 and bootstraps",
            graph: { barter() }, scope: pythonScope, request: RangeRequest(version: "0.1.3"),
            range: "bootstrap:bump012..HEAD", passedOver: ["v0.1.0"],
            noticeContains: "tag it with: git tag -a v0.1.2"),
    PlanRow(name: "case 2: a bootstrap whose version's tag is taken never proposes to tag it",
            graph: {
                let facts = barter()
                facts.commit("r2", ["barter-python/Cargo.toml": cargo("0.2.0", name: "barter-python")])
                facts.commit("w", ["barter-python/w": "w"])
                return facts
            },
            scope: pythonScope, range: "bootstrap:r2..HEAD", passedOver: ["v0.8.4", "v0.2.0", "v0.1.0"],
            noticeContains: "the tag v0.2.0 is taken by another tag"),
    PlanRow(name: "case 2: VERSION 0.2.0 does not take the old crate's v0.2.0 as its release",
            graph: { barter(ownReleases: ["0.1.3"]) }, scope: pythonScope, request: RangeRequest(version: "0.2.0"),
            range: "v0.1.3..HEAD", tagName: "v0.2.0"),
    PlanRow(name: "an explicit tag name is its release, whoever's it is",
            graph: { barter() }, scope: pythonScope, request: RangeRequest(version: "v0.8.4"),
            range: "v0.8.4" /* its lower tags are the old crate's, and barter-python/ did not exist there */,
            passedOver: ["v0.2.0", "v0.1.0"], releaseTag: "v0.8.4"),
    PlanRow(name: "a neighbour's version file holding the tag's version makes it the neighbour's",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("3.0.0", name: "barter"), "barter-python/Cargo.toml": cargo("0.1.0")])
                facts.tag("v3.0.0").commit("b", ["barter-python/x": "x"])
                return facts
            },
            scope: pythonScope, range: "bootstrap:a..HEAD", passedOver: ["v3.0.0"]),
    PlanRow(name: "a maintained version file still below the tag's version: not the package's release",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["barter-python/Cargo.toml": cargo("0.1.1")]).tag("v0.8.4")
                facts.commit("b", ["barter-python/Cargo.toml": cargo("0.1.2")]).commit("c", ["barter-python/x": "x"])
                return facts
            },
            scope: pythonScope, range: "bootstrap:b..HEAD", passedOver: ["v0.8.4"]),
    PlanRow(name: "the whole repository: every tag of the scheme counts",
            graph: { barter(ownReleases: ["0.1.3"]) },
            scope: ReleaseScope(versionFiles: [], neighbours: pythonScope.neighbours), range: "v0.8.4..HEAD"),
    PlanRow(name: "a prefix of the package's own is never shared: no evidence asked",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["README.md": "x"]).tag("barter-python-v0.1.0")
                facts.commit("b", ["barter-python/x": "x"])
                return facts
            },
            scope: ReleaseScope(package: "barter-python", folder: "barter-python", tagPrefix: "barter-python-v"),
            range: "barter-python-v0.1.0..HEAD"),

    // Issue 20, case 3: a tag family scoped to its crate's folder.
    PlanRow(name: "case 3: a crate's family keeps its own tags only",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["crates/foo/Cargo.toml": cargo("0.3.0", name: "foo")]).tag("foo-v0.3.0")
                facts.commit("b", ["crates/bar/Cargo.toml": cargo("1.0.0", name: "bar")]).tag("bar-v1.0.0")
                facts.commit("c", ["crates/foo/Cargo.toml": cargo("0.3.1", name: "foo")]).tag("foo-v0.3.1")
                return facts
            },
            scope: ReleaseScope(package: "foo", folder: "crates/foo", tagPrefix: "foo-v"),
            request: RangeRequest(version: "foo-v0.3.1"), range: "foo-v0.3.0..foo-v0.3.1", releaseTag: "foo-v0.3.1"),
    PlanRow(name: "case 8: a root package beside members keeps a tag its own file agrees with",
            graph: {
                let facts = FakeReleaseFacts()
                facts.commit("a", ["Cargo.toml": cargo("1.0.0", name: "root"), "member/Cargo.toml": cargo("1.0.0")])
                facts.tag("v1.0.0").commit("b", ["src/x": "x"])
                return facts
            },
            scope: ReleaseScope(package: "root", versionFiles: [VersionFileSpec(path: "Cargo.toml", format: .cargo)],
                                neighbours: [ReleaseScope.Neighbour(name: "member", folder: "member", versionFiles: [
                                    VersionFileSpec(path: "member/Cargo.toml", format: .cargo)])]),
            range: "v1.0.0..HEAD"),
]

@Suite("Release planner: the rules over fake commit graphs")
struct ReleasePlannerTests {
    @Test("plan", arguments: planRows)
    func plan(_ row: PlanRow) throws {
        let facts = row.graph()
        let planner = try ReleasePlanner(scope: row.scope, facts: facts)
        let plan = try planner.plan(row.request)
        let start: String? = plan.previousTag?.name
            ?? plan.bootstrap.map { "bootstrap:" + (facts.label(of: $0.commit) ?? "?") }
            ?? plan.fromLabel
        #expect((start.map { $0 + ".." } ?? "") + plan.toLabel == row.range)
        #expect(!plan.warnings.isEmpty == row.warned, "\(plan.warnings)")
        #expect(plan.passedOver.map(\.tag) == row.passedOver)
        if let tagName = row.tagName { #expect(plan.tagName == tagName) }
        if let releaseTag = row.releaseTag { #expect(plan.releaseTag?.name == releaseTag) }
        if let text = row.noticeContains {
            let notices = planner.notices(for: plan)
            #expect(notices.contains { $0.contains(text) }, "\(notices)")
        }
    }

    @Test("at least one row per rule: 40 rows or more")
    func enoughRows() {
        #expect(planRows.count >= 40)
        #expect(Set(planRows.map(\.name)).count == planRows.count, "row names are unique")
    }

    @Test("a draft asks one ancestry question: the first candidate, whose walk is the range's")
    func oneAncestryQuestion() throws {
        let facts = line(["a", "b", "c"], tags: ["v1.0.0": "a", "v1.0.1": "b"])
        _ = try ReleasePlanner(scope: ReleaseScope(), facts: facts).plan(RangeRequest())
        #expect(facts.ancestryQuestions == 1)
    }

    @Test("the package's releases are the scheme's tags minus another package's")
    func releases() throws {
        let planner = try ReleasePlanner(scope: pythonScope, facts: barter(ownReleases: ["0.1.3", "0.1.4"]))
        #expect(planner.releases.map(\.name) == ["v0.1.4", "v0.1.3"])
        #expect(planner.schemeTags.map(\.name) == ["v0.8.4", "v0.2.0", "v0.1.4", "v0.1.3", "v0.1.0"])
        #expect(planner.otherOwner(of: try #require(planner.existingTag(named: "v0.8.4")))
            == "barter-python/ did not exist at its commit")
    }
}
