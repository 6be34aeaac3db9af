import NotesCore
import Testing

/// A message and the conventional commit it must parse to, field for field.
struct ConventionalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var expected: ConventionalCommit
    var testDescription: String { name }
}

/// A message read as conventional that deviates from the format, and the note it carries.
struct DeviationCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var expected: ConventionalCommit
    var note: String
    var testDescription: String { name }
}

/// A message that is not conventional, its subject and the reason given.
struct NonConventionalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var subject: String
    var reason: String
    var body: String? = nil
    var testDescription: String { name }
}

/// A message and how it splits into body and footers.
struct StructureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var body: String?
    var footers: [Footer]
    var isBreaking: Bool = false
    var breakingDescriptions: [String] = []
    var testDescription: String { name }
}

private func footer(_ token: String, _ value: String) -> Footer {
    Footer(token: token, value: value)
}

@Suite("CommitMessageParser")
struct CommitMessageParserTests {
    /// Every example of the Conventional Commits 1.0.0 specification, plus the FAQ's revert.
    static let specificationExamples: [ConventionalCase] = [
        ConventionalCase(
            name: "description and breaking change footer",
            message: """
                feat: allow provided config object to extend other configs

                BREAKING CHANGE: `extends` key in config file is now used for extending other config files
                """,
            expected: ConventionalCommit(
                type: "feat", description: "allow provided config object to extend other configs",
                footers: [footer("BREAKING CHANGE", "`extends` key in config file is now used for extending other config files")],
                isBreaking: true,
                breakingDescriptions: ["`extends` key in config file is now used for extending other config files"])),
        ConventionalCase(
            name: "! to draw attention to breaking change",
            message: "refactor!: drop support for Node 6",
            expected: ConventionalCommit(type: "refactor", description: "drop support for Node 6", isBreaking: true)),
        ConventionalCase(
            name: "scope and ! to draw attention to breaking change",
            message: "refactor(runtime)!: drop support for Node 6",
            expected: ConventionalCommit(
                type: "refactor", scope: "runtime", description: "drop support for Node 6", isBreaking: true)),
        ConventionalCase(
            name: "both ! and BREAKING CHANGE footer",
            message: """
                refactor!: drop support for Node 6

                BREAKING CHANGE: refactor to use JavaScript features not available in Node 6.
                """,
            expected: ConventionalCommit(
                type: "refactor", description: "drop support for Node 6",
                footers: [footer("BREAKING CHANGE", "refactor to use JavaScript features not available in Node 6.")],
                isBreaking: true,
                breakingDescriptions: ["refactor to use JavaScript features not available in Node 6."])),
        ConventionalCase(
            name: "no body",
            message: "docs: correct spelling of CHANGELOG",
            expected: ConventionalCommit(type: "docs", description: "correct spelling of CHANGELOG")),
        ConventionalCase(
            name: "scope",
            message: "feat(lang): add polish language",
            expected: ConventionalCommit(type: "feat", scope: "lang", description: "add polish language")),
        ConventionalCase(
            name: "multi-paragraph body and multiple footers",
            message: """
                fix: correct minor typos in code

                see the issue for details

                on typos fixed.

                Reviewed-by: Z
                Refs #133
                """,
            expected: ConventionalCommit(
                type: "fix", description: "correct minor typos in code",
                body: "see the issue for details\n\non typos fixed.",
                footers: [footer("Reviewed-by", "Z"), footer("Refs", "#133")])),
        ConventionalCase(
            name: "FAQ revert with Refs footer",
            message: """
                revert: let us never again speak of the noodle incident

                Refs: 676104e, a215868
                """,
            expected: ConventionalCommit(
                type: "revert", description: "let us never again speak of the noodle incident",
                footers: [footer("Refs", "676104e, a215868")])),
    ]

    @Test("specification examples", arguments: specificationExamples)
    func specificationExample(_ example: ConventionalCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(parsed.nonConformance == nil)
        #expect(parsed.conventional == example.expected)
        #expect(parsed.body == example.expected.body)
        #expect(parsed.footers == example.expected.footers)
    }

    static let moreConventional: [ConventionalCase] = [
        ConventionalCase(
            name: "type is lower-cased, scope kept as written",
            message: "FEAT(Parser): Add X",
            expected: ConventionalCommit(type: "feat", scope: "Parser", description: "Add X")),
        ConventionalCase(
            name: "type with digits and dash",
            message: "ci-2: run twice",
            expected: ConventionalCommit(type: "ci-2", description: "run twice")),
        ConventionalCase(
            name: "surrounding whitespace ignored",
            message: "\n\n  fix: trim me  \n\n",
            expected: ConventionalCommit(type: "fix", description: "trim me")),
        ConventionalCase(
            name: "extra spaces after colon dropped",
            message: "fix:   spaced",
            expected: ConventionalCommit(type: "fix", description: "spaced")),
        ConventionalCase(
            name: "colon inside description",
            message: "docs(readme): explain a: b",
            expected: ConventionalCommit(type: "docs", scope: "readme", description: "explain a: b")),
        ConventionalCase(
            name: "scope with slash and spaces",
            message: "fix(api/v2 client): retry",
            expected: ConventionalCommit(type: "fix", scope: "api/v2 client", description: "retry")),
        ConventionalCase(
            name: "Windows line endings",
            message: "feat(api): add x\r\n\r\nBody line 1\r\nBody line 2\r\n\r\nReviewed-by: Z\r\n",
            expected: ConventionalCommit(
                type: "feat", scope: "api", description: "add x", body: "Body line 1\nBody line 2",
                footers: [footer("Reviewed-by", "Z")])),
        ConventionalCase(
            name: "squash suffix stays in description",
            message: "feat: add y (#42)",
            expected: ConventionalCommit(type: "feat", description: "add y (#42)")),
        ConventionalCase(
            name: "unicode description",
            message: "fix(i18n): corrige l’accent é",
            expected: ConventionalCommit(type: "fix", scope: "i18n", description: "corrige l’accent é")),
    ]

    @Test("more conventional messages", arguments: moreConventional)
    func conventional(_ example: ConventionalCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(parsed.nonConformance == nil)
        #expect(parsed.conventional == example.expected)
    }

    static let nonConventional: [NonConventionalCase] = [
        NonConventionalCase(
            name: "plain subject", message: "Update README", subject: "Update README",
            reason: "no type: header has no ': ' separator"),
        NonConventionalCase(
            name: "missing space", message: "fix:missing space", subject: "fix:missing space",
            reason: "missing space after ':'"),
        NonConventionalCase(
            name: "tab instead of space", message: "fix:\tx", subject: "fix:\tx",
            reason: "missing space after ':'"),
        NonConventionalCase(
            name: "empty scope", message: "feat(): empty scope", subject: "feat(): empty scope",
            reason: "empty scope"),
        NonConventionalCase(
            name: "blank scope", message: "feat( ): x", subject: "feat( ): x", reason: "empty scope"),
        NonConventionalCase(
            name: "no type", message: ": no type", subject: ": no type",
            reason: "no type: header starts with ':'"),
        NonConventionalCase(
            name: "empty description", message: "feat: ", subject: "feat:", reason: "empty description"),
        NonConventionalCase(
            name: "colon at end", message: "feat:", subject: "feat:", reason: "empty description"),
        NonConventionalCase(
            name: "bare word", message: "feat", subject: "feat",
            reason: "no type: header has no ': ' separator"),
        NonConventionalCase(
            name: "merge", message: "Merge branch 'x'", subject: "Merge branch 'x'",
            reason: "no type: header has no ': ' separator"),
        NonConventionalCase(
            name: "merge with URL",
            message: "Merge branch 'main' of https://github.com/o/r",
            subject: "Merge branch 'main' of https://github.com/o/r",
            reason: "type has invalid character ' '"),
        NonConventionalCase(
            name: "git revert", message: "Revert \"feat: x\"\n\nThis reverts commit abc1234.",
            subject: "Revert \"feat: x\"", reason: "type has invalid character ' '",
            body: "This reverts commit abc1234."),
        NonConventionalCase(
            name: "only whitespace", message: " \n\t\r\n  ", subject: "", reason: "empty message"),
        NonConventionalCase(
            name: "empty", message: "", subject: "", reason: "empty message"),
        NonConventionalCase(
            name: "Windows line endings", message: "Update README\r\n\r\nMore words\r\n",
            subject: "Update README", reason: "no type: header has no ': ' separator", body: "More words"),
        NonConventionalCase(
            name: "scope not closed", message: "feat(parser: x", subject: "feat(parser: x",
            reason: "scope is not closed"),
        NonConventionalCase(
            name: "nested parenthesis in scope", message: "feat(a(b)): x", subject: "feat(a(b)): x",
            reason: "scope contains '('"),
        NonConventionalCase(
            name: "! before scope", message: "feat!(api): x", subject: "feat!(api): x",
            reason: "expected ':' after '!', found '('"),
        NonConventionalCase(
            name: "text after scope", message: "feat(api)x: y", subject: "feat(api)x: y",
            reason: "expected ':' after scope, found 'x'"),
        NonConventionalCase(
            name: "bracket prefix", message: "[WIP] feat: x", subject: "[WIP] feat: x",
            reason: "type has invalid character '['"),
        NonConventionalCase(
            name: "two-word type", message: "bug fix: x", subject: "bug fix: x",
            reason: "type has invalid character ' '"),
        NonConventionalCase(
            name: "non-ASCII type", message: "féat: x", subject: "féat: x",
            reason: "type has invalid character 'é'"),
    ]

    @Test("non-conventional messages", arguments: nonConventional)
    func rejects(_ example: NonConventionalCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(parsed.conventional == nil)
        #expect(parsed.subject == example.subject)
        #expect(parsed.nonConformance == example.reason)
        #expect(parsed.body == example.body)
    }

    static let structures: [StructureCase] = [
        StructureCase(
            name: "footer-looking paragraph followed by prose is body",
            message: "fix: x\n\nNote: this matters\nand more prose\n\nThe end.",
            body: "Note: this matters\nand more prose\n\nThe end.", footers: []),
        StructureCase(
            name: "footer-looking line inside a body paragraph is body",
            message: "fix: x\n\nSome prose.\nNote: inline\n\nReviewed-by: Z",
            body: "Some prose.\nNote: inline", footers: [footer("Reviewed-by", "Z")]),
        StructureCase(
            name: "continuation lines join the previous value",
            message: "feat: x\n\nBREAKING CHANGE: the config\nformat changed\n  and moved\nReviewed-by: Z",
            body: nil,
            footers: [footer("BREAKING CHANGE", "the config\nformat changed\n  and moved"), footer("Reviewed-by", "Z")],
            isBreaking: true, breakingDescriptions: ["the config\nformat changed\n  and moved"]),
        StructureCase(
            name: "footer paragraphs separated by a blank line",
            message: "feat: x\n\nBody.\n\nBREAKING CHANGE: gone\n\nSigned-off-by: A <a@b.c>",
            body: "Body.",
            footers: [footer("BREAKING CHANGE", "gone"), footer("Signed-off-by", "A <a@b.c>")],
            isBreaking: true, breakingDescriptions: ["gone"]),
        StructureCase(
            name: "a breaking footer runs on over a following prose paragraph (rule 10)",
            message: "feat: x\n\nBREAKING CHANGE: gone\n\nMigration notes follow.",
            body: nil, footers: [footer("BREAKING CHANGE", "gone\n\nMigration notes follow.")],
            isBreaking: true, breakingDescriptions: ["gone\n\nMigration notes follow."]),
        StructureCase(
            name: "a breaking footer ends at the next footer token, prose in between",
            message: "feat: x\n\nIntro.\n\nBREAKING CHANGE: Node.js v18 is no longer supported.\n\nUpgrade first.\n\nSigned-off-by: A",
            body: "Intro.",
            footers: [footer("BREAKING CHANGE", "Node.js v18 is no longer supported.\n\nUpgrade first."), footer("Signed-off-by", "A")],
            isBreaking: true, breakingDescriptions: ["Node.js v18 is no longer supported.\n\nUpgrade first."]),
        StructureCase(
            name: "a note under a breaking footer is part of its text (angular e6be376)",
            message: "refactor: x\n\nBREAKING CHANGE: The `NodePackageLinkTask` has been removed.\n\nNote: This does not affect application developers.",
            body: nil,
            footers: [footer("BREAKING CHANGE", "The `NodePackageLinkTask` has been removed.\n\nNote: This does not affect application developers.")],
            isBreaking: true,
            breakingDescriptions: ["The `NodePackageLinkTask` has been removed.\n\nNote: This does not affect application developers."]),
        StructureCase(
            name: "git's one-word trailers still end a breaking footer",
            message: "feat: x\n\nBREAKING CHANGE: gone\nCloses: #12\nTested: cargo test --all now",
            body: nil, footers: [footer("BREAKING CHANGE", "gone"), footer("Closes", "#12"), footer("Tested", "cargo test --all now")],
            isBreaking: true, breakingDescriptions: ["gone"]),
        StructureCase(
            name: "an ordinary footer-looking paragraph followed by prose is still body",
            message: "feat: x\n\nRefs: #1\n\nMore prose.",
            body: "Refs: #1\n\nMore prose.", footers: []),
        StructureCase(
            name: "BREAKING CHANGE: with its text on the next line",
            message: "feat: x\n\nBREAKING CHANGE:\nTypeScript versions older than 5.9 are no longer supported.",
            body: nil, footers: [footer("BREAKING CHANGE", "TypeScript versions older than 5.9 are no longer supported.")],
            isBreaking: true, breakingDescriptions: ["TypeScript versions older than 5.9 are no longer supported."]),
        StructureCase(
            name: "BREAKING-CHANGE: with its text after a blank line",
            message: "fix: x\n\nBody.\n\nBREAKING-CHANGE:\n\nThe flag is gone.",
            body: "Body.", footers: [footer("BREAKING-CHANGE", "The flag is gone.")],
            isBreaking: true, breakingDescriptions: ["The flag is gone."]),
        StructureCase(
            name: "lower-case breaking change: alone is body",
            message: "fix: x\n\nbreaking change:\nnothing",
            body: "breaking change:\nnothing", footers: []),
        StructureCase(
            name: "BREAKING-CHANGE synonym",
            message: "feat: x\n\nBREAKING-CHANGE: y",
            body: nil, footers: [footer("BREAKING-CHANGE", "y")],
            isBreaking: true, breakingDescriptions: ["y"]),
        StructureCase(
            name: "two breaking footers",
            message: "feat: x\n\nBREAKING CHANGE: a\nBREAKING-CHANGE: b",
            body: nil, footers: [footer("BREAKING CHANGE", "a"), footer("BREAKING-CHANGE", "b")],
            isBreaking: true, breakingDescriptions: ["a", "b"]),
        StructureCase(
            name: "lower-case breaking change is body text",
            message: "feat: x\n\nbreaking change: y",
            body: "breaking change: y", footers: []),
        StructureCase(
            name: "lower-case breaking-change is an ordinary footer",
            message: "feat: x\n\nbreaking-change: y",
            body: nil, footers: [footer("breaking-change", "y")]),
        StructureCase(
            name: "Breaking Change mixed case is not a token",
            message: "feat: x\n\nReviewed-by: Z\nBreaking Change: y",
            body: nil, footers: [footer("Reviewed-by", "Z\nBreaking Change: y")]),
        StructureCase(
            name: "hash separator keeps the sign",
            message: "fix: x\n\nFixes #12\nRefs: #1, #2",
            body: nil, footers: [footer("Fixes", "#12"), footer("Refs", "#1, #2")]),
        StructureCase(
            name: "URL line is not a trailer",
            message: "docs: x\n\nhttps://example.com/a",
            body: "https://example.com/a", footers: []),
        StructureCase(
            name: "token without value is not a trailer",
            message: "docs: x\n\nAcked-by:",
            body: "Acked-by:", footers: []),
        StructureCase(
            name: "token without space after colon is not a trailer",
            message: "docs: x\n\nAcked-by:Z",
            body: "Acked-by:Z", footers: []),
        StructureCase(
            name: "glued lines under header never footers",
            message: "docs: x\nReviewed-by: Z",
            body: "Reviewed-by: Z", footers: []),
        StructureCase(
            name: "body with blank lines and trailing spaces trimmed",
            message: "docs: x\n\n\n  para 1\n\n\npara 2  \n\n",
            body: "para 1\n\n\npara 2", footers: []),
        StructureCase(
            name: "only footers",
            message: "chore: x\n\nSigned-off-by: A\nCo-authored-by: B <b@c>",
            body: nil, footers: [footer("Signed-off-by", "A"), footer("Co-authored-by", "B <b@c>")]),
        StructureCase(
            name: "non-conventional message still gets footers",
            message: "Update README\n\nSome text.\n\nSigned-off-by: A",
            body: "Some text.", footers: [footer("Signed-off-by", "A")]),
    ]

    @Test("body and footers", arguments: structures)
    func structure(_ example: StructureCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(parsed.body == example.body)
        #expect(parsed.footers == example.footers)
        if let commit = parsed.conventional {
            #expect(commit.body == example.body)
            #expect(commit.footers == example.footers)
            #expect(commit.isBreaking == example.isBreaking)
            #expect(commit.breakingDescriptions == example.breakingDescriptions)
        }
    }

    static let deviations: [DeviationCase] = [
        DeviationCase(
            name: "line glued under header is body, with a note",
            message: "fix: x\nsecond line",
            expected: ConventionalCommit(type: "fix", description: "x", body: "second line"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "a wrapped subject joins the description",
            message: "fix(parser): keep the description of a commit whose subject\nwas wrapped by the editor\n\nBody.",
            expected: ConventionalCommit(type: "fix", scope: "parser",
                                         description: "keep the description of a commit whose subject was wrapped by the editor",
                                         body: "Body."),
            note: "the subject is wrapped onto a second line"),
        DeviationCase(
            name: "a subject ending in a full stop is not wrapped",
            message: "fix(parser): keep the description of a commit with a long subject.\nsecond line",
            expected: ConventionalCommit(type: "fix", scope: "parser",
                                         description: "keep the description of a commit with a long subject.",
                                         body: "second line"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "a subject ending in a reference is not wrapped",
            message: "fix(parser): keep the description of a commit with a long subject (#12)\nsecond line",
            expected: ConventionalCommit(type: "fix", scope: "parser",
                                         description: "keep the description of a commit with a long subject (#12)",
                                         body: "second line"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "a short subject is not wrapped",
            message: "fix: short subject\nsecond line",
            expected: ConventionalCommit(type: "fix", description: "short subject", body: "second line"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "a continuation starting upper-case is body",
            message: "fix(parser): keep the description of a commit with a long subject\nSecond line",
            expected: ConventionalCommit(type: "fix", scope: "parser",
                                         description: "keep the description of a commit with a long subject",
                                         body: "Second line"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "two glued lines are body, not a wrapped subject",
            message: "fix(parser): keep the description of a commit with a long subject\nline two\nline three",
            expected: ConventionalCommit(type: "fix", scope: "parser",
                                         description: "keep the description of a commit with a long subject",
                                         body: "line two\nline three"),
            note: "no blank line between the header and the body"),
        DeviationCase(
            name: "BREAKING CHANGE: with its text below is breaking, with a note",
            message: "feat!: drop node 18\n\nBREAKING CHANGE:\nNode.js v18 is no longer supported.",
            expected: ConventionalCommit(type: "feat", description: "drop node 18",
                                         footers: [Footer(token: "BREAKING CHANGE", value: "Node.js v18 is no longer supported.")],
                                         isBreaking: true, breakingDescriptions: ["Node.js v18 is no longer supported."]),
            note: "the BREAKING CHANGE footer's text starts on the next line"),
        DeviationCase(
            name: "an empty BREAKING CHANGE footer is breaking, with a note",
            message: "feat: drop the old flag\n\nBREAKING CHANGE:",
            expected: ConventionalCommit(type: "feat", description: "drop the old flag",
                                         footers: [Footer(token: "BREAKING CHANGE", value: "")],
                                         isBreaking: true, breakingDescriptions: []),
            note: "the BREAKING CHANGE footer is empty: it says there is a breaking change but not what it is"),
    ]

    @Test("conventional messages that deviate carry a note", arguments: deviations)
    func deviation(_ example: DeviationCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(parsed.conventional == example.expected)
        #expect(parsed.nonConformance == example.note)
    }

    @Test("breaking only by ! leaves descriptions empty")
    func bangOnly() {
        let commit = CommitMessageParser.parse("feat(api)!: remove v1").conventional
        #expect(commit?.isBreaking == true)
        #expect(commit?.breakingDescriptions == [])
    }

    @Test("parsing never traps on odd input", arguments: [
        "(", ")", "!", ":", "(:", "a(", "a(b", "a(b)", "a(b)!", "a!", "a!:", "\r", "\r\n\r\n", "#", "`",
        "a: b\n\n:", "a: b\n\n #", "a: b\n\nX #", "\u{0}", "\u{FFFD}: x", "😀: x", "a(😀): b",
    ])
    func oddInput(_ message: String) {
        let parsed = CommitMessageParser.parse(message)
        #expect(parsed.conventional != nil || parsed.nonConformance != nil)
    }
}
