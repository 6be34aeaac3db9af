@testable import NotesCore
import NotesGit
import Testing

@Suite("people: handles, joined identities, earlier contributions")
struct PeopleTests {
    @Test("no-reply addresses give handles", arguments: [
        ("93921983+just-a-stream@users.noreply.github.com", "just-a-stream"),
        ("just-a-stream@users.noreply.github.com", "just-a-stream"),
        ("49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]"),
        ("Ada@USERS.NOREPLY.GITHUB.COM", "Ada"),
        ("just-a-stream@gmail.com", nil),
        ("@users.noreply.github.com", nil),
        ("12345+@users.noreply.github.com", nil),
        ("-ada@users.noreply.github.com", nil),
        ("a_b@users.noreply.github.com", nil),
        ("x@noreply.github.com", nil),
        ("", nil),
    ] as [(String, String?)])
    func noReply(email: String, handle: String?) {
        #expect(GitHubHandle.fromNoReplyAddress(email) == handle)
    }

    @Test("what a handle may be", arguments: [
        ("@ada-l", "ada-l"), ("ada", "ada"), ("renovate[bot]", "renovate[bot]"),
        ("", nil), ("@", nil), ("ada l", nil), ("ada-", nil), (String(repeating: "a", count: 40), nil),
        ("@@ada", nil), ("ada/x", nil), ("àda", nil),
    ] as [(String, String?)])
    func handles(text: String, handle: String?) {
        #expect(GitHubHandle.normalized(text) == handle)
    }

    static func record(_ name: String, _ email: String, _ message: String = "feat: x", id: Int) -> CommitRecord {
        let hex = String(repeating: "0", count: 40 - String(id, radix: 16).count) + String(id, radix: 16)
        let signature = Signature(name: name, email: email, time: Int64(id), offsetMinutes: 0)
        return CommitRecord(RawCommit(id: CommitID(hex: hex)!, parents: [], author: signature, committer: signature,
                                      message: Array(message.utf8), encoding: nil))
    }

    @Test("identities join through addresses, handles and names, connected rather than pairwise")
    func joined() {
        var rules = PeopleRules()
        rules.mergeByName = false
        rules.handles = ["ada@example.com": "ada-l"]
        rules.mailmap = Mailmap("<ada@example.com> <ada@home.example>")
        let records = [
            Self.record("Ada Lovelace", "ada@example.com", id: 1),
            Self.record("Ada at home", "ada@home.example", id: 2),
            Self.record("ada-l", "12345+ada-l@users.noreply.github.com", id: 3),
            Self.record("Ada L", "ada-l@users.noreply.github.com", id: 4),
            Self.record("Ada Lovelace", "ada@example.com", id: 5),
            Self.record("Bob", "bob@example.com", "feat: y\n\nCo-authored-by: Ada Lovelace <ADA@example.com>\n", id: 6),
            Self.record("Ada Lovelace", "other@example.com", id: 7),
        ]
        let people = ContributorCount.contributors(records, people: rules)
        #expect(people.map(\.name) == ["Ada Lovelace", "Ada Lovelace", "Bob"])
        #expect(people.map(\.commitCount) == [6, 1, 1])
        #expect(people[0].handle == "ada-l" && people[0].email == "ada@example.com")
        #expect(people[0].firstCommit == records[0].id)
        #expect(people[1].email == "other@example.com", "merge by email: the same name alone joins nobody")
        rules.mergeByName = true
        #expect(ContributorCount.contributors(records, people: rules).map(\.commitCount) == [7, 1])
    }

    @Test("bots come after people, or not at all")
    func bots() {
        let records = [
            Self.record("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", id: 1),
            Self.record("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com", id: 2),
            Self.record("Zoë", "zoe@example.com", id: 3),
        ]
        var noise = NoiseRules()
        #expect(ContributorCount.contributors(records, people: PeopleRules(), noise: noise).map(\.name) == ["Zoë", "renovate[bot]"])
        noise.bots = .mixed
        #expect(ContributorCount.contributors(records, people: PeopleRules(), noise: noise).map(\.name) == ["renovate[bot]", "Zoë"])
        noise.bots = .hide
        #expect(ContributorCount.contributors(records, people: PeopleRules(), noise: noise).map(\.name) == ["Zoë"])
    }

    @Test("the search for earlier contributions stops when everyone was met")
    func search() {
        let rules = PeopleRules()
        let people = ContributorCount.contributors([
            Self.record("Carol", "carol@example.com", id: 1),
            Self.record("Just A Stream", "just-a-stream@users.noreply.github.com", id: 2),
        ], people: rules)
        var search = PriorContributionSearch(people: people.map(\.keys), rules: rules)
        func raw(_ name: String, _ email: String, _ message: String = "x", parents: Int = 1) -> RawCommit {
            let signature = Signature(name: name, email: email, time: 0, offsetMinutes: 0)
            return RawCommit(id: CommitID(hex: String(repeating: "a", count: 40))!,
                             parents: Array(repeating: CommitID(hex: String(repeating: "b", count: 40))!, count: parents),
                             author: signature, committer: signature, message: Array(message.utf8), encoding: nil)
        }
        let merge = search.visit(raw("Carol", "carol@example.com", parents: 2))
        #expect(!merge, "a merge credits nobody")
        let coAuthored = search.visit(raw("Dave", "dave@example.com", "fix\n\nCO-AUTHORED-BY: JustAStream <93921983+just-a-stream@users.noreply.github.com>\n"))
        #expect(!coAuthored)
        #expect(search.found == [1], "the co-author shares the handle")
        let sameName = search.visit(raw("carol", "c@example.com"))
        #expect(sameName, "the same name, merged by name: everyone met")
    }

    @Test("co-author trailers on raw bytes", arguments: [
        ("x\n\nCo-authored-by: A <a@x>\nco-authored-by: B <b@x>\n", ["a@x", "b@x"]),
        ("Co-authored-by: A <a@x>", ["a@x"]),
        ("x\n\nCo-authored-by: no address\n", []),
        ("x\n\nCo-authored-by:\n", []),
        ("", []),
    ] as [(String, [String])])
    func coAuthors(message: String, emails: [String]) {
        #expect(PriorContributionSearch.coAuthors(in: Array(message.utf8)).map(\.email) == emails)
    }
}
