import Foundation
@testable import NotesCore
import Testing

@Suite("Linear-time regular expressions")
struct LinearRegexTests {
    /// The 17 shapes of issue 24 that never finished with NSRegularExpression (killed at 60 s), each with a
    /// subject that makes a backtracking engine explore every split of a long run.
    static let hangShapes: [(String, String)] = [
        ("(a+)+$", String(repeating: "a", count: 5_000) + "!"),
        ("(a|aa)+$", String(repeating: "a", count: 5_000) + "!"),
        ("(.*a){20}$", String(repeating: "a", count: 5_000) + "!"),
        ("((a*)*)*b", String(repeating: "a", count: 5_000)),
        ("(a*)*$", String(repeating: "a", count: 5_000) + "!"),
        ("(a|a)*$", String(repeating: "a", count: 5_000) + "!"),
        ("(a+)*b", String(repeating: "a", count: 5_000)),
        ("^(\\w+\\s?)+$", String(repeating: "word ", count: 1_000) + "!"),
        ("^(a+)+$", String(repeating: "a", count: 5_000) + "b"),
        ("(x+x+)+y", String(repeating: "x", count: 5_000)),
        ("(.*)*x", String(repeating: "a", count: 5_000)),
        ("(a|b|ab)*c", String(repeating: "ab", count: 2_500)),
        ("([a-z]+)*[0-9]$", String(repeating: "abc", count: 1_700) + "!"),
        ("(\\d+)*\\.$", String(repeating: "1", count: 5_000) + "x"),
        ("(.*?,){15}x", String(repeating: "a,", count: 2_500)),
        ("^(\\s*\\w+\\s*)*$", String(repeating: "ab ", count: 1_700) + "!"),
        ("(a?){25}a{25}", String(repeating: "a", count: 24)),
    ]

    @Test("the hang shapes finish, with work bounded by program size × input length",
          arguments: hangShapes)
    func hangShapesFinish(pattern: String, subject: String) throws {
        let regex = try LinearRegex(pattern)
        let (_, steps, bound) = regex.matchWithWork(subject)
        #expect(steps <= bound, "\(steps) steps for \(pattern), bound \(bound)")
        // Ten times the input costs about ten times the work: linear, not polynomial or exponential.
        let long = String(repeating: String(subject.dropLast()), count: 10) + String(subject.last!)
        let (_, longSteps, _) = regex.matchWithWork(long)
        #expect(longSteps <= 12 * max(steps, 1), "\(pattern): \(steps) steps, then \(longSteps) for ten times the input")
    }

    /// Patterns and subjects on which the matcher must agree with ICU (NSRegularExpression), match or not,
    /// and on the captured groups.
    static let agreement: [String] = [
        "^feat", "fix$", "^chore\\(deps\\)", "(?i)^WIP", "\\bbump\\b", "^v\\d+\\.\\d+\\.\\d+$", "^(\\w+)(?:\\(([^)]*)\\))?!?: (.*)$",
        "a|b|c", "(a|ab)(c|bcd)(d*)", "colou?r", "x{2,3}", "x{2,}", "x{0,1}y", "(a+)+b", "(a*?)b", "a*?", "a+?b",
        "[^a-c]+", "[a\\-z]", "[-a]", "[a-]", "\\d+", "\\D", "\\s+\\S", "\\w+", "\\W", ".", "(?s)a.b", "a.b",
        "^$", "$", "^", "(?m)^b", "(?m)a$", "a$", "a\\z", "a\\Z", "\\Aa", "\\Bb", "\\Q.*\\E", "\\x41", "\\u0042",
        "(?i)straße", "(?i)[a-c]+", "(?<name>ab)c", "(?#comment)ab", "a(?i)b|c", "(?i:a)b", "(a)|(b)", "(a)?(b)",
        "((a)|b)+", "(a|b)*?c", "\\p{Lu}+", "\\P{L}", "[\\p{N}x]+", "Merge (pull request|branch) '?([^ ']+)",
        "^Revert \"(.*)\"$", "dependabot\\[bot\\]", "^docs/", "\\.md$", "^(feat|fix)(\\(.+\\))?: ",
    ]
    static let subjects = [
        "", "a", "b", "ab", "abc", "abcd", "aab", "xxxx", "xy", "y", "colour", "color", "feat: add", "fix: bug fix",
        "chore(deps): bump", "WIP something", "wip", "bump it", "bumpy", "v1.2.3", "v1.2", "feat(api)!: change it",
        "a\nb", "a\n", "a\r\n", "b\na", "AbC", "straße", "Straße", "ÀB", "123 abc", "a-z", "-", "z",
        ".*", "A", "B", "x1y2", "Merge pull request '#12' from a/b", "Merge branch 'main'", "Revert \"feat: x\"",
        "dependabot[bot] <x@y>", "docs/guide.md", "src/a.md", "aaac", "babc", "é", "\u{301}a", "a\u{301}b", "𝒳a",
    ]

    @Test("agrees with NSRegularExpression: whether it matches, where, and the groups", arguments: agreement)
    func agreesWithICU(pattern: String) throws {
        let regex = try LinearRegex(pattern)
        let icu = try NSRegularExpression(pattern: pattern)
        for subject in Self.subjects {
            let expected = icu.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject))
            let found = regex.firstMatch(in: subject)
            #expect((expected != nil) == regex.matches(subject), "\(pattern) on \(subject.debugDescription)")
            #expect((expected != nil) == (found != nil), "\(pattern) on \(subject.debugDescription)")
            guard let expected, let found else { continue }
            for group in 0..<expected.numberOfRanges {
                let range = expected.range(at: group)
                let text = range.location == NSNotFound ? nil : (subject as NSString).substring(with: range)
                #expect(found.groups[group] == text, "\(pattern) on \(subject.debugDescription): group \(group)")
            }
        }
    }

    @Test("an empty iteration of *, + or {n,} ends the loop, as in ICU; documented differences")
    func emptyIterationsAndDocumentedDifferences() throws {
        // Found by the commits fuzzer (Fuzz/finds/commits/pattern-empty-iteration): the empty alternative of
        // an iteration ends the loop, so `(|aaa)+` matches the empty string where the automaton matched "aaa".
        // The whole match is ICU's on each row.
        for (pattern, subject) in [("(|aaa)+", "aaa|aaaaaaaa!"), ("(|a)*b", "ab"), ("(|a)*?", "aa"), ("(a|)+", "aab"),
                                   ("(?:|x)+y", "xy"), ("(a*)*", "aa"), ("((a)|)+", "aa"), ("(a?)+?b", "aab"),
                                   ("(|ab)*c", "ababc"), ("(?:a|)*?b", "aab")] {
            let icu = try NSRegularExpression(pattern: pattern)
            let expected = try #require(icu.firstMatch(in: subject, range: NSRange(location: 0, length: subject.utf16.count)))
            let found = try #require(try LinearRegex(pattern).firstMatch(in: subject))
            #expect(found.range == expected.range.location..<(expected.range.location + expected.range.length),
                    "\(pattern) on \(subject)")
        }
        // Groups: ICU's one more, empty, iteration is run when the loop starts it at its own position...
        #expect(try LinearRegex("(a*)+b").firstMatch(in: "aab")?.groups == ["aab", ""])
        #expect(try LinearRegex("(|aaa)+").firstMatch(in: "aaa")?.groups == ["", ""])
        // ...but not after a non-empty iteration of an alternation that could also be empty: the group keeps the
        // last non-empty text (documented; ICU gives "").
        #expect(try LinearRegex("(|a)*b").firstMatch(in: "ab")?.groups == ["ab", "a"])
        #expect(try LinearRegex("(?i)straße").matches("STRASSE") == false)
        #expect(try LinearRegex("(?i)straße").matches("STRAßE"))
    }

    /// `Fuzz/finds/commits/pattern-*`: a pattern on the first line, a subject after it. Each is refused, or
    /// matches where ICU matches, as the commits harness checks.
    @Test("the commits fuzzer's pattern finds: refused, or the same match as ICU")
    func patternFuzzFinds() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/finds/commits")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("pattern-") }
        #expect(names.count >= 2)
        for name in names {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let pattern = String(parts[0]), subject = parts.count > 1 ? String(parts[1]) : ""
            guard let regex = try? LinearRegex(pattern) else { continue }
            let icu = try NSRegularExpression(pattern: pattern)
            let expected = icu.firstMatch(in: subject, range: NSRange(location: 0, length: (subject as NSString).length))
            let found = regex.firstMatch(in: subject)
            #expect((expected == nil) == (found == nil), "\(name)")
            if let expected, let found {
                #expect(found.range == expected.range.location..<(expected.range.location + expected.range.length), "\(name)")
            }
        }
    }

    @Test("a description template reads $n as NSRegularExpression does", arguments: [
        ("^chore\\(deps\\): bump (\\S+)", "chore(deps): bump serde from 1 to 2", "Update $1", "Update serde"),
        ("^(\\w+): (.*)$", "fix: it", "$2 ($1)", "it (fix)"),
        ("^(\\w+)", "fix", "\\$1 is $1$", "$1 is fix$"),
        ("^(a)(b)?", "a", "[$2]", "[]"),
        ("^(a)", "a", "$12", "a2"),
        ("^(a)", "a", "$0$0", "aa"),
    ])
    func expand(pattern: String, subject: String, template: String, expected: String) throws {
        let regex = try LinearRegex(pattern)
        let match = try #require(regex.firstMatch(in: subject))
        #expect(regex.expand(template, with: match) == expected)
        let icu = try NSRegularExpression(pattern: pattern)
        let icuMatch = try #require(icu.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)))
        #expect(icu.replacementString(for: icuMatch, in: subject, offset: 0, template: template) == expected)
    }

    @Test("what needs backtracking, or is too large, is refused with the character where it stopped", arguments: [
        ("(\\w+)\\1", "at character 6: back-references (\\1) are not supported: they need backtracking"),
        ("a(?=b)", "at character 2: look-ahead (?= and (?! is not supported: it needs backtracking"),
        ("(?<!a)b", "at character 1: look-behind (?<= and (?<! is not supported: it needs backtracking"),
        ("(?>a+)b", "at character 1: atomic groups (?> are not supported: they need backtracking"),
        ("a*+", "at character 3: possessive quantifiers (*+, ++, ?+) are not supported: they need backtracking"),
        ("a**", "at character 3: a quantifier follows a quantifier; put the first in a group: (?:a*)*"),
        ("(", "at character 1: the group ( is not closed"),
        ("a)", "at character 2: unmatched ')': no group is open; write \\) for the character"),
        ("[a", "at character 1: the class [ is not closed"),
        ("[[:alpha:]]", "at character 2: nested classes and set operations are not supported in [...]; write \\[ for the character"),
        ("[:alpha:]", "at character 1: POSIX classes ([:alpha:]) are not supported; use \\p{L}, \\d, \\s, \\w"),
        ("[z-a]", "at character 2: the range z-a is reversed"),
        ("*a", "at character 1: '*' has nothing to repeat; write \\* for the character"),
        ("a{", "at character 2: '{' starts no repetition count {n}, {n,} or {n,m}; write \\{ for the character"),
        ("a{3,2}", "at character 2: repetition {3,2}: the maximum is below the minimum"),
        ("a{1001}", "at character 2: a repetition count above 1000 is not supported"),
        ("(a|b){1000}", "at character 11: the pattern is too large: it compiles to more than 5000 instructions (repetition counts multiply what they repeat)"),
        ("\\q", "at character 1: unknown escape \\q"),
        ("\\", "at character 1: the pattern ends with a lone backslash"),
        ("(?x)a", "at character 3: the flag x (free spacing) is not supported"),
        ("(\\E)$", "at character 2: \\E without \\Q: write E, or quote with \\Q…\\E"),
        (String(repeating: "(?:", count: 101) + String(repeating: ")", count: 101), "at character 301: groups nested more than 100 deep"),
        // Each capture group and each unbounded repetition is a slot every thread copies: bounded, so a step
        // costs at most a few hundred slot copies (2,040 `()` took 0.8 s and 277 MB per 72-character subject).
        (String(repeating: "()", count: 101), "at character 201: more than 100 capture groups; write (?:…) for a group that captures nothing"),
        (String(repeating: "a*", count: 101), "at character 202: more than 100 unbounded repetitions (*, +, {n,})"),
    ])
    func refused(pattern: String, message: String) {
        #expect(throws: LinearRegex.SyntaxError.self) { try LinearRegex(pattern) }
        do {
            _ = try LinearRegex(pattern)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a long subject or body is matched in one pass: a megabyte against a 10-group pattern")
    func longInput() throws {
        let regex = try LinearRegex("^(\\w+\\s?){10}(a|b|c)+x$")
        let text = String(repeating: "abc ", count: 250_000)
        let (matched, steps, bound) = regex.matchWithWork(text)
        #expect(!matched && steps <= bound)
    }
}

@Suite("Patterns from notes.toml")
struct ConfiguredPatternTests {
    @Test("an unsupported pattern is a configuration error naming the file, line and key", arguments: [
        ("[tags]\npattern = \"^v(\\\\d)\\\\1\"\n", "notes.toml:2: tags.pattern is not a supported regular expression"),
        ("[[rule]]\nsubject = \"^a\"\nskip = true\n[[rule]]\npath = \"(?=docs)\"\nskip = true\n",
         "notes.toml:5: rule 2: path is not a supported regular expression"),
        ("[[skip]]\nbody = \"(a|b){999}\"\n", "notes.toml:2: skip rule 1: body is not a supported regular expression"),
        ("[[package]]\nname = \"a\"\npaths = [\"a\"]\ntag_pattern = \"[z-a]\"\n",
         "notes.toml:4: package[0].tag_pattern is not a supported regular expression"),
    ])
    func refusedAtLoad(text: String, message: String) {
        do {
            _ = try ConfigurationLoader.parse(text, file: "notes.toml", root: nil)
            Issue.record("no error for \(text)")
        } catch let error as NotesError {
            #expect(error.exitCode == .configuration)
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.hint?.contains("docs/configuration.md") == true)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a tag filter with an invalid pattern is an error, not \"every tag passes\"")
    func tagFilterRefusesInvalidPattern() {
        // Before: TagFilter compiled the pattern per tag and admitted every tag when it did not compile.
        #expect(throws: NotesError.self) { try TagFilter(pattern: "^v(") }
        let filter = try? TagFilter(pattern: "^v\\d")
        #expect(filter?.admits("v1.0.0") == true && filter?.admits("x1.0.0") == false)
    }

    @Test("[[skip]] and [[rule]] patterns of the hang shapes finish on a long subject and body")
    func rulesFinish() throws {
        var configuration = Configuration()
        configuration.skip = [.init(subject: "(a+)+$", body: "(.*a){20}$", author: nil)]
        configuration.rule = [.init(subject: "((a*)*)*b", author: "(a|aa)+$", path: "(x+x+)+y", skip: true)]
        let rules = try GroupingRules(configuration)
        let long = String(repeating: "a", count: 20_000) + "!"
        let record = Sample.commit(long + "\n\n" + long, author: long, seed: 1)
        #expect(rules.skip(record) == nil)
        #expect(rules.commitRules.match(record, paths: [String(repeating: "x", count: 20_000)]) == nil)
    }
}
