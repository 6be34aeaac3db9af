import NotesCore
import Testing

/// A message and the revert it must be read as, or nil.
struct RevertCase: Sendable, CustomTestStringConvertible {
    var name: String
    var message: String
    var expected: RevertInfo?
    var testDescription: String { name }
}

@Suite("RevertDetector")
struct RevertDetectorTests {
    static let full = "0123456789abcdef0123456789abcdef01234567"

    static let cases: [RevertCase] = [
        RevertCase(
            name: "git revert",
            message: "Revert \"feat: add x\"\n\nThis reverts commit \(full).",
            expected: RevertInfo(revertedID: full, revertedSubject: "feat: add x")),
        RevertCase(
            name: "abbreviated id, upper-case hex",
            message: "Revert \"fix: y\"\n\nThis reverts commit ABC1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "fix: y")),
        RevertCase(
            name: "nested revert peels once",
            message: "Revert \"Revert \"feat: add x\"\"\n\nThis reverts commit abc1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "Revert \"feat: add x\"")),
        RevertCase(
            name: "merge revert wording",
            message: "Revert \"Merge pull request #3 from a/b\"\n\nThis reverts commit abc1234, reversing\nchanges made to def5678.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "Merge pull request #3 from a/b")),
        RevertCase(
            name: "squash suffix ignored",
            message: "Revert \"feat: add x\" (#45)\n\nThis reverts commit abc1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "feat: add x")),
        RevertCase(
            name: "CRLF and extra body",
            message: "Revert \"feat: add x\"\r\n\r\nBroke the build.\r\nThis reverts commit abc1234.\r\n\r\nSigned-off-by: A",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "feat: add x")),
        RevertCase(
            name: "conventional revert",
            message: "revert: feat: add x\n\nThis reverts commit abc1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "feat: add x")),
        RevertCase(
            name: "conventional revert with quoted subject and scope",
            message: "revert(api): \"feat: add x\"\n\nThis reverts commit abc1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "feat: add x")),
        RevertCase(
            name: "no body line",
            message: "Revert \"feat: add x\"",
            expected: nil),
        RevertCase(
            name: "conventional revert without body line",
            message: "revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868",
            expected: nil),
        RevertCase(
            name: "body line but ordinary subject",
            message: "fix: undo\n\nThis reverts commit abc1234.",
            expected: nil),
        RevertCase(
            name: "id too short",
            message: "Revert \"x\"\n\nThis reverts commit abc.",
            expected: nil),
        RevertCase(
            name: "id glued to letters",
            message: "Revert \"x\"\n\nThis reverts commit abc1234xyz.",
            expected: nil),
        RevertCase(
            name: "id too long",
            message: "Revert \"x\"\n\nThis reverts commit \(full)0.",
            expected: nil),
        RevertCase(
            name: "truncated subject without closing quote",
            message: "Revert \"feat: a very long\n\nThis reverts commit abc1234.",
            expected: RevertInfo(revertedID: "abc1234", revertedSubject: "feat: a very long")),
        RevertCase(
            name: "lower-case revert prefix is not git's",
            message: "revert \"x\"\n\nThis reverts commit abc1234.",
            expected: nil),
    ]

    @Test("detects", arguments: cases)
    func detects(_ example: RevertCase) {
        let parsed = CommitMessageParser.parse(example.message)
        #expect(RevertDetector.revert(in: parsed) == example.expected)
    }
}
