import NotesCore
import Testing

@Suite("Commits robustness")
struct CommitsRobustnessTests {
    static let sample = """
        feat(api)!: add `#1` and GH-2 (#3)\r
        \r
        Body with https://x.y/#4, &#5; and ``code #6``, fixes owner/repo#7.\r
        This reverts commit abc1234.\r
        \r
        BREAKING CHANGE: all\r
        gone\r
        Closes: #8, GH-9\r
        """

    /// Every prefix of a message full of edge cases goes through every function without trapping.
    @Test("every prefix of a tricky message")
    func prefixes() {
        let scalars = Array(Self.sample.unicodeScalars)
        for end in 0...scalars.count {
            let message = String(String.UnicodeScalarView(scalars[..<end]))
            let parsed = CommitMessageParser.parse(message)
            _ = IssueReferenceExtractor.references(in: parsed)
            _ = RevertDetector.revert(in: parsed)
            _ = SquashSuffix.split(parsed.subject)
            #expect(parsed.conventional != nil || parsed.nonConformance != nil)
        }
        let full = IssueReferenceExtractor.references(in: CommitMessageParser.parse(Self.sample))
        #expect(full.map(\.key) == ["#2", "#3", "owner/repo#7", "#8", "#9"])
        #expect(full.map(\.closes) == [false, false, true, true, true])
    }

    /// Pseudo-random bytes (fixed seed) decode and parse without trapping or U+FFFD.
    @Test("random bytes")
    func randomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let alphabet: [UInt8] = Array("#`:()! \n\r-GHfixes/abc0123456789&;".utf8) + [0x00, 0x80, 0x93, 0xE9, 0xFF, 0xC3]
        for round in 0..<2_000 {
            let length = Int(next() % 64)
            let bytes = (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let encoding = ["ISO-8859-1", "windows-1252", "Shift_JIS", "EUC-JP", "UTF-16", nil][round % 6]
            let text = MessageDecoder.decode(bytes, encoding: encoding)
            #expect(!text.unicodeScalars.contains("\u{FFFD}"))
            let parsed = CommitMessageParser.parse(text)
            _ = IssueReferenceExtractor.references(in: parsed)
            _ = RevertDetector.revert(in: parsed)
        }
    }
}
