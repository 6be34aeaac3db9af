import NotesCore
import Testing

@Suite("init's [[rule]] proposals")
struct RuleProposalTests {
    static func propose(_ subjects: [String]) -> [String] {
        RuleProposal.propose(subjects.map { CommitMessageParser.parse($0) }).rules.map { "\($0.section) \($0.count) \($0.pattern)" }
    }

    @Test func proposedOnlyWhenMoreThanAThirdHaveNoType() {
        // 2 of 6 is a third: nothing proposed.
        #expect(Self.propose(["fix: a", "feat: b", "fix: c", "feat: d", "Fix e", "Fixed f"]).isEmpty)
        // 3 of 6: proposed, and only verbs seen twice.
        #expect(Self.propose(["fix: a", "feat: b", "fix: c", "Fix e", "Fixed f", "Add g"])
            == ["fixes 2 ^(?i)(fixed|fix)\\s"])
        // `Update` is ambiguous, `Fixup` is no verb of the list, `fix:` has its type.
        #expect(Self.propose(["Update a", "Update b", "Fixup c", "Fixups d"]).isEmpty)
    }

    /// A proposed pattern never matches a conventional header: `fix(api): x` keeps its type (and a
    /// breaking `fix!:` stays breaking).
    @Test func patternsLeaveConventionalHeadersAlone() throws {
        let rule = try #require(RuleProposal.propose(["Fix a", "fix b", "Fixed c"].map { CommitMessageParser.parse($0) }).rules.first)
        let regex = try Regex(rule.pattern)
        for subject in ["fix: a", "fix(api): b", "fix!: c", "fixes: d"] {
            #expect(subject.firstMatch(of: regex) == nil, "\(subject)")
        }
        #expect("Fixes the build".firstMatch(of: regex) == nil, "fixes is not among this history's words")
        #expect("fixed the build".firstMatch(of: regex) != nil)
    }

    /// Subjects that start with the area of the code (`time: fix …`, tokio's and Go's house style) have no
    /// type either: the verb after the area is learned, and the pattern lists the areas, so a `docs: fix …`
    /// keeps its type.
    @Test func areaPrefixedSubjectsAreLearnedAfterTheArea() throws {
        let subjects = ["time: fix alt timer race", "runtime: fix a leak", "net: add TcpStream::peek",
                        "sync: add a semaphore", "chore: prepare v1.2.0", "docs: fix a typo", "tokio-stream: fixed a crash"]
        #expect(Self.propose(subjects) == [
            "features 2 ^(?i)(?:(?:net|sync): )?(add)\\s",
            "fixes 3 ^(?i)(?:(?:runtime|time|tokio-stream): )?(fixed|fix)\\s",
        ])
        let fixes = try Regex(try #require(RuleProposal.propose(subjects.map { CommitMessageParser.parse($0) }).rules.last).pattern)
        for subject in ["time: fix alt timer race", "Fix the build", "tokio-stream: fixed a crash"] {
            #expect(subject.firstMatch(of: fixes) != nil, "\(subject)")
        }
        for subject in ["docs: fix a typo", "fix: a", "chore: fix clippy", "tokioXstream: fix x", "time(x): fix y"] {
            #expect(subject.firstMatch(of: fixes) == nil, "\(subject)")
        }
        // A known type is no area: a history of `fix:`/`feat:` headers needs no rule.
        #expect(Self.propose(["fix: a", "feat: b", "docs: fix c", "chore: add d"]).isEmpty)
    }

    /// The example subject goes into a TOML comment, where a control character would make notes.toml invalid.
    @Test("an example subject with control characters is written escaped, and the file parses")
    func exampleWithControls() throws {
        let (rules, others) = RuleProposal.propose(["Fix the \u{1B}[31mred\u{7} build", "Fixed a\rcrash", "fix: typed"]
            .map { CommitMessageParser.parse($0) })
        let text = RuleProposal.toml(rules, nonConventional: others, total: 3)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
        #expect(text.contains("\\x1B[31mred\\x07 build"))
        #expect(try SafeTOML.table(text)["rule"] != nil)
    }
}
