import NotesCore
import Testing

/// A message and the references it must yield, in order.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var expected: [IssueReference]
    var testDescription: String { name }
}

private func ref(_ number: Int, closes: Bool = false) -> IssueReference {
    IssueReference(number: number, closes: closes)
}

private func ref(_ owner: String, _ repository: String, _ number: Int, closes: Bool = false) -> IssueReference {
    IssueReference(owner: owner, repository: repository, number: number, closes: closes)
}

@Suite("IssueReferenceExtractor")
struct IssueReferenceExtractorTests {
    static let found: [ReferenceCase] = [
        ReferenceCase(name: "hash number", message: "fix: crash on #123", expected: [ref(123)]),
        ReferenceCase(name: "GH- prefix normalised", message: "fix: crash (GH-123)", expected: [ref(123)]),
        ReferenceCase(name: "gh- lower case", message: "fix: see gh-9", expected: [ref(9)]),
        ReferenceCase(name: "owner/repo", message: "docs: see apple/swift#42", expected: [ref("apple", "swift", 42)]),
        ReferenceCase(
            name: "owner/repo with dots and dashes", message: "docs: see my-org/my.repo_x#7",
            expected: [ref("my-org", "my.repo_x", 7)]),
        ReferenceCase(name: "squash suffix", message: "feat: add y (#45)", expected: [ref(45)]),
        ReferenceCase(name: "Fixes in subject", message: "Fixes #12", expected: [ref(12, closes: true)]),
        ReferenceCase(name: "fix: type before ref closes, as on GitHub", message: "fix: #4 crash", expected: [ref(4, closes: true)]),
        ReferenceCase(
            name: "closes owner/repo in body", message: "chore: x\n\nThis closes owner/repo#3 for good.",
            expected: [ref("owner", "repo", 3, closes: true)]),
        ReferenceCase(name: "Resolved: with colon", message: "chore: x\n\nResolved: #4", expected: [ref(4, closes: true)]),
        ReferenceCase(name: "keyword any case", message: "chore: x\n\nRESOLVES #5 and FiXeD #6", expected: [ref(5, closes: true), ref(6, closes: true)]),
        ReferenceCase(
            name: "every keyword",
            message: "x\n\nclose #1 closes #2 closed #3 fix #4 fixes #5 fixed #6 resolve #7 resolves #8 resolved #9",
            expected: (1...9).map { ref($0, closes: true) }),
        ReferenceCase(
            name: "in prose only the ref right after a keyword closes",
            message: "chore: x\n\nThis fixes #1, #2 and more.\n\nThe end.",
            expected: [ref(1, closes: true), ref(2)]),
        ReferenceCase(
            name: "Fixes # trailer closes every ref in its value", message: "chore: x\n\nFixes #1, #2",
            expected: [ref(1, closes: true), ref(2, closes: true)]),
        ReferenceCase(
            name: "Refs footer does not close", message: "feat: x\n\nRefs: #1, #2",
            expected: [ref(1), ref(2)]),
        ReferenceCase(
            name: "Closes footer closes every ref", message: "feat: x\n\nCloses: #3, owner/repo#4",
            expected: [ref(3, closes: true), ref("owner", "repo", 4, closes: true)]),
        ReferenceCase(
            name: "Fixes # footer", message: "feat: x\n\nReviewed-by: Z\nFixes #12",
            expected: [ref(12, closes: true)]),
        ReferenceCase(
            name: "Resolves footer with GH-", message: "feat: x\n\nResolves: GH-8",
            expected: [ref(8, closes: true)]),
        ReferenceCase(
            name: "deduplicated, closes if any occurrence closes, first-appearance order",
            message: "feat: x (#2)\n\nSee #1 and GH-2.\n\nCloses: #1",
            expected: [ref(2), ref(1, closes: true)]),
        ReferenceCase(
            name: "GH- and # share a key", message: "fix: GH-5\n\nFixes #5",
            expected: [ref(5, closes: true)]),
        ReferenceCase(
            name: "punctuation around refs", message: "x: [#1], (#2); #3. #4, \"#5\"",
            expected: [ref(1), ref(2), ref(3), ref(4), ref(5)]),
        ReferenceCase(name: "start of line", message: "x\n\n#77 was the cause", expected: [ref(77)]),
        ReferenceCase(
            name: "ref after code span still found", message: "fix: `a` #3 `b`", expected: [ref(3)]),
        ReferenceCase(
            name: "unclosed backtick is literal", message: "fix: stray ` then #3", expected: [ref(3)]),
        ReferenceCase(
            name: "ref after URL still found", message: "docs: see https://x.y/#1 and #2", expected: [ref(2)]),
        ReferenceCase(
            name: "keyword before a URL-free ref across tab", message: "x\n\nfixes\t#6", expected: [ref(6, closes: true)]),
        ReferenceCase(
            name: "keyword glued to a word does not close", message: "x\n\nprefixes #6", expected: [ref(6)]),
        ReferenceCase(
            name: "keyword inside code does not close", message: "x\n\n`fixes` #6", expected: [ref(6)]),
    ]

    @Test("finds references", arguments: found)
    func finds(_ example: ReferenceCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(IssueReferenceExtractor.references(in: parsed) == example.expected)
    }

    static let ignored: [ReferenceCase] = [
        ReferenceCase(name: "inline code", message: "fix: handle `#123` literally", expected: []),
        ReferenceCase(name: "double-backtick span", message: "fix: handle ``a ` #123`` literally", expected: []),
        ReferenceCase(name: "fenced block", message: "docs: x\n\n```\nlet a = #12\n```", expected: []),
        ReferenceCase(name: "URL fragment", message: "docs: see https://x.y/#123", expected: []),
        ReferenceCase(name: "issue comment URL", message: "docs: http://host/issues/123#issuecomment-4", expected: []),
        ReferenceCase(name: "GitHub issue URL", message: "docs: https://github.com/o/r/issues/12#top fixes", expected: []),
        ReferenceCase(name: "HTML entity", message: "docs: escape &#123; here", expected: []),
        ReferenceCase(name: "hex color", message: "style: use #fff and #abc123", expected: []),
        ReferenceCase(name: "digits then letters", message: "style: use #123abc", expected: []),
        ReferenceCase(name: "glued to a word", message: "fix: abc#12 and PR#4", expected: []),
        ReferenceCase(name: "path before hash", message: "fix: a/b/c#12", expected: []),
        ReferenceCase(name: "slash before hash", message: "fix: dir/#12", expected: []),
        ReferenceCase(name: "GH glued to a word", message: "fix: xGH-12", expected: []),
        ReferenceCase(name: "GH without digits", message: "fix: GH-x", expected: []),
        ReferenceCase(name: "hash zero", message: "fix: #0", expected: []),
        ReferenceCase(name: "bare hash", message: "fix: # and ## and #", expected: []),
        ReferenceCase(name: "double hash", message: "fix: ##12", expected: []),
        ReferenceCase(name: "huge number", message: "fix: #99999999999999999999", expected: []),
        ReferenceCase(name: "underscore glued", message: "fix: _#12", expected: []),
        ReferenceCase(name: "URL without space end", message: "docs: <https://x.y/a#1>", expected: []),
    ]

    @Test("ignores look-alikes", arguments: ignored)
    func ignores(_ example: ReferenceCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(IssueReferenceExtractor.references(in: parsed) == example.expected)
    }

    @Test("keys")
    func keys() {
        #expect(IssueReference(number: 3).key == "#3")
        #expect(IssueReference(owner: "o", repository: "r", number: 3).key == "o/r#3")
    }

    @Test("ordering: local first, then owner/repo, then number")
    func ordering() {
        let unsorted = [ref("b", "r", 1), ref(10), ref("a", "r", 2), ref(2, closes: true), ref(2)]
        #expect(unsorted.sorted() == [ref(2), ref(2, closes: true), ref(10), ref("a", "r", 2), ref("b", "r", 1)])
    }
}
